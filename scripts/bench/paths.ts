/** Folders the bench reads and writes, all relative to the project root (never absolute). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: two levels above this file. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The corpus the bench reads when no `--corpus` is given: a sibling checkout's readability pages. */
export const DEFAULT_CORPUS = path.join('..', 'shared', 'corpus', 'readability');

/** The bench's own build folder, so it never races another build writing `.output`. */
export const DEFAULT_OUT_DIR = '.output-bench';

/** Where the results are written. */
export const RESULTS_FILE = path.join(PROJECT_ROOT, 'docs', 'benchmarks.md');

/** mark.js's browser build, injected into pages as the comparison. */
export const MARK_JS_FILE = path.join(
  PROJECT_ROOT,
  'node_modules',
  'mark.js',
  'dist',
  'mark.min.js',
);

/** The built-in pack as `npm run pack:build` writes it. */
export const BUILTIN_PACK_FILE = path.join(
  PROJECT_ROOT,
  'utils',
  'pack',
  'generated',
  'builtin-pack.json',
);
