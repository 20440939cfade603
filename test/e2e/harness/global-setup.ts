/**
 * Runs once before the e2e files: fails early, with the fix, when the build or the browser is
 * missing, instead of letting every test time out.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findChromium } from '../../../scripts/browsers';
import { extensionDir } from './launch';

export default function setup(): void {
  const dir = extensionDir();
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    const out = process.env.STANDPOINT_OUT_DIR;
    throw new Error(
      `No extension build in ${dir}. Build it first: ` +
        (out ? `STANDPOINT_OUT_DIR=${out} npx wxt build` : '`npm run build`') +
        ' (or run `npm test`, which builds before the e2e tests).',
    );
  }
  // Throws with install instructions when there is no browser.
  findChromium();
}
