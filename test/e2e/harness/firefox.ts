/**
 * Firefox for the end-to-end tests: Firefox (ESR on Debian) driven over WebDriver BiDi by
 * `puppeteer-core`, with the unpacked Firefox build installed as a temporary add-on.
 *
 * - The add-on's moz-extension id is fixed by the `extensions.webextensions.uuids` pref, so tests
 *   know the URL of its pages before it runs.
 * - `--remote-allow-system-access` lets BiDi reach what the tests need beyond web pages: the
 *   moz-extension pages, and the browser's own window, where we read the Browser Console and stop
 *   the background script as Firefox does when it is idle.
 * - The hover card lives in a closed shadow root; BiDi serializes a node with
 *   `includeShadowTree: 'all'`, which hands us that root.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from '../../../scripts/browsers';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { DEFAULT_VIEWPORT } from './launch';

/** The add-on's id in the Firefox manifest (wxt.config.ts). */
const FIREFOX_ADDON_ID = 'standpoint@standpoint.invalid';
/** The moz-extension host the tests give the add-on (any fixed UUID). */
const FIREFOX_ADDON_UUID = '3f1c2b7e-5d4a-4c8e-9b1f-7a6d2e0c4b58';

/** Upper bound for an extension page or a state the tests wait for (ms); a limit, not a measurement. */
const WAIT_MS = 20_000;
/** How often waits re-check (ms). */
const POLL_MS = 100;

/** Where the Firefox MV3 build lives: `$STANDPOINT_OUT_DIR/firefox-mv3`, `.output` by default. */
export function firefoxExtensionDir(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string {
  return path.resolve(cwd, env.STANDPOINT_OUT_DIR ?? '.output', 'firefox-mv3');
}

/** The lowest Firefox version the build's manifest accepts (`strict_min_version`), e.g. 153. */
export function manifestMinFirefox(extensionDir = firefoxExtensionDir()): number {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { strict_min_version?: string } };
  };
  const min = manifest.browser_specific_settings?.gecko?.strict_min_version ?? '0';
  return Number.parseInt(min, 10);
}

/** One message of the Browser Console that comes from the add-on. */
interface ConsoleEntry {
  /** `error`, `warning`, `info`... (script errors and CSP reports are errors or warnings). */
  level: string;
  message: string;
  /** The script or page it names, when it names one. */
  source: string;
}

export interface FirefoxSession {
  browser: Browser;
  server: FixtureServer;
  /** `moz-extension://<uuid>`. */
  extensionOrigin: string;
  fixtureUrl(pathname: string): string;
  extensionUrl(pathname: string): string;
  /** A new tab on a fixture path or URL, loaded. */
  openPage(pathOrUrl: string): Promise<Page>;
  /** A new tab on an extension page (popup.html, options.html...), rendered. */
  openExtensionPage(pathname: string): Promise<Page>;
  /**
   * Calls `functionDeclaration` (source of `function () { ... }`) with the shadow root of the
   * first `hostTag` element as `this`, closed roots included; returns its JSON value, or null
   * when there is no such element or root.
   */
  inShadowRoot<T>(page: Page, hostTag: string, functionDeclaration: string): Promise<T | null>;
  /** Evaluates an expression in the browser's own window (system privileges); JSON in, JSON out. */
  inBrowserWindow<T>(expression: string): Promise<T>;
  /**
   * Every Browser Console message that names the add-on (its moz-extension URL or its id), but
   * for one message of Firefox's own page teardown (see `isFirefoxTeardown`).
   */
  addonConsoleMessages(): Promise<ConsoleEntry[]>;
  /** Stops the add-on's background script the way Firefox does when it is idle. */
  stopBackground(): Promise<void>;
  /** Whether the add-on's background script is running. */
  backgroundRunning(): Promise<boolean>;
  close(): Promise<void>;
}

/** What the BiDi connection of puppeteer-core accepts; it is not part of the public types. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** A BiDi `script.evaluate` / `script.callFunction` result. */
interface BidiEvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown; sharedId?: string };
  exceptionDetails?: { text: string };
}

function connectionOf(browser: Browser): BidiConnection {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('puppeteer-core did not connect over WebDriver BiDi');
  return connection;
}

