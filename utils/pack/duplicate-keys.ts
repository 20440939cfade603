/**
 * Duplicate keys in JSON text. `JSON.parse` keeps the last of two equal keys silently, so a file
 * could show one value to a reviewer reading it from the top and install another. This scanner
 * runs on text that `JSON.parse` already accepted, so it only has to follow strings, objects and
 * arrays; it reports the first key an object holds twice.
 */
import { formatPath, type Problem } from './problems';

interface Frame {
  /** The keys seen so far, for an object; null for an array. */
  keys: Set<string> | null;
  /** For an object: the next string is a key. For an array: the index of the current item. */
  expectKey: boolean;
  index: number;
  key: string | number | null;
}

/** The first duplicate key in valid JSON `text`, as a problem, or null. */
export function findDuplicateKey(text: string): Problem | null {
  const stack: Frame[] = [];
  const path = (): (string | number)[] =>
    stack.flatMap((f) => (f.keys ? (f.key === null ? [] : [f.key]) : [f.index]));
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x5c /* \ */) j++;
        else if (d === 0x22) break;
      }
      const top = stack.at(-1);
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) {
          top.key = key;
          return {
            path: formatPath(path()),
            message: 'is given twice in the same object; every key may appear once',
          };
        }
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */) {
      stack.push({ keys: new Set(), expectKey: true, index: 0, key: null });
    } else if (c === 0x5b /* [ */) {
      stack.push({ keys: null, expectKey: false, index: 0, key: null });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack.at(-1);
      if (top?.keys) top.expectKey = true;
      else if (top) top.index++;
    }
  }
  return null;
}
