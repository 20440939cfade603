/**
 * The two browsers of a bench run: one without any extension (the page alone: floor, baselines,
 * heap without us) and one with the built extension (the harness's launcher, exactly what the
 * e2e tests run). Both run Chromium's new headless mode with the same switches.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from '../browsers';
import {
  DEFAULT_VIEWPORT,
  launchBrowser,
  type LaunchedBrowser,
} from '../../test/e2e/harness/launch';

/**
 * Corpus pages are saved from the web and still name their images, fonts and scripts on other
 * hosts. Every host but the bench's own fails at once, so a page loads like a cached one and no
 * request waits on the network.
 */
const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

/** Same quiet switches as the harness, so both browsers differ only by the extension. */
const PLAIN_ARGS = [
  '--headless=new',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
];

export interface PlainBrowser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Chromium without extensions. */
export async function launchPlain(): Promise<PlainBrowser> {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: false,
    args: [...PLAIN_ARGS, ...OFFLINE_ARGS, ...(asRoot ? ['--no-sandbox'] : [])],
  });
  const context: BrowserContext = await browser.newContext({ viewport: DEFAULT_VIEWPORT });
  return {
    newPage: () => context.newPage(),
    close: () => browser.close(),
  };
}

/** Chromium with the build in `extensionPath` loaded. */
export function launchWithExtension(extensionPath: string): Promise<LaunchedBrowser> {
  return launchBrowser({ extensionPath, args: OFFLINE_ARGS });
}
