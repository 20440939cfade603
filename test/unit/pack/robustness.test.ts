/**
 * Bad input gets a clear error and nothing else: seeded random damage to the built-in pack must
 * never make the validator throw, and every refusal must come as well-formed problem lines.
 */
import { describe, expect, it } from 'vitest';
import { serializePack } from '@/utils/pack/canonical';
import { parsePackText, validatePack, type PackCheck } from '@/utils/pack/validate';
import type { Pack } from '@/utils/pack/schema';
import { builtinPack, clone } from './helpers';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  '',
  'x'.repeat(3000),
  'a\u0000b',
  '\uD800',
  '<script>alert(1)</script>',
  [],
  [null],
  {},
  { extra: 1 },
  true,
  'zelenskyy',
];

type Json = Record<string, unknown> | unknown[];

/** Every container in the tree with one of its keys, for picking a place to damage. */
function places(value: unknown, out: [Json, string | number][] = []): [Json, string | number][] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push([value, i]);
      places(v, out);
    });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push([value as Json, k]);
      places(v, out);
    }
  }
  return out;
}

function expectWellFormed(result: PackCheck<Pack>) {
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(typeof problem.path).toBe('string');
    expect(problem.path.length).toBeGreaterThan(0);
    expect(problem.message).toMatch(/^[^\n]+$/);
  }
}

describe('random damage to a valid pack', () => {
  const pack = builtinPack();

  it('is refused or accepted, never thrown, across 400 seeded mutations', () => {
    const next = random(20251215);
    let refused = 0;
    for (let round = 0; round < 400; round++) {
      const copy = clone(pack) as unknown as Json;
      const spots = places(copy);
      for (let n = 1 + Math.floor(next() * 3); n > 0; n--) {
        const [container, key] = spots[Math.floor(next() * spots.length)]!;
        const value = HOSTILE_VALUES[Math.floor(next() * HOSTILE_VALUES.length)];
        if (next() < 0.25 && !Array.isArray(container)) delete container[key as string];
        else (container as Record<string | number, unknown>)[key] = value;
      }
      const result = validatePack(copy);
      expectWellFormed(result);
      expectWellFormed(parsePackText(JSON.stringify(copy)));
      if (!result.ok) refused++;
    }
    expect(refused).toBeGreaterThan(300);
  });

  it('is refused with a file problem when the text is cut anywhere', () => {
    const text = serializePack(pack);
    const next = random(7);
    for (let round = 0; round < 100; round++) {
      const cut = 1 + Math.floor(next() * (text.length - 2));
      const result = parsePackText(text.slice(0, cut));
      expect(result.ok).toBe(false);
      expectWellFormed(result);
    }
  });
});
