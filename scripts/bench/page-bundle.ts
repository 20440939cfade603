/**
 * Bundles ./in-page/engine.ts (and the spotting modules it imports) into one classic script the
 * bench injects into pages. Built with Vite, like the extension, so the code measured in the page
 * is compiled the same way as the content script's.
 */
import path from 'node:path';
import { build, type Rolldown } from 'vite';
import { PROJECT_ROOT } from './paths';

/** Returns the engine's script text: an IIFE that defines `globalThis.standpointBench`. */
export async function bundleEngine(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: PROJECT_ROOT,
    resolve: { alias: { '@': PROJECT_ROOT } },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: {
        entry: path.join(PROJECT_ROOT, 'scripts', 'bench', 'in-page', 'engine.ts'),
        formats: ['iife'],
        name: 'standpointBenchBundle',
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  for (const out of outputs) {
    for (const chunk of out.output) if (chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('The in-page engine did not bundle');
}
