/**
 * Reads the hover card through the DevTools protocol. The card lives in a closed shadow root
 * (utils/card/host.ts), which page scripts and Playwright's locators cannot enter; CDP's DOM
 * domain can (`pierce: true`), so tests see the card as the browser renders it without any
 * test hook in the product.
 */
import { expect } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';

import { CARD_HOST_TAG } from '../../utils/spotting/scan';

/** A DOM node as CDP describes it (the fields we read). */
interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  shadowRootType?: string;
  contentDocument?: CdpNode;
}

/** A simplified element of the card: tag, attributes, text, children. */
export interface CardElement {
  tag: string;
  attrs: Record<string, string>;
  children: CardElement[];
  /** All text inside, in document order (like `textContent`). */
  text: string;
  nodeId: number;
  backendNodeId: number;
}

function toElement(node: CdpNode): CardElement {
  const attrs: Record<string, string> = {};
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) attrs[list[i]!] = list[i + 1]!;
  const children: CardElement[] = [];
  let text = '';
  for (const child of node.children ?? []) {
    if (child.nodeType === 3) text += child.nodeValue ?? '';
    else if (child.nodeType === 1) {
      const el = toElement(child);
      children.push(el);
      if (el.tag !== 'style') text += el.text;
    }
  }
  return {
    tag: (node.localName ?? node.nodeName).toLowerCase(),
    attrs,
    children,
    text,
    nodeId: node.nodeId,
    backendNodeId: node.backendNodeId,
  };
}

/** Every element under `root` (itself included) that matches `pred`, in document order. */
export function findAll(root: CardElement, pred: (el: CardElement) => boolean): CardElement[] {
  const out: CardElement[] = [];
  const walk = (el: CardElement) => {
    if (pred(el)) out.push(el);
    el.children.forEach(walk);
  };
  walk(root);
  return out;
}

export const byClass = (name: string) => (el: CardElement) =>
  (el.attrs.class ?? '').split(/\s+/).includes(name);

export interface CardSnapshot {
  /** The shadow root's mode as the browser reports it. */
  shadowRootType: string;
  /** The open dialog, or null when no card is shown (none, or one set up ahead, unseen). */
  dialog: CardElement | null;
  /** The shadow root's content (styles and the layer). */
  root: CardElement;
}

function findHost(node: CdpNode): CdpNode | null {
  if (node.localName === CARD_HOST_TAG) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return null;
}

