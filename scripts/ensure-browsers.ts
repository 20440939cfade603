/**
 * `tsx scripts/ensure-browsers.ts chromium firefox`: finds the named browsers and installs the
 * missing ones where this machine allows it (see scripts/browsers.ts). Prints the path of each;
 * when one is missing and cannot be installed here, prints the one command to run and exits 1.
 * `npm test`, `npm run test:e2e`, `npm run test:firefox` and the CI script run it first.
 */
import {
  BROWSER_KINDS,
  BROWSERS,
  BrowserSetupError,
  ensureBrowsers,
  type BrowserKind,
} from './browsers';

function main(argv: string[]): number {
  const kinds = argv.length > 0 ? argv : ['chromium'];
  const unknown = kinds.filter((k) => !BROWSER_KINDS.includes(k as BrowserKind));
  if (unknown.length > 0) {
    console.error(`Unknown browser "${unknown.join('", "')}"; known: ${BROWSER_KINDS.join(', ')}.`);
    return 2;
  }
  try {
    const found = ensureBrowsers(kinds as BrowserKind[]);
    for (const kind of kinds as BrowserKind[]) {
      console.log(`${BROWSERS[kind].label}: ${found[kind]}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof BrowserSetupError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
