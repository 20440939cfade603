/** Shared by the draft tests: articles and known packs read as `pack:draft` reads them. */
import { readFileSync } from 'node:fs';
import { parseAnnotationsYaml, annotationsSchema } from '@/utils/pack/annotations';
import type { Pack } from '@/utils/pack/schema';
import { articleFromText } from '@/utils/draft/article';
import { draftPack, type Draft, type DraftOptions } from '@/utils/draft/draft';
import { repoPath } from '../pack/helpers';

export const BERLIN_TEXT = 'assets/packs/berlin-talks-2025/berlin-talks-report.txt';
export const HARBOUR_TEXT = 'test/fixtures/draft/harbour-vote.txt';
export const HARBOUR_KNOWN = 'test/fixtures/draft/nordhaven-known/pack.yaml';

/** The actors and topics of a pack.yaml, as `pack:draft --pack` reads them. */
export function knownFromYaml(path: string): Pack {
  const yaml = parseAnnotationsYaml(readFileSync(repoPath(path), 'utf8'));
  if (!yaml.ok) throw new Error(JSON.stringify(yaml.problems));
  const data = annotationsSchema.parse(yaml.data);
  return { ...data, format: 1, sources: [] } as unknown as Pack;
}

/** The draft of a text file of the repository, given the packs it may know. */
export function draftOf(path: string, packs: Pack[], opts: DraftOptions = {}): Draft {
  const bytes = new Uint8Array(readFileSync(repoPath(path)));
  return draftPack(articleFromText(bytes, path.split('/').pop()!), { packs }, opts);
}

/** Every candidate position of a draft, in article order. */
export const candidatesOf = (d: Draft) => d.sentences.flatMap((s) => s.positions);
