/**
 * The dictionary every measurement uses: the built-in pack's, made the way the background makes
 * it, and the flat list of name forms the baselines (plain RegExp, mark.js) are given.
 */
import { readFile } from 'node:fs/promises';
import { validatePack } from '@/utils/pack/validate';
import { dictionaryFromPacks } from '@/utils/spotting/dictionary';
import type { Dictionary } from '@/utils/views';

/** The built-in pack's dictionary; throws with the fix when the pack was not built. */
export async function builtinDictionary(file: string): Promise<Dictionary> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`No built-in pack at ${file}: run \`npm run pack:build\` first.`);
  }
  const result = validatePack(JSON.parse(text));
  if (!result.ok) {
    const first = result.problems[0];
    throw new Error(`The built-in pack is invalid: ${first?.path} ${first?.message}`);
  }
  return dictionaryFromPacks([result.pack]);
}

/** Every alias and surname of the dictionary, once each: what a developer would hand mark.js. */
export function nameForms(dict: Dictionary): string[] {
  const forms = new Set<string>();
  for (const a of dict.actors) {
    for (const alias of a.aliases) forms.add(alias);
    for (const surname of a.match.surnames) forms.add(surname);
  }
  return [...forms];
}

/** Names to write into generated pages: full Latin-script aliases of people, so every one is spotted. */
export function pageNames(dict: Dictionary): string[] {
  const names: string[] = [];
  for (const a of dict.actors) {
    if (a.kind !== 'person') continue;
    for (const alias of a.aliases) if (/^[A-Za-z .-]+$/.test(alias)) names.push(alias);
  }
  return names;
}