/** A CDP session for a page; detach it when done. */
function cdpFor(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/** The card as rendered now, or null when the page has no card host yet. */
export async function readCard(page: Page): Promise<CardSnapshot | null> {
  const cdp = await cdpFor(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const host = findHost(root);
    const shadow = host?.shadowRoots?.[0];
    if (!host || !shadow) return null;
    const el = toElement({ ...shadow, localName: '#shadow-root' });
    // A card set up ahead of its hover sits in a layer marked unseen: it is not shown.
    const layer = findAll(el, byClass('sp-layer'))[0];
    const shown = layer !== undefined && !byClass('sp-unseen')(layer);
    const dialog = shown ? (findAll(layer, (e) => e.attrs.role === 'dialog')[0] ?? null) : null;
    return { shadowRootType: shadow.shadowRootType ?? 'unknown', dialog, root: el };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The open card's dialog, or null. */
export async function openCard(page: Page): Promise<CardElement | null> {
  return (await readCard(page))?.dialog ?? null;
}

/** The visible name on the open card, or null. */
export async function cardName(page: Page): Promise<string | null> {
  const dialog = await openCard(page);
  return dialog ? (findAll(dialog, byClass('sp-name'))[0]?.text ?? null) : null;
}

/** The box of an element of the card, in viewport coordinates. */
export async function boxOf(
  page: Page,
  el: CardElement,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const cdp = await cdpFor(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: el.backendNodeId })) as {
      model: { border: number[]; width: number; height: number };
    };
    return { x: model.border[0]!, y: model.border[1]!, width: model.width, height: model.height };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * A point inside an element of the card, in viewport coordinates, after scrolling it into
 * view: the centre of its first box fragment, so a link broken across lines is hit on its text.
 */
export async function centreOf(page: Page, el: CardElement): Promise<{ x: number; y: number }> {
  const cdp = await cdpFor(page);
  try {
    // Inside the card's scrolling body an element may be out of sight: bring it in first.
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: el.backendNodeId });
    const { quads } = (await cdp.send('DOM.getContentQuads', {
      backendNodeId: el.backendNodeId,
    })) as { quads: number[][] };
    const q = quads[0]!;
    const xs = [q[0]!, q[2]!, q[4]!, q[6]!];
    const ys = [q[1]!, q[3]!, q[5]!, q[7]!];
    return {
      x: (Math.min(...xs) + Math.max(...xs)) / 2,
      y: (Math.min(...ys) + Math.max(...ys)) / 2,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Computed style values of an element of the card. */
export async function computedStyle(
  page: Page,
  el: CardElement,
  names: string[],
): Promise<Record<string, string>> {
  const cdp = await cdpFor(page);
  try {
    await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { nodeIds } = (await cdp.send('DOM.pushNodesByBackendIdsToFrontend', {
      backendNodeIds: [el.backendNodeId],
    })) as { nodeIds: number[] };
    await cdp.send('CSS.enable');
    const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', {
      nodeId: nodeIds[0]!,
    })) as { computedStyle: { name: string; value: string }[] };
    const out: Record<string, string> = {};
    for (const { name, value } of computedStyle) if (names.includes(name)) out[name] = value;
    return out;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Upper bound for the page to be scanned and the card to appear (ms); a limit, not a measurement. */
const WAIT_MS = 15_000;

/** Resolves once the spotter has highlighted names on the page. */
export async function mentionsReady(page: Page) {
  await page.waitForFunction(
    () => {
      const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
      return [...(registry?.values() ?? [])].some((h) => h.size > 0);
    },
    undefined,
    { timeout: WAIT_MS },
  );
}

/** Resolves once a card is open (showing `name`, when given). */
export async function waitForCard(page: Page, name?: string) {
  await expect
    .poll(async () => (name ? cardName(page) : (await openCard(page)) !== null), {
      timeout: WAIT_MS,
    })
    .toBe(name ?? true);
}

/** Resolves once no card is shown. */
export async function waitForNoCard(page: Page) {
  await expect.poll(() => openCard(page), { timeout: WAIT_MS }).toBeNull();
}

/** The element focused inside the card, as the accessibility tree names it; null if none. */
export async function focusedInCard(page: Page): Promise<{ role: string; name: string } | null> {
  const cdp = await cdpFor(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        role?: { value?: string };
        name?: { value?: string };
        properties?: { name: string; value: { value?: unknown } }[];
      }[];
    };
    const focused = nodes.filter((n) =>
      n.properties?.some((p) => p.name === 'focused' && p.value.value === true),
    );
    const node = focused[focused.length - 1];
    return node ? { role: node.role?.value ?? '', name: node.name?.value ?? '' } : null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Opens the full list of the open card ("n more positions"), where every position shows its
 * evidence; on a card short enough to have no such button, opens each position's evidence.
 */
export async function showFullCard(page: Page): Promise<void> {
  const dialog = await openCard(page);
  if (!dialog) throw new Error('no card is open');
  const more = findAll(dialog, byClass('sp-more-all'))[0];
  const buttons = more
    ? [more]
    : findAll(dialog, (e) => e.tag === 'button' && e.attrs['aria-expanded'] === 'false');
  for (const button of buttons) {
    const { x, y } = await centreOf(page, button);
    await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.click(x, y);
  }
  await expect
    .poll(async () => findAll((await openCard(page))!, byClass('sp-evidence')).length > 0, {
      timeout: WAIT_MS,
    })
    .toBe(true);
}
