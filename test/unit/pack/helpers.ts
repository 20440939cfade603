/** Shared by the pack tests: the real built-in pack, built in memory from assets/packs. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAnnotationsYaml } from '@/utils/pack/annotations';
import { buildPack, type BuildResult } from '@/utils/pack/build';
import type { Pack } from '@/utils/pack/schema';

/** The repository root; `import.meta.dirname` because happy-dom replaces the global `URL`. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

export const repoPath = (relative: string) => resolve(REPO_ROOT, relative);

export const BUILTIN_DIR = 'assets/packs/berlin-talks-2025';

/** The builder's result for a pack folder of the repository. */
export function buildFolder(dir = BUILTIN_DIR): BuildResult {
  const yaml = parseAnnotationsYaml(readFileSync(repoPath(`${dir}/pack.yaml`), 'utf8'));
  if (!yaml.ok) throw new Error(JSON.stringify(yaml.problems));
  const readFile = (name: string) => new Uint8Array(readFileSync(repoPath(`${dir}/${name}`)));
  return buildPack(yaml.data, readFile, dir.split('/').pop());
}

/** The built-in pack, freshly built; fails the test when the pack does not build. */
export function builtinPack(): Pack {
  const result = buildFolder();
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.pack;
}

/** The annotations of the built-in pack as plain data, to mutate in tests. */
export function builtinAnnotations(): Record<string, unknown> {
  const yaml = parseAnnotationsYaml(readFileSync(repoPath(`${BUILTIN_DIR}/pack.yaml`), 'utf8'));
  if (!yaml.ok) throw new Error(JSON.stringify(yaml.problems));
  return yaml.data as Record<string, unknown>;
}

/** The source text file of the built-in pack, as bytes. */
export function builtinSourceBytes(): Uint8Array {
  return new Uint8Array(readFileSync(repoPath(`${BUILTIN_DIR}/berlin-talks-report.txt`)));
}

/** A deep copy through JSON, as a pack file would be read. */
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
