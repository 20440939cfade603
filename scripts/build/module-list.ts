/**
 * A Vite plugin that records which source modules went into each built script, next to the
 * build (`<outDir>/<target>.modules.json`, outside the extension folder, so it is not shipped).
 * A build test reads it to prove that the always-on content script holds no schema or UI
 * library (test/e2e/bundle-contents.e2e.test.ts); the bench reports sizes from the same build.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** Built file (relative to the target folder) -> the modules in it, relative to the project. */
export type ModuleList = Record<string, string[]>;

/** Where the list of the build in `targetDir` (for example `.output/chrome-mv3`) is written. */
const moduleListFile = (targetDir: string): string =>
  path.join(path.dirname(targetDir), `${path.basename(targetDir)}.modules.json`);

/** Reads the list a build wrote, or null. */
export function readModuleList(targetDir: string): ModuleList | null {
  const file = moduleListFile(targetDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ModuleList) : null;
}

/** A module id as the list names it: project-relative, `node_modules/<package>/…` for libraries. */
function moduleName(id: string, root: string): string {
  const clean = id.replace(/^\0/, '').split('?')[0]!;
  return path.isAbsolute(clean) ? path.relative(root, clean).split(path.sep).join('/') : clean;
}

/**
 * Lists written by this process. WXT makes a new plugin per build of one `wxt build`, so this is
 * shared: the first build of a run starts the list afresh, the others add to it.
 */
const written = new Set<string>();

export function moduleListPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'standpoint:module-list',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    writeBundle(output, bundle) {
      if (!output.dir) return;
      const file = moduleListFile(output.dir);
      // WXT runs several builds into one folder, one after another: merge their lists.
      const list: ModuleList =
        written.has(file) && existsSync(file) ? readModuleList(output.dir)! : {};
      written.add(file);
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        list[chunk.fileName] = Object.keys(chunk.modules)
          .map((id) => moduleName(id, root))
          .sort();
      }
      writeFileSync(file, JSON.stringify(list, null, 1) + '\n');
    },
  };
}