/** The BiDi browsing context id of a page's main frame. */
function contextOf(page: Page): string {
  const frame = page.mainFrame() as unknown as { browsingContext?: { id: string } };
  if (!frame.browsingContext) throw new Error('Not a WebDriver BiDi page');
  return frame.browsingContext.id;
}

function unwrap<T>(reply: { result: Record<string, unknown> }, what: string): T {
  const result = reply.result as unknown as BidiEvaluateResult;
  if (result.type === 'exception') {
    throw new Error(`${what} failed: ${result.exceptionDetails?.text ?? 'exception'}`);
  }
  return result.result?.value as T;
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Reads the Browser Console (script errors, CSP reports, `console.*` calls of every context)
 * and keeps what names the add-on. Runs in the browser's window.
 */
const READ_CONSOLE = (origin: string, id: string) => `(() => {
  const ours = (text) => typeof text === 'string' && (text.includes(${JSON.stringify(origin)}) || text.includes(${JSON.stringify(id)}));
  const out = [];
  for (const m of Services.console.getMessageArray()) {
    const isError = m instanceof Ci.nsIScriptError;
    const message = isError ? m.errorMessage : m.message;
    const source = isError ? m.sourceName : '';
    if (!ours(message) && !ours(source)) continue;
    const level = !isError ? 'info' : m.flags & Ci.nsIScriptError.warningFlag ? 'warning' : m.flags & Ci.nsIScriptError.infoFlag ? 'info' : 'error';
    out.push({ level, message, source });
  }
  const storage = Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage);
  for (const e of storage.getEvents()) {
    if (!ours(e.filename) && !ours(e.addonId)) continue;
    const message = (e.arguments || []).map((a) => { try { return typeof a === 'string' ? a : String(a); } catch { return '?'; } }).join(' ');
    out.push({ level: e.level, message, source: e.filename || '' });
  }
  return JSON.stringify(out);
})()`;

/**
 * Firefox's own teardown, not ours. Two messages are left out:
 * - When a page closes, Firefox removes the page's `storage.onChanged` listeners after it has
 *   already closed their channel and logs "sendRemoveListener on closed conduit <add-on id>.<n>"
 *   from ConduitsChild.sys.mjs. A two-line add-on with one `storage.onChanged.addListener` in a
 *   content script logs the same on every navigation.
 * - When an extension page closes while one of its `runtime.sendMessage` calls still waits for the
 *   background's answer, Firefox settles that promise after the page is gone and logs, against
 *   the page's script, "Promise rejected after context unloaded: Actor 'Conduits' destroyed before
 *   query 'RuntimeMessage' was resolved" or, when the answer came in the same moment, "Promise
 *   resolved after context unloaded" (both seen in clean-clone CI runs, each once). A reader who
 *   closes the popup while it loads does the same; the tests close pages as soon as they have
 *   read them, so on a busy machine it happens.
 * Neither says anything about Standpoint's code. Every other message, at every level, counts.
 */
function isFirefoxTeardown(entry: ConsoleEntry): boolean {
  if (
    entry.source === 'resource://gre/modules/ConduitsChild.sys.mjs' &&
    /^send\w+ on closed conduit \S+$/.test(entry.message)
  ) {
    return true;
  }
  return (
    /^Promise rejected after context unloaded: Actor 'Conduits' destroyed before query 'RuntimeMessage' was resolved\s*$/.test(
      entry.message,
    ) || /^Promise resolved after context unloaded\s*$/.test(entry.message)
  );
}

/** Prefs that keep a test profile quiet: no first-run pages, updates or telemetry. */
const QUIET_PREFS = {
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'app.update.enabled': false,
  'extensions.update.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
} as const;

/**
 * Starts Firefox on a fresh profile with the Firefox build installed, and the fixture server.
 * Call `close()` in `afterAll`.
 */
export async function launchFirefox(
  opts: { headless?: boolean; extensionPath?: string; executablePath?: string } = {},
): Promise<FirefoxSession> {
  const extensionPath = opts.extensionPath ?? firefoxExtensionDir();
  const extensionOrigin = `moz-extension://${FIREFOX_ADDON_UUID}`;
  const server = await startFixtureServer();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: opts.executablePath ?? findFirefox(),
      headless: opts.headless ?? true,
      defaultViewport: DEFAULT_VIEWPORT,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        ...QUIET_PREFS,
        'extensions.webextensions.uuids': JSON.stringify({
          [FIREFOX_ADDON_ID]: FIREFOX_ADDON_UUID,
        }),
      },
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  try {
    await browser.installExtension(extensionPath);
  } catch (error) {
    await browser.close().catch(() => undefined);
    await server.close();
    throw new Error(`Firefox refused the add-on in ${extensionPath}`, { cause: error });
  }
  const connection = connectionOf(browser);

  const fixtureUrl = (pathname: string) => server.url(pathname);
  const extensionUrl = (pathname: string) =>
    new URL(pathname.replace(/^\//, ''), extensionOrigin + '/').href;

  let browserWindow: string | undefined;
  const inBrowserWindow = async <T>(expression: string): Promise<T> => {
    if (!browserWindow) {
      const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const contexts = tree.result.contexts as { context: string; url: string }[];
      browserWindow = contexts.find((c) => c.url.startsWith('chrome://browser/'))?.context;
      if (!browserWindow) throw new Error('No browser window to evaluate in');
    }
    const reply = await connection.send('script.evaluate', {
      expression,
      awaitPromise: true,
      target: { context: browserWindow },
    });
    return unwrap<T>(reply, 'Evaluation in the browser window');
  };

  const policy = `WebExtensionPolicy.getByID(${JSON.stringify(FIREFOX_ADDON_ID)}).extension`;
  const backgroundRunning = () =>
    // The extension's background state, as about:debugging shows it.
    inBrowserWindow<boolean>(`${policy}.backgroundState === 'running'`);

  return {
    browser,
    server,
    extensionOrigin,
    fixtureUrl,
    extensionUrl,
    async openPage(pathOrUrl) {
      const page = await browser.newPage();
      await page.goto(/^[a-z-]+:/i.test(pathOrUrl) ? pathOrUrl : fixtureUrl(pathOrUrl));
      return page;
    },
    async openExtensionPage(pathname) {
      const page = await browser.newPage();
      const url = extensionUrl(pathname);
      // Puppeteer does not see a navigation into a moz-extension page finish; navigate over
      // BiDi without waiting, then wait for the page's own document to be complete.
      await connection.send('browsingContext.navigate', {
        context: contextOf(page),
        url,
        wait: 'none',
      });
      await until(
        () => page.evaluate(() => [location.href, document.readyState] as const),
        ([href, state]) => href === url && state === 'complete',
        `${pathname} to load`,
      );
      return page;
    },
    async inShadowRoot<T>(page: Page, hostTag: string, functionDeclaration: string) {
      const target = { context: contextOf(page) };
      const hostReply = await connection.send('script.callFunction', {
        functionDeclaration: `function (tag) { return document.querySelector(tag); }`,
        arguments: [{ type: 'string', value: hostTag }],
        awaitPromise: false,
        target,
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
      });
      const host = (hostReply.result as unknown as BidiEvaluateResult).result as
        { type: string; value?: { shadowRoot?: { sharedId?: string } | null } } | undefined;
      const rootId = host?.type === 'node' ? host.value?.shadowRoot?.sharedId : undefined;
      if (!rootId) return null;
      const reply = await connection.send('script.callFunction', {
        functionDeclaration: `function () { return Promise.resolve((${functionDeclaration}).call(this)).then((v) => JSON.stringify(v ?? null)); }`,
        this: { sharedId: rootId },
        awaitPromise: true,
        target,
      });
      return JSON.parse(unwrap<string>(reply, `Evaluation in <${hostTag}>'s shadow root`)) as T;
    },
    inBrowserWindow,
    async addonConsoleMessages() {
      const json = await inBrowserWindow<string>(READ_CONSOLE(extensionOrigin, FIREFOX_ADDON_ID));
      return (JSON.parse(json) as ConsoleEntry[]).filter((entry) => !isFirefoxTeardown(entry));
    },
    async stopBackground() {
      await inBrowserWindow(`${policy}.terminateBackground().then(() => true)`);
      await until(backgroundRunning, (running) => !running, 'the background script to stop');
    },
    backgroundRunning,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}
