/** Text for readers: dates, countries, sizes, hosts, error details. Shared by every context. */

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** `2025-08-15` -> `Aug 15, 2025`; anything unparsable is returned unchanged. */
export function formatDate(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

let regionNames: Intl.DisplayNames | null | undefined;

/** `DE` -> `Germany`; falls back to the code where the platform has no region names. */
export function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** `8 MiB`, `2.4 MiB`, `256 KiB`, `812 bytes`: sizes in the binary units the limits are set in. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KiB`;
  return `${n} bytes`;
}

/** The host a reader recognises in a URL (`news.example.org`, `127.0.0.1:8080`). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Shortens text to `max` characters with an ellipsis (details quoted from hostile files). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The message of a thrown value, which need not be an `Error`. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
