/** Shared setup for the store tests: fixture packs and fresh databases. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePackText } from '@/utils/pack/validate';
import type { Pack } from '@/utils/pack/schema';
import { StandpointDB } from '@/utils/db/database';
import { sha256OfText } from '@/utils/db/hash';
import { applyPack, type ApplyOptions } from '@/utils/db/install';

/** Fixture packs, relative to the project root (the test runner's working directory). */
const FIXTURE_DIR = resolve('test/fixtures/packs');

export const FIXTURES = {
  newsV1: 'fixture-news.v1.json',
  newsV2: 'fixture-news.v2.json',
  alliance: 'fixture-alliance.v1.json',
} as const;

/** A fixture pack, parsed by the same gate as any other pack, with the sha256 of its bytes. */
export interface Fixture {
  text: string;
  pack: Pack;
  sha256: string;
}

export async function fixture(name: string): Promise<Fixture> {
  const text = readFileSync(resolve(FIXTURE_DIR, name), 'utf8');
  const parsed = parsePackText(text);
  if (!parsed.ok) throw new Error(`fixture ${name} is invalid: ${JSON.stringify(parsed.problems)}`);
  return { text, pack: parsed.pack, sha256: await sha256OfText(text) };
}

/** A pack edited after parsing, with the sha256 of its new bytes. */
export async function edited(base: Fixture, edit: (p: Pack) => void): Promise<Fixture> {
  const pack = structuredClone(base.pack);
  edit(pack);
  const text = JSON.stringify(pack);
  return { text, pack, sha256: await sha256OfText(text) };
}

let counter = 0;

/** A new, empty database with a name no other test uses. */
export function freshDb(): StandpointDB {
  counter += 1;
  return new StandpointDB(`standpoint-test-${Date.now()}-${counter}`);
}

export function install(
  db: StandpointDB,
  f: Fixture,
  opts: Partial<ApplyOptions> = {},
): ReturnType<typeof applyPack> {
  return applyPack(db, f.pack, { origin: 'feed', verified: true, rawSha256: f.sha256, ...opts });
}

/** Every table's rows in key order, to compare the whole store before and after. */
export async function dump(db: StandpointDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}
