/**
 * Launching Chromium with the built extension loaded. Shared by the e2e tests and `npm start`,
 * so both exercise the extension the same way.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { findChromium } from '../../../scripts/browsers';

/** Upper bound for the extension's service worker to register after launch (ms); a limit, not a measurement. */
const SERVICE_WORKER_WAIT_MS = 30_000;

/** The default viewport: a common laptop size, so screenshots look like a reader's screen. */
export const DEFAULT_VIEWPORT = { width: 1280, height: 900 } as const;

/** Where the Chrome MV3 build lives: `$STANDPOINT_OUT_DIR/chrome-mv3`, `.output` by default. */
export function extensionDir(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string {
  return path.resolve(cwd, env.STANDPOINT_OUT_DIR ?? '.output', 'chrome-mv3');
}

export interface LaunchBrowserOptions {
  /** Run without a window (default true). Uses Chromium's new headless mode, which loads extensions. */
  headless?: boolean;
  /** The unpacked extension folder; defaults to {@link extensionDir}. */
  extensionPath?: string;
  /** The browser binary; defaults to {@link findChromium}. */
  executablePath?: string;
  viewport?: { width: number; height: number } | null;
  /**
   * A touch screen (default false): the pages get touch input (`page.touchscreen.tap`), as a
   * reader on a touch device taps, and report touch support.
   */
  hasTouch?: boolean;
  /** Extra Chromium switches. */
  args?: string[];
  /**
   * The browser's interface language (`de`): `--lang` where Chromium reads it, and `LANGUAGE`
   * for Linux, where it reads the environment instead. Needs Chromium's locale files (Debian:
   * `chromium-l10n`); without them Chromium stays in English.
   */
  uiLanguage?: string;
  /**
   * Let Playwright close the browser on Ctrl+C and friends (default true). A caller with its own
   * signal handling (the headed `npm start`) passes false and calls `close()` itself.
   */
  handleSignals?: boolean;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** The extension's id, read from its service worker's URL. */
  extensionId: string;
  /** The profile folder, removed by `close()`. */
  userDataDir: string;
  /** The extension's running service worker (fetched anew if Chromium restarted it). */
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

/** Switches that keep a test browser quiet and self-contained (no updates, sync or first-run UI). */
const QUIET_ARGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
];

/** Whether we run as root, where Chromium's sandbox cannot start (containers, CI). */
function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Starts Chromium on a fresh profile with only our extension loaded.
 *
 * Playwright's own `headless: true` may start the old headless mode, which cannot load
 * extensions; we ask Chromium for its new headless mode with `--headless=new` instead.
 */
export async function launchBrowser(opts: LaunchBrowserOptions = {}): Promise<LaunchedBrowser> {
  const headless = opts.headless ?? true;
  const extPath = opts.extensionPath ?? extensionDir();
  const executablePath = opts.executablePath ?? findChromium();
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'standpoint-profile-'));
  const args = [
    `--disable-extensions-except=${extPath}`,
    `--load-extension=${extPath}`,
    ...QUIET_ARGS,
    ...(runningAsRoot() ? ['--no-sandbox'] : []),
    ...(headless ? ['--headless=new'] : []),
    ...(opts.uiLanguage ? [`--lang=${opts.uiLanguage}`] : []),
    ...(opts.args ?? []),
  ];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: false,
      args,
      ...(opts.uiLanguage ? { env: { ...process.env, LANGUAGE: opts.uiLanguage } } : {}),
      viewport: opts.viewport === undefined ? DEFAULT_VIEWPORT : opts.viewport,
      hasTouch: opts.hasTouch ?? false,
      // Playwright disables extensions by default; we need ours.
      ignoreDefaultArgs: ['--disable-extensions'],
      handleSIGINT: opts.handleSignals ?? true,
      handleSIGTERM: opts.handleSignals ?? true,
      handleSIGHUP: opts.handleSignals ?? true,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const serviceWorker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (running) return running;
    return context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'),
      timeout: SERVICE_WORKER_WAIT_MS,
    });
  };

  let extensionId: string;
  try {
    const worker = await serviceWorker();
    extensionId = new URL(worker.url()).host;
  } catch (error) {
    await context.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
    throw new Error(
      `The extension in ${extPath} did not start a service worker. Is the build complete?`,
      { cause: error },
    );
  }

  return {
    context,
    extensionId,
    userDataDir,
    serviceWorker,
    async close() {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
