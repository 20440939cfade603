/**
 * A happy-dom window that only parses: no page script runs and nothing is fetched, so a saved
 * page can be read as text the way the content script reads it. Used by `spot` and `spot:eval`.
 */
import { Window } from 'happy-dom';

export function inertWindow(): Window {
  return new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
}
