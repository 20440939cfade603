/**
 * Text for readers: dates, numbers, countries, sizes, hosts, error details. Shared by every
 * context. Dates and numbers have one format each, from `Intl` in the reader's locale: the
 * runtime's default locale, which browsers take from their interface language (so Chromium
 * started with `--lang=de` writes `15.08.2025`). The `locale` parameters exist for tests.
 */

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(locale: string | undefined, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      locale,
      withTime
        ? { dateStyle: 'medium', timeStyle: 'short' }
        : { dateStyle: 'medium', timeZone: 'UTC' },
    );
    dateFormats.set(key, f);
  }
  return f;
}

/** A calendar day: `2025-08-15` -> `Aug 15, 2025` (`15.08.2025` in German); unparsable text is returned unchanged. */
export function formatDate(iso: string, locale?: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dateFormat(locale, false).format(d);
}

/** A moment, in the reader's time zone: `Dec 1, 2026, 11:31 PM`; the same day style as `formatDate`. */
export function formatDateTime(iso: string | number, locale?: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : dateFormat(locale, true).format(d);
}

/** A count or measure: `1,234` (`1.234` in German), at most `digits` fraction digits. */
export function formatNumber(n: number, digits = 0, locale?: string): string {
  const key = `${locale ?? ''}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

let regionNames: Intl.DisplayNames | null | undefined;

/** `DE` -> `Germany` (`Deutschland` in German); falls back to the code where the platform has no region names. */
export function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(undefined, { type: 'region' });
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
export function formatBytes(n: number, locale?: string): string {
  if (n >= 1024 * 1024) return `${formatNumber(n / (1024 * 1024), 1, locale)} MiB`;
  if (n >= 1024) return `${formatNumber(Math.round(n / 1024), 0, locale)} KiB`;
  return `${formatNumber(n, 0, locale)} bytes`;
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
