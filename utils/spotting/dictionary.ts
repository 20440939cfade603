/**
 * From installed packs to the alias dictionary a content script matches with, and the schema
 * that checks a dictionary arriving over a message. Shared by the background (which builds the
 * dictionary from the store) and the `spot` command (which builds it from a pack file).
 */
import { z } from 'zod';
import { idSchema, matchPolicySchema, type MatchPolicy, type Pack } from '../pack/schema';
import type { Dictionary, DictionaryActor } from '../views';

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
});

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];

function mergePolicy(a: MatchPolicy, b: MatchPolicy): MatchPolicy {
  const exclude = union(a.exclude ?? [], b.exclude ?? []);
  return {
    surnames: union(a.surnames, b.surnames),
    // The stricter reading wins when two packs disagree about one actor.
    bareSurname:
      a.bareSurname === 'never' || b.bareSurname === 'never'
        ? 'never'
        : a.bareSurname === 'in-context' || b.bareSurname === 'in-context'
          ? 'in-context'
          : 'always',
    givenNames: union(a.givenNames, b.givenNames),
    titles: union(a.titles, b.titles),
    commonWord: a.commonWord || b.commonWord,
    ...(exclude.length > 0 ? { exclude } : {}),
  };
}

/**
 * The dictionary of a set of installed packs. An actor that several packs describe (same id)
 * gets the union of their name forms and the stricter of their policies. The version names each
 * pack and its version, so it changes exactly when the installed packs do.
 */
export function dictionaryFromPacks(packs: readonly Pack[]): Dictionary {
  const byId = new Map<string, DictionaryActor>();
  const sorted = [...packs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const pack of sorted) {
    for (const actor of pack.actors) {
      const seen = byId.get(actor.id);
      if (!seen) {
        byId.set(actor.id, {
          id: actor.id,
          kind: actor.kind,
          aliases: [...actor.aliases],
          match: actor.match,
        });
      } else {
        seen.aliases = union(seen.aliases, actor.aliases);
        seen.match = mergePolicy(seen.match, actor.match);
      }
    }
  }
  return {
    version: sorted.map((p) => `${p.id}@${p.version}`).join(','),
    actors: [...byId.values()],
  };
}
