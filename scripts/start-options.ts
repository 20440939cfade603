/**
 * The command line of `npm start`, apart from the script so it can be tested without a browser.
 * A window is opened only where one can be shown: no display means headless screenshots.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface StartOptions {
  /** Headless screenshots instead of a window. */
  headless: boolean;
  /** Run `npm run build` first. */
  build: boolean;
  /** The screenshots folder (absolute). */
  outDir: string;
}

/**
 * Reads `--headless`, `--no-build` and `--out <dir>`; unknown options throw. Headless when asked,
 * or when neither DISPLAY nor WAYLAND_DISPLAY is set.
 */
export function parseStartOptions(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): StartOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      headless: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      out: { type: 'string', default: 'demo-output' },
    },
    strict: true,
    allowPositionals: false,
  });
  const hasDisplay = Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  return {
    headless: values.headless || !hasDisplay,
    build: !values['no-build'],
    outDir: path.resolve(cwd, values.out),
  };
}
