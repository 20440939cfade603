/**
 * From installed packs to the alias dictionary a content script matches with, and the schema
 * that checks a dictionary arriving over a message. Shared by the background (which builds the
 * dictionary from the store) and the `spot` command (which builds it from a pack file).
 */
import { z } from 'zod';
import { claimsInOrder, dictionaryActors } from '../pack/ownership';
import { idSchema, matchPolicySchema, type Pack } from '../pack/schema';
import type { Dictionary } from '../views';
import { RULE_VOCABULARY } from './rule-vocabulary';
import { VOCABULARY_LISTS } from './rule-words';

/** A dictionary as it crosses a message boundary: validated before a matcher is built from it. */
export const dictionarySchema = z.strictObject({
  version: z.string().min(1).max(200),
  actors: z
    .array(
      z.strictObject({
        id: idSchema,
        kind: z.enum(['person', 'group']),
        aliases: z.array(z.string().min(1).max(200)).max(1_000),
        match: matchPolicySchema,
      }),
    )
    .max(20_000),
  vocabulary: z
    .strictObject(
      Object.fromEntries(VOCABULARY_LISTS.map((name) => [name, z.string().max(50_000)])) as Record<
        (typeof VOCABULARY_LISTS)[number],
        z.ZodString
      >,
    )
    .optional(),
});

/**
 * The dictionary of packs installed one after another in the given order, each verified unless
 * `unverified` names it. It follows the store's ownership rule (utils/pack/ownership.ts): the
 * first pack to describe an actor defines it; later packs add aliases. The version names each
 * pack and its version, so it changes exactly when the packs do.
 */
export function dictionaryFromPacks(
  packs: readonly Pack[],
  unverified: ReadonlySet<string> = new Set(),
): Dictionary {
  const { claims, standings } = claimsInOrder(
    packs.map((p) => ({ ...p, verified: !unverified.has(p.id) })),
  );
  const rows = packs.flatMap((p) => p.actors.map((a) => ({ ...a, packId: p.id })));
  return {
    version: packs.map((p) => `${p.id}@${p.version}`).join(','),
    actors: dictionaryActors(rows, claims, standings),
    vocabulary: RULE_VOCABULARY,
  };
}
