/** Small statistics for benchmark samples. */

/** The median of a non-empty list (mean of the middle two for even lengths); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The largest value; NaN when empty. */
export function max(values: readonly number[]): number {
  return values.length === 0 ? NaN : Math.max(...values);
}

/** A number for a table: fixed decimals, or an en dash when there is no value. */
export function fmt(value: number | null | undefined, decimals = 2): string {
  return value === null || value === undefined || Number.isNaN(value)
    ? '–'
    : value.toFixed(decimals);
}

/** Bytes as KB with one decimal (1 KB = 1,024 bytes). */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
