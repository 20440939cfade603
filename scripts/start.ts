/**
 * `npm start`: find Chromium (installing it where the machine allows), build the extension, serve
 * the demo news page and open Chromium with the extension on it.
 *
 * With a display (DISPLAY or WAYLAND_DISPLAY) it opens a window and waits until you close it.
 * Without one, or with `-- --headless`, it hovers a name and saves screenshots of the page with
 * its highlights, the open card and the popup into demo-output/, printing their paths.
 *
 * Options: --headless, --no-build, --out <dir> (screenshots folder, default demo-output).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ensureBrowsers } from './browsers';
import { extensionDir } from '../test/e2e/harness/launch';
import { launchExtension, type ExtensionSession } from '../test/e2e/harness/extension';
import { NewsPage, PopupObject } from '../test/e2e/harness/pages';
import { parseStartOptions } from './start-options';
import { errorMessage } from '../utils/format';

/** How long to wait for the content script's first highlights (ms); a limit, not a measurement. */
const HIGHLIGHT_WAIT_MS = 10_000;
/** How long to wait for the card after hovering (ms): the dwell delay plus a busy machine. */
const CARD_WAIT_MS = 6_000;
/** How long to let the popup render its data before the screenshot (ms). */
const POPUP_SETTLE_MS = 1_500;
/** The popup's size in Chrome's toolbar bubble (at most 800 x 600), so its screenshot looks real. */
const POPUP_VIEWPORT = { width: 800, height: 600 } as const;
/** The name hovered: its first mention is in the article's first paragraph. */
const DEMO_NAME = 'Volodymyr Zelenskyy';

function build(): void {
  console.log('Building the extension (npm run build)...');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
  }
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** Opens a window on the demo page and waits until the browser is closed or Ctrl+C. */
async function runHeaded(session: ExtensionSession): Promise<void> {
  const news = await NewsPage.open(session, '/demo.html');
  await news.page.bringToFront();
  console.log(`Demo page: ${session.fixtureUrl('/demo.html')}`);
  console.log('Hover a highlighted name; the Standpoint icon is under the puzzle piece.');
  console.log('Close the browser window or press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    session.context.once('close', () => resolve());
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** Hovers a name and saves what exists: the page, the card, the popup. Returns the files saved. */
async function runHeadless(session: ExtensionSession, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const saved: string[] = [];
  const note = (what: string, why: string) => console.log(`  skipped ${what}: ${why}`);

  const news = await NewsPage.open(session, '/demo.html');
  const deadline = Date.now() + HIGHLIGHT_WAIT_MS;
  let mentions = await news.mentions();
  while (mentions.length === 0 && Date.now() < deadline) {
    await news.page.waitForTimeout(250);
    mentions = await news.mentions();
  }
  if (mentions.length === 0) note('highlights', 'no names highlighted on the page (yet)');
  else console.log(`  ${mentions.length} names highlighted`);

  const pageShot = path.join(outDir, 'page.png');
  await news.page.screenshot({ path: pageShot });
  saved.push(pageShot);

  const name = mentions.some((m) => m.text === DEMO_NAME)
    ? DEMO_NAME
    : (mentions[0]?.text ?? DEMO_NAME);
  await news.hoverName(name);
  const card = news.card();
  try {
    await card.waitForOpen(CARD_WAIT_MS);
    await card.settled();
    const cardShot = path.join(outDir, 'card.png');
    await news.page.screenshot({ path: cardShot });
    saved.push(cardShot);
  } catch {
    note('card', `no card opened on hovering "${name}"`);
  }

  if (existsSync(path.join(extensionDir(), 'popup.html'))) {
    const popup = await PopupObject.open(session, news.page);
    await popup.page.setViewportSize(POPUP_VIEWPORT);
    await popup.page.waitForTimeout(POPUP_SETTLE_MS);
    const popupShot = path.join(outDir, 'popup.png');
    await popup.page.screenshot({ path: popupShot });
    saved.push(popupShot);
  } else {
    note('popup', 'the build has no popup.html');
  }

  if (existsSync(path.join(extensionDir(), 'compare.html'))) {
    const compare = await session.openExtensionPage('compare.html');
    await compare.waitForTimeout(POPUP_SETTLE_MS);
    const compareShot = path.join(outDir, 'compare.png');
    await compare.screenshot({ path: compareShot });
    saved.push(compareShot);
  } else {
    note('compare page', 'the build has no compare.html');
  }
  return saved;
}

async function main(): Promise<void> {
  const opts = parseStartOptions(process.argv.slice(2));
  // Chromium first: found, or installed where allowed, or the command to install it and stop.
  const { chromium: executablePath } = ensureBrowsers(['chromium']);
  if (opts.build) build();
  // Headed, we wait for Ctrl+C ourselves and then close the browser and remove its profile.
  const session = await launchExtension({
    headless: opts.headless,
    executablePath,
    handleSignals: opts.headless,
    // A window sizes its page itself; headless screenshots keep the fixed laptop viewport.
    ...(opts.headless ? {} : { viewport: null, args: ['--window-size=1280,900'] }),
  });
  try {
    if (opts.headless) {
      console.log(`Chromium (headless) with Standpoint ${session.extensionId}; demo page served.`);
      const saved = await runHeadless(session, opts.outDir);
      console.log('Screenshots:');
      for (const file of saved) console.log(`  ${relative(file)}`);
    } else {
      await runHeaded(session);
    }
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exit(1);
});
