/**
 * Reading a closed shadow root from a test. Page scripts cannot reach a closed root, but the
 * DevTools protocol can: `DOM.getDocument({ pierce: true })` lists shadow roots of every mode,
 * and `Runtime.callFunctionOn` runs a function with the root as `this`.
 */
import type { CDPSession, Page } from 'playwright-core';

/** The part of a CDP DOM node we walk. */
interface DomNode {
  nodeName: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findByTag(node: DomNode, tagName: string): DomNode | null {
  if (node.nodeName === tagName) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findByTag(child, tagName);
    if (found) return found;
  }
  return null;
}

/**
 * Calls `functionDeclaration` (source text of a `function () { ... }`, with the shadow root as
 * `this`) in the main frame and returns its JSON value; `null` when no element `hostTag` with a
 * shadow root is on the page.
 */
export async function evaluateInShadowRoot<T>(
  page: Page,
  hostTag: string,
  functionDeclaration: string,
): Promise<T | null> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    const host = findByTag(root, hostTag.toUpperCase());
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    if (!object.objectId) return null;
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) {
      throw new Error(
        `Evaluation in <${hostTag}>'s shadow root failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`,
      );
    }
    return (result.value ?? null) as T | null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
