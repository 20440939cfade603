/**
 * The settings as a content script reads them: straight from `storage.local`, with a few plain
 * checks instead of a schema, because every page pays for what the content script loads.
 * Extension pages write the settings through ./settings.ts, which validates them with Zod; a unit
 * test holds both readings to the same answers. Anything invalid yields the defaults.
 */
import type { Settings } from './settings';

/** Default hover dwell before a card opens, ms: long enough to read as a deliberate hover. */
export const DEFAULT_HOVER_DELAY_MS = 400;
/** Bounds for the hover delay a user may choose, ms. */
export const HOVER_DELAY_RANGE_MS = { min: 150, max: 2000 } as const;
export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;
/** Bounds of the list of switched-off sites: host names are at most 253 characters. */
export const DISABLED_SITES_LIMITS = { count: 10_000, length: 253 } as const;

/** The `storage.local` key of the settings (WXT's `local:settings`). */
export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  highlightStyle: 'underline',
  hoverDelayMs: DEFAULT_HOVER_DELAY_MS,
  disabledSites: [],
  importedOnPages: true,
};
const defaults = (): Settings => ({ ...DEFAULT_SETTINGS, disabledSites: [] });

const isSite = (s: unknown): s is string =>
  typeof s === 'string' && s.length >= 1 && s.length <= DISABLED_SITES_LIMITS.length;

/** The stored value as settings; a missing field takes its default, anything invalid all defaults. */
export function readSettings(raw: unknown): Settings {
  if (raw === undefined || raw === null) return defaults();
  if (typeof raw !== 'object' || Array.isArray(raw)) return defaults();
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    if (
      key !== 'highlightStyle' &&
      key !== 'hoverDelayMs' &&
      key !== 'disabledSites' &&
      key !== 'importedOnPages'
    ) {
      return defaults();
    }
  }
  const { highlightStyle = 'underline', hoverDelayMs = DEFAULT_HOVER_DELAY_MS } = r;
  const { disabledSites = [], importedOnPages = true } = r;
  if (typeof importedOnPages !== 'boolean') return defaults();
  if (!(HIGHLIGHT_STYLES as readonly unknown[]).includes(highlightStyle)) return defaults();
  if (
    !Number.isSafeInteger(hoverDelayMs) ||
    (hoverDelayMs as number) < HOVER_DELAY_RANGE_MS.min ||
    (hoverDelayMs as number) > HOVER_DELAY_RANGE_MS.max
  ) {
    return defaults();
  }
  if (
    !Array.isArray(disabledSites) ||
    disabledSites.length > DISABLED_SITES_LIMITS.count ||
    !disabledSites.every(isSite)
  ) {
    return defaults();
  }
  return {
    highlightStyle: highlightStyle as Settings['highlightStyle'],
    hoverDelayMs: hoverDelayMs as number,
    disabledSites: [...(disabledSites as string[])],
    importedOnPages,
  };
}

/** True when Standpoint is switched off for this host (or a parent domain of it). */
export function isSiteDisabled(settings: Settings, host: string): boolean {
  const h = host.toLowerCase();
  return settings.disabledSites.some((site) => h === site || h.endsWith(`.${site}`));
}
