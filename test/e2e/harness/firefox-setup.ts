/**
 * Runs once before the Firefox tests: fails early, with the fix, when the Firefox build or a
 * Firefox the build accepts is missing, instead of letting every test time out.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findFirefox } from '../../../scripts/browsers';
import { firefoxExtensionDir, manifestMinFirefox } from './firefox';

export default function setup(): void {
  const dir = firefoxExtensionDir();
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(
      `No Firefox build in ${dir}. Build it first: \`npm run build:firefox\` ` +
        '(or run `npm test`, which builds before the tests).',
    );
  }
  // Throws with the command to install one when there is no Firefox.
  const firefox = findFirefox();
  const version = execFileSync(firefox, ['--version'], { encoding: 'utf8' }).trim();
  const major = Number.parseInt(/(\d+)\.\d+/.exec(version)?.[1] ?? '0', 10);
  const min = manifestMinFirefox(dir);
  if (major < min) {
    throw new Error(
      `${firefox} is ${version}; the add-on needs Firefox ${min} or newer ` +
        '(strict_min_version in wxt.config.ts). Set FIREFOX_PATH to a newer one.',
    );
  }
}
