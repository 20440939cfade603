/**
 * When a card opens and closes. Pure behaviour over a `MentionIndex` and a `CardSurface`, so it
 * can be driven with fake timers and synthetic events; rendering lives in ./card-surface.ts.
 *
 * - Pointer (mouse, pen): resting on a name for PREFETCH_DWELL_MS fetches its card, resting for
 *   the hover delay (a setting) opens it; a quick pass opens nothing. Leaving both the name and
 *   the card closes it after CLOSE_GRACE_MS; on the card it stays open. One card at a time.
 * - Esc, a page scroll, or a press elsewhere closes it. A card opened from the keyboard follows
 *   scrolling instead (walking to a name scrolls the page) and closes on Esc or a press elsewhere.
 * - Touch: a tap on a name opens its card at once and that click alone is kept from following a
 *   link under the name; a second tap on the same name follows it. The finger's press on a name
 *   fetches its card, so the tap finds it ready.
 * - Keyboard commands open the card for the name at or after the selection and walk the names.
 * The pointer is followed per element (`pointerover`), and move by move only over an element
 * that holds a name's text: on the rest of a page a pointer move runs none of this code.
 * Every listener and timer is tied to `signal`. Pointer and click events a page script made
 * (`isTrusted` false) are ignored: only the reader's own pointer opens, keeps or closes a card.
 */
import type { Mention, MentionIndex } from '@/utils/spotting/types';
import type { CardCommand } from '@/utils/tab-message';
import { CLOSE_GRACE_MS, PREFETCH_DWELL_MS } from './timing';
import { firstAtOrAfter, firstVisible, liveRange, sameMention } from './mentions';
import { whenIdle } from '../idle';

/** Longest wait for an idle period before the hit test is warmed anyway, ms. */
const HIT_WARM_TIMEOUT_MS = 1_000;
/** The hit test is warmed once the names have not changed for this long, ms. */
const HIT_WARM_QUIET_MS = 300;
/** Checks for that quiet before the hit test is warmed anyway (a page that never stops changing). */
const HIT_WARM_CHECKS = 10;

/** The pointer move listener's options (on the window, in the capture phase, as the others). */
const MOVE_LISTENER = { capture: true, passive: true } as const;

/** How a card was opened: decides focus (keyboard only) and whether scrolling closes it. */
export type OpenReason = 'hover' | 'touch' | 'keyboard';

/** What the controller drives: the rendered card. */
export interface CardSurface {
  /** Shows the card for `mention`; `point` is the pointer position for multi-line names. */
  open(mention: Mention, reason: OpenReason, point?: { x: number; y: number }): void;
  /** Hides the card (and gives focus back when it had taken it). */
  close(): void;
  /** True when the event target is the card or inside it. */
  contains(target: EventTarget | null): boolean;
}

export interface HoverControllerOptions {
  index: MentionIndex;
  surface: CardSurface;
  /**
   * Starts loading a name's card and setting it up; called once the pointer rests on the name
   * (PREFETCH_DWELL_MS), with the pointer's position.
   */
  prefetch: (mention: Mention, point: { x: number; y: number }) => void;
  /** The current hover delay in ms (the user's setting). */
  hoverDelayMs: () => number;
  signal: AbortSignal;
  doc?: Document;
  /** Brings a mention into view before a keyboard-opened card shows. */
  reveal?: (mention: Mention) => void;
}

export interface HoverController {
  /** The mention whose card is open, or null. */
  readonly current: Mention | null;
  /** Runs a keyboard command; false when the page has no names to show. */
  command(cmd: CardCommand): boolean;
  close(): void;
}

/** Scrolls a mention's element to the middle of the view, without motion if the user asks. */
function revealMention(mention: Mention): void {
  const node = mention.range.startContainer;
  const el = node instanceof Element ? node : node.parentElement;
  const win = node.ownerDocument?.defaultView;
  const reduce = win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
  el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
}

