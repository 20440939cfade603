/**
 * The touch fixture page (test/fixtures/pages/touch.html) as both touch tests read it: the
 * Chromium one (test/e2e/touch.e2e.test.ts, Playwright) and the Firefox one
 * (test/e2e/firefox/touch.firefox.test.ts, puppeteer-core). The functions below run in the page
 * (`page.evaluate(readTouchLog)` in either); they use no inner named function, so they run as
 * they are written whatever the test's transform adds around named functions.
 */

/** The fixture page's path on the fixture server. */
export const TOUCH_PAGE = '/touch.html';
/** A name in plain text. */
export const PLAIN_NAME = 'Volodymyr Zelenskyy';
/** A name that is a link's whole text (`#name-link`, to `#host` on the same page). */
export const LINKED_NAME = 'Friedrich Merz';

/** What the fixture page recorded of a click. */
interface PageClick {
  /** The id of the clicked element or of its nearest ancestor with one, or its tag name. */
  on: string;
  pointerType: string;
  defaultPrevented: boolean;
  trusted: boolean;
}

/** What the fixture page has recorded since it loaded or was last cleared. */
interface TouchPageLog {
  /** Every click, at the document, after the extension's listeners. */
  clicks: PageClick[];
  /** The link's clicks, at the link. */
  linkClicks: { defaultPrevented: boolean; trusted: boolean }[];
  /** `<type>:<pointerType>` of every pointerover, pointerdown, pointermove and pointerup. */
  pointerTypes: string[];
  /** The mouse events the browser made of a touch (its compatibility mouse events). */
  compatMouse: string[];
}

/** What the fixture page has recorded so far (in the page). */
export function readTouchLog(): TouchPageLog {
  const w = window as unknown as TouchPageLog;
  return {
    clicks: w.clicks,
    linkClicks: w.linkClicks,
    pointerTypes: w.pointerTypes,
    compatMouse: w.compatMouse,
  };
}

/** Forgets what the fixture page recorded (in the page). */
export function clearTouchLog(): void {
  const w = window as unknown as Record<string, unknown[]>;
  for (const key of ['clicks', 'linkClicks', 'pointerTypes', 'compatMouse']) w[key] = [];
}

/**
 * A point in the left margin beside the page's blank block: neither a name nor the card (it opens
 * next to a name, never there). `under` is what the page has at that point, to check it is the
 * page itself (`html` or `body`). In the page.
 */
export function blankPoint(): { x: number; y: number; under: string | null } {
  const r = document.getElementById('blank')!.getBoundingClientRect();
  const x = Math.max(4, r.left / 2);
  const y = r.top + r.height / 2;
  return { x, y, under: document.elementFromPoint(x, y)?.localName ?? null };
}
