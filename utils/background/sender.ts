/**
 * Who sent a message to the background, and what they may ask. The browser fills in the sender;
 * a web page cannot forge it. Only this extension's contexts are answered; extension pages may
 * send every message, content scripts (and anything not provably an extension page) only the
 * read-only `CONTENT_SCRIPT_MESSAGES`.
 */
import { CONTENT_SCRIPT_MESSAGES, type BackgroundProtocol } from '../messaging';

/** The parts of `runtime.MessageSender` the checks read (Chrome and Firefox alike). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; index?: number; windowId?: number };
}

/** The extension the background belongs to. */
export interface SelfIdentity {
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`, from `runtime.getURL('/')`. */
  extensionBaseUrl: string;
}

/** What kind of context a sender is, as far as permissions go. */
type SenderKind = 'extension-page' | 'content-script';

/** An extension page is any of our documents, in a tab or not; everything else is treated as a content script. */
function senderKind(sender: Sender, self: SelfIdentity): SenderKind {
  return typeof sender.url === 'string' && sender.url.startsWith(self.extensionBaseUrl)
    ? 'extension-page'
    : 'content-script';
}

/** Null when `sender` may send `type`; otherwise the reason it is refused. */
export function senderRefusal(
  type: keyof BackgroundProtocol,
  sender: Sender,
  self: SelfIdentity,
): string | null {
  if (!sender.id || sender.id !== self.extensionId) {
    return 'Refused: only Standpoint itself may ask its background.';
  }
  if (senderKind(sender, self) === 'content-script' && !CONTENT_SCRIPT_MESSAGES.has(type)) {
    return `Refused: “${type}” may only be asked from Standpoint’s own pages, not from a web page.`;
  }
  return null;
}