export function createHoverController(opts: HoverControllerOptions): HoverController {
  const { index, surface, prefetch, hoverDelayMs, signal } = opts;
  const doc = opts.doc ?? document;
  const win = doc.defaultView ?? window;
  const reveal = opts.reveal ?? revealMention;

  let current: Mention | null = null;
  let openedBy: OpenReason | null = null;
  /** The name the pointer rests on, waiting for the delay. */
  let pending: Mention | null = null;
  let prefetchTimer: ReturnType<typeof setTimeout> | undefined;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where keyboard walking continues from. */
  let cursor: Mention | null = null;
  /** The pointer type of the last press, for browsers whose `click` is no PointerEvent. */
  let lastPressType = '';

  const cancelPending = () => {
    // Most pointer moves have nothing to cancel: no timer call then (one costs a few µs).
    if (pending === null && prefetchTimer === undefined && openTimer === undefined) return;
    clearTimeout(prefetchTimer);
    clearTimeout(openTimer);
    prefetchTimer = openTimer = undefined;
    pending = null;
  };
  const cancelClose = () => {
    clearTimeout(closeTimer);
    closeTimer = undefined;
  };

  function open(mention: Mention, reason: OpenReason, point?: { x: number; y: number }) {
    cancelPending();
    cancelClose();
    current = mention;
    openedBy = reason;
    cursor = mention;
    surface.open(mention, reason, point);
  }

  /** Closes the card; a hover waiting on another name carries on. */
  function closeCard() {
    cancelClose();
    if (!current) return;
    current = null;
    openedBy = null;
    surface.close();
  }

  function close() {
    cancelPending();
    closeCard();
  }

  const scheduleClose = () => {
    // A card opened from the keyboard is not the pointer's: moving the mouse leaves it open.
    if (current && openedBy !== 'keyboard' && closeTimer === undefined) {
      closeTimer = setTimeout(closeCard, CLOSE_GRACE_MS);
    }
  };

  function rest(mention: Mention, point: { x: number; y: number }) {
    if (sameMention(pending, mention)) return;
    cancelPending();
    pending = mention;
    prefetchTimer = setTimeout(() => prefetch(mention, point), PREFETCH_DWELL_MS);
    openTimer = setTimeout(() => open(mention, 'hover', point), hoverDelayMs());
  }

  /**
   * The pointer moved to (x, y) over `target`; `hit` is that target when the browser hit-tested
   * the point for it (no pointer capture), so the index may answer from it. `mayBeOnName` false:
   * the caller knows the element holds no name's text, and nothing is looked up.
   */
  function moveTo(
    target: EventTarget | null,
    x: number,
    y: number,
    hit?: EventTarget | null,
    mayBeOnName = true,
  ) {
    if (surface.contains(target)) {
      cancelPending();
      cancelClose();
      return;
    }
    const mention = mayBeOnName ? index.mentionAt(x, y, hit) : null;
    if (mention && sameMention(mention, current)) {
      cancelPending();
      cancelClose();
      return;
    }
    if (mention) rest(mention, { x, y });
    else cancelPending();
    scheduleClose();
  }

  /**
   * Pointer moves are listened to only where they can matter: while the pointer is over an
   * element that holds a name's text (or may: the index is unsure), while a page has captured
   * the pointer, and until the first pointer event says where the pointer is. Every other move
   * runs none of our code: the element the pointer entered (`pointerover`, once per element)
   * said there is no name anywhere in it, and the platform's price of a listener in this
   * script's world (the event's wrapper, its properties: about 80 µs) is paid per element
   * instead of per move.
   */
  let listeningToMoves = false;
  /**
   * The element the pointer is over, as the last pointer event said; undefined until one did
   * (the pointer may have been on the page before the hover side started); null once it left
   * the window.
   */
  let over: EventTarget | null | undefined = undefined;
  /** A page holds the pointer captured: events name its element, not the one under the pointer. */
  let captured = false;
  /** `over` may hold a name's text (checked once per element, not per move). */
  let overMayHold = false;
  /** `timeStamp` of the `pointerover` that looked up its point: the step's `pointermove` is the same move. */
  let overStamp = -1;

  /** Checks `over` for names, and starts or stops listening to pointer moves accordingly. */
  function followMoves() {
    overMayHold = over != null && !surface.contains(over) && index.mayHoldMention(over);
    const on = !signal.aborted && (captured || over === undefined || overMayHold);
    if (on === listeningToMoves) return;
    listeningToMoves = on;
    // No `signal` here: each add would leave the signal one more abort step to keep; the abort
    // below removes the listener.
    if (on) win.addEventListener('pointermove', onPointerMove, MOVE_LISTENER);
    else win.removeEventListener('pointermove', onPointerMove, MOVE_LISTENER);
  }

  /**
   * A move of the pointer over `over`, checked already: the caret lookup runs only where a name
   * may be (or anywhere while a page holds the pointer captured), and is not handed the element
   * to check again.
   */
  const moveOver = (e: PointerEvent) =>
    moveTo(e.target, e.clientX, e.clientY, undefined, captured || overMayHold);

  function onPointerOver(e: PointerEvent) {
    if (!e.isTrusted || e.pointerType === 'touch') return;
    over = e.target;
    followMoves();
    // This step's `pointermove` follows at once; when it reaches the listener just added, it
    // finds the point looked up already.
    overStamp = listeningToMoves ? e.timeStamp : -1;
    moveOver(e);
  }

  function onPointerMove(e: PointerEvent) {
    if (!e.isTrusted || e.pointerType === 'touch') return;
    if (e.timeStamp === overStamp && e.target === over) {
      overStamp = -1;
      return;
    }
    if (e.target !== over) {
      // No `pointerover` told: the first event since the hover side started.
      over = e.target;
      followMoves();
    }
    moveOver(e);
  }

  /** The pointer left the window (the root element's `pointerleave`). */
  function onPointerLeave(e: PointerEvent) {
    if (!e.isTrusted || e.pointerType === 'touch') return;
    over = null;
    followMoves();
    cancelPending();
    scheduleClose();
  }

  function onPointerCapture(e: PointerEvent) {
    if (!e.isTrusted || e.pointerType === 'touch') return;
    captured = e.type === 'gotpointercapture';
    followMoves();
  }

  function onPointerDown(e: PointerEvent) {
    if (!e.isTrusted) return;
    lastPressType = e.pointerType;
    const touch = e.pointerType === 'touch';
    if ((!current && !touch) || surface.contains(e.target)) return;
    const mention = index.mentionAt(e.clientX, e.clientY);
    if (sameMention(mention, current)) return;
    // A finger on a name: its tap opens the card at the click, a tap's length from now. The card
    // is fetched now, as for a pointer resting on a name, so it opens with its positions.
    if (touch && mention) prefetch(mention, { x: e.clientX, y: e.clientY });
    if (current) close();
  }

  function onClick(e: MouseEvent) {
    const type = (e as Partial<PointerEvent>).pointerType || lastPressType;
    if (!e.isTrusted || type !== 'touch' || surface.contains(e.target)) return;
    const mention = index.mentionAt(e.clientX, e.clientY);
    if (!mention || sameMention(mention, current)) return;
    // This tap opens the card; only this click is kept from following a link under the name.
    e.preventDefault();
    open(mention, 'touch', { x: e.clientX, y: e.clientY });
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape' && current) close();
  }

  function onScroll() {
    cancelPending();
    if (current && openedBy !== 'keyboard') close();
  }

  function command(cmd: CardCommand): boolean {
    const all = index.all();
    if (all.length === 0) return false;
    const from = current ?? cursor;
    const at = from ? all.findIndex((m) => sameMention(m, from)) : -1;
    let i: number;
    if (cmd === 'open-card') {
      const sel = doc.getSelection();
      const hasSelection = sel !== null && sel.rangeCount > 0 && sel.type !== 'None';
      i = hasSelection ? firstAtOrAfter(all, sel.getRangeAt(0)) : -1;
      if (i < 0 && at >= 0) i = at;
      if (i < 0) i = Math.max(0, firstVisible(all, win));
    } else if (at < 0) {
      const visible = firstVisible(all, win);
      i = visible >= 0 ? visible : cmd === 'next-name' ? 0 : all.length - 1;
    } else {
      // Walking wraps around at either end.
      i = (at + (cmd === 'next-name' ? 1 : -1) + all.length) % all.length;
    }
    const target = all[i]!;
    if (current) close();
    reveal(target);
    open(target, 'keyboard');
    return true;
  }

  // On the window, in the capture phase: a page that stops events further down (at the
  // document, the body or its own elements) cannot hide them from the card.
  const listen = { signal, capture: true, passive: true } as const;
  win.addEventListener('pointerover', onPointerOver, listen);
  followMoves();
  win.addEventListener('gotpointercapture', onPointerCapture, listen);
  win.addEventListener('lostpointercapture', onPointerCapture, listen);
  // Leaving the window: `pointerleave` at the root element (and the document, where the browser
  // sends one too), not bubbling, so no other element's leave runs our code. A capture listener
  // on the window would run for every element left.
  const leave = { signal, passive: true } as const;
  doc.documentElement.addEventListener('pointerleave', onPointerLeave, leave);
  doc.addEventListener('pointerleave', onPointerLeave, leave);
  win.addEventListener('pointerdown', onPointerDown, listen);
  // Not passive: a tap on a name cancels that one click.
  win.addEventListener('click', onClick, { signal, capture: true });
  win.addEventListener('keydown', onKeyDown, listen);
  win.addEventListener('scroll', onScroll, listen);

  /**
   * The first pointer move would find the hit test cold: the browser's caret lookup (and the
   * layout state it needs), the first pointer event this script's world sees, and every function
   * a move runs (the listener, the lookup, the line-box check of a name under the pointer, the
   * rest and its timers), each compiled on its first call. The warm-up makes one move of its own
   * in idle time, right after a frame, onto a name in view, and drops the rest it started: it
   * opens and fetches nothing. It runs twice: as soon as the page has names (the compiling, before the reader's
   * first move), and again once they have stopped changing for HIT_WARM_QUIET_MS (the first scan
   * is done, the layout state is the one moves will find).
   */
  let hitTestWarming = false;
  /** When the index last changed (Date.now()). */
  let lastChange = 0;
  const warmMove = () => {
    let x = win.innerWidth / 2;
    let y = win.innerHeight / 2;
    const all = index.all();
    const i = firstVisible(all, win);
    const box = i >= 0 ? liveRange(all[i]!, doc).getClientRects()[0] : undefined;
    // The element a move onto the name would be dispatched to, so its check runs too.
    let hit: EventTarget | null = null;
    if (box) {
      x = box.left + box.width / 2;
      y = box.top + box.height / 2;
      hit = all[i]!.range.startContainer.parentNode;
    }
    // A hover under way is left alone: only the lookup is warmed then.
    if (current || pending) index.mentionAt(x, y, hit);
    else {
      moveTo(null, x, y, hit);
      cancelPending();
    }
  };
  /**
   * The warm-up in a task right after the next frame: the frame has brought the page's style,
   * layout and paint state up to date, so the lookup finds it as a reader's move would, instead
   * of bringing it up to date itself. Run from an idle callback right after a scan slice added
   * highlights, it did that for the whole page in its own task: 33 ms of CPU on the 2 MB page.
   */
  const warmMoveAfterFrame = () => {
    if (typeof win.requestAnimationFrame !== 'function') return warmMove();
    win.requestAnimationFrame(() => {
      if (!signal.aborted) win.setTimeout(() => signal.aborted || warmMove(), 0);
    });
  };
  const warmHitTest = (checks: number) =>
    whenIdle(
      win,
      () => {
        // Highlights still being added (the first scan goes on): the lookup would go cold again.
        if (Date.now() - lastChange < HIT_WARM_QUIET_MS && checks < HIT_WARM_CHECKS) {
          win.setTimeout(() => warmHitTest(checks + 1), HIT_WARM_QUIET_MS);
          return;
        }
        warmMoveAfterFrame();
      },
      HIT_WARM_TIMEOUT_MS,
      signal,
    );

  // Names gone from the index (removed from the page, or the site switched off) take their card
  // and any waiting hover with them.
  /**
   * The move's code compiled at once, reading no layout: a reader may move before the warm-up
   * gets its idle period and frame (on a page still being scanned, hundreds of milliseconds),
   * and that first move compiled some fifteen functions (0.6 to 0.9 ms). The first pointer
   * event this script's world sees also builds its interface objects (PointerEvent, MouseEvent,
   * UIEvent): an event made here and never dispatched does that ahead (untrusted, the listener
   * ignores it). Then a move onto the root element, which holds no name's text (the lookup
   * answers from the target alone), and a rest on a name, dropped at once.
   */
  const compileMove = () => {
    const probe = new win.PointerEvent('pointermove', { pointerType: 'mouse' });
    onPointerOver(probe);
    onPointerMove(probe);
    void [probe.pointerType, probe.target, probe.isTrusted, probe.buttons, probe.clientX];
    void probe.timeStamp;
    // The check a `pointerover` makes, on an element that holds no name.
    index.mayHoldMention(doc.documentElement);
    if (current || pending) return;
    moveTo(null, 0, 0, doc.documentElement);
    const first = index.all()[0];
    if (first) rest(first, { x: 0, y: 0 });
    cancelPending();
  };
  const startWarming = () => {
    if (hitTestWarming) return;
    hitTestWarming = true;
    compileMove();
    // Right after the next frame, not in idle time: a page still being scanned may have none
    // for hundreds of milliseconds, and a first move before the warm-up compiles the caret
    // lookup and the line-box check in it.
    warmMoveAfterFrame();
    warmHitTest(0);
  };
  const unsubscribe = index.subscribe(() => {
    lastChange = Date.now();
    // Names may have come to the element under the pointer, or left it.
    followMoves();
    startWarming();
    if (!current && !pending) return;
    const all = index.all();
    if (current && !all.some((m) => sameMention(m, current))) close();
    if (pending && !all.some((m) => sameMention(m, pending))) cancelPending();
  });

  // The hover side starts once a name is highlighted: on a page the scan finished meanwhile, no
  // change may ever be reported again, and the names already there need the warm-up too.
  if (index.all().length > 0) {
    lastChange = Date.now();
    startWarming();
  }

  signal.addEventListener(
    'abort',
    () => {
      unsubscribe();
      followMoves();
      close();
    },
    { once: true },
  );

  return {
    get current() {
      return current;
    },
    command,
    close,
  };
}
