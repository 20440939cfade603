/**
 * The id rule on its own, without Zod, for code that reads ids from URLs in bundles that must
 * stay small (the card); `idSchema` in schema.ts is built from the same pattern.
 */

/** Lower-case ASCII slug: `zelenskyy`, `us-delegation`, `nato-membership`. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Longest id. */
export const ID_MAX_CHARS = 64;

/** Whether a string is a well-formed id. */
export function isId(s: string): boolean {
  return s.length <= ID_MAX_CHARS && ID_PATTERN.test(s);
}
