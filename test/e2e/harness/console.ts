/**
 * What a reader would find in Chromium's consoles: errors and warnings of every page and
 * extension page of the session (uncaught errors included) and of the service worker.
 */
import type { ConsoleMessage, Page } from 'playwright-core';
import type { ExtensionSession } from './extension';

/**
 * Starts collecting; returns the live list of problems ("<where> <type>: <text>"). The browser's
 * own network lines ("Failed to load resource", e.g. a fixture without a favicon, or a feed that
 * answers 500 on purpose) are left out: they say what a server did, not what our code did.
 */
export async function watchConsole(session: ExtensionSession): Promise<string[]> {
  const problems: string[] = [];
  const record = (where: () => string) => (msg: ConsoleMessage) => {
    if (msg.type() !== 'error' && msg.type() !== 'warning') return;
    if (msg.text().startsWith('Failed to load resource')) return;
    problems.push(`${where()} ${msg.type()}: ${msg.text()}`);
  };
  const watch = (page: Page) => {
    page.on(
      'console',
      record(() => page.url()),
    );
    page.on('pageerror', (e) => problems.push(`${page.url()} uncaught: ${String(e)}`));
  };
  session.context.pages().forEach(watch);
  session.context.on('page', watch);
  (await session.serviceWorker()).on(
    'console',
    record(() => 'service worker'),
  );
  return problems;
}
