/**
 * User settings, stored in `storage.local` so every context (background, pages, content
 * scripts) reads the same values and hears changes through `storage.onChanged`.
 * Only extension pages write them. Reads are validated: a corrupt value falls back to defaults.
 */
import { storage } from '#imports';
import { z } from 'zod';
import {
  DEFAULT_HOVER_DELAY_MS,
  DISABLED_SITES_LIMITS,
  HIGHLIGHT_STYLES,
  HOVER_DELAY_RANGE_MS,
  SETTINGS_KEY,
} from './settings-reader';

// The defaults, bounds and the site check are in ./settings-reader.ts, which content scripts
// use to read the settings without Zod.

const settingsSchema = z.strictObject({
  highlightStyle: z.enum(HIGHLIGHT_STYLES).default('underline'),
  hoverDelayMs: z
    .int()
    .min(HOVER_DELAY_RANGE_MS.min)
    .max(HOVER_DELAY_RANGE_MS.max)
    .default(DEFAULT_HOVER_DELAY_MS),
  /** Host names (`www.example.com`) where Standpoint does nothing at all. */
  disabledSites: z
    .array(z.string().min(1).max(DISABLED_SITES_LIMITS.length))
    .max(DISABLED_SITES_LIMITS.count)
    .default([]),
  /**
   * Whether names from packs the reader imported from files (unverified) are highlighted on
   * pages. Off: pages get only the built-in pack's and signed feeds' names, so a page reading
   * `CSS.highlights` cannot learn which files the reader imported (docs/threat-model.md).
   */
  importedOnPages: z.boolean().default(true),
});

export type Settings = z.infer<typeof settingsSchema>;

/** The raw stored item; use `loadSettings`/`saveSettings`, which validate. */
const settingsItem = storage.defineItem<unknown>(`local:${SETTINGS_KEY}`);

/**
 * Changes whenever the installed packs change; content scripts watch it to rebuild their
 * matcher without a page reload. Written only by the background.
 */
export const dictionaryVersionItem = storage.defineItem<string | null>('local:dictionaryVersion', {
  fallback: null,
});

/** Parses a stored value; anything invalid yields the defaults rather than an error. */
export function parseSettings(raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

/** Validates and stores a partial update. Extension pages only. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await loadSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

/** Watches the settings; returns the unwatch function. */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  return settingsItem.watch((raw) => cb(parseSettings(raw)));
}
