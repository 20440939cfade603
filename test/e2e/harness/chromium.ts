/**
 * Finding a Chromium or Chrome binary for the e2e tests and `npm start`.
 *
 * Order: `CHROME_PATH`, then the usual names on the PATH, then the usual install paths.
 * With none found we throw an error that says how to install one: a missing browser must fail
 * the run loudly, never skip the end-to-end tests in silence.
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** Executable names tried on the PATH, in order of preference. */
export const CHROMIUM_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
] as const;

/** Where systems usually install Chromium or Chrome when it is not on the PATH. */
export const CHROMIUM_INSTALL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
] as const;

/** Thrown when no browser can be found; its message is the fix. */
export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Looks `name` up on a PATH string the way a shell would. */
export function whichOnPath(
  name: string,
  pathVar = process.env.PATH ?? '',
  isExecutable = isExecutableFile,
): string | undefined {
  for (const dir of pathVar.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The path of a Chromium or Chrome executable.
 * @throws ChromiumNotFoundError with install instructions when there is none.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  isExecutable = isExecutableFile,
): string {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new ChromiumNotFoundError(
      `CHROME_PATH is set to "${fromEnv}", which is not an executable file. ` +
        'Point it at a Chromium or Chrome binary, or unset it to search the usual places.',
    );
  }
  for (const name of CHROMIUM_NAMES) {
    const found = whichOnPath(name, env.PATH ?? '', isExecutable);
    if (found) return found;
  }
  for (const candidate of CHROMIUM_INSTALL_PATHS) {
    if (isExecutable(candidate)) return candidate;
  }
  throw new ChromiumNotFoundError(
    'No Chromium or Chrome found for the end-to-end tests. Looked at CHROME_PATH, for ' +
      `${CHROMIUM_NAMES.join(', ')} on the PATH, and in the usual install folders.\n` +
      'Install one (Debian/Ubuntu: `sudo apt-get install chromium`), ' +
      'or set CHROME_PATH=/path/to/chrome.',
  );
}
