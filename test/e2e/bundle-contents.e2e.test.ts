/**
 * What the build put into each script, from the module list the build writes beside it
 * (scripts/build/module-list.ts). What every page loads, the content script (a loader) and the
 * spotting bundle it imports, and what pages with names load, the hover bundle, hold no schema
 * library, no UI library, no placement library, no messaging library, no card component and none
 * of the rules' vocabulary (it comes with the dictionary); the card bundle holds the card. And
 * what every page loads stays within its size budget.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readModuleList } from '../../scripts/build/module-list';
import { extensionDir } from './harness';

const CONTENT_SCRIPT = 'content-loader.js';
const CONTENT_CSS = 'content-scripts/content.css';
const SPOTTING_BUNDLE = 'spotter.js';
const HOVER_BUNDLE = 'hover.js';
const CARD_BUNDLE = 'card.js';

/** What only a shown card needs: it must stay out of the script every page runs. */
const CARD_ONLY = [
  /^node_modules\/zod\//,
  /^node_modules\/preact\//,
  /^node_modules\/@floating-ui\//,
  /^node_modules\/dexie\//,
  /^components\//,
  /^utils\/pack\//,
  /^utils\/card\/(bundle|card-surface|card-data|host|position)\.tsx?$/,
  /^node_modules\/@webext-core\//,
  /^utils\/spotting\/rule-vocabulary\.ts$/,
];

/**
 * Issue 12's budget for what every page loads (the content script's JS and CSS and the spotting
 * bundle), each file gzipped at level 9, summed.
 */
const CONTENT_GZIP_BUDGET = 15 * 1024;

const gzippedSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The Chrome build the e2e tests run, and the Firefox build when one was made beside it. */
const builds = [extensionDir(), path.join(path.dirname(extensionDir()), 'firefox-mv3')];

describe('built scripts', () => {
  for (const dir of builds) {
    const list = readModuleList(dir);
    const name = path.basename(dir);
    it.skipIf(list === null && name !== 'chrome-mv3')(
      `${name}: the content script holds only what every page needs`,
      () => {
        expect(list, `no module list beside ${dir}: build first`).not.toBeNull();
        // The manifest gives every page the loader and the highlight styles, nothing else.
        const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
          content_scripts: { js?: string[]; css?: string[] }[];
        };
        expect(manifest.content_scripts.map((c) => [c.js, c.css])).toEqual([
          [[CONTENT_SCRIPT], [CONTENT_CSS]],
        ]);
        const content = list![CONTENT_SCRIPT]!;
        expect(content).toContain('entrypoints/content-loader.ts');
        // The loader: no spotting code of its own, and neither WXT's content script context nor
        // its browser namespace, which touch the extension API while the script is evaluated.
        expect(content).not.toContain('utils/spotting/spotter.ts');
        expect(
          content.filter((m) =>
            /^node_modules\/(@wxt-dev\/browser|wxt\/dist\/(browser|utils\/content-script-context))/.test(
              m,
            ),
          ),
        ).toEqual([]);
        expect(list![SPOTTING_BUNDLE]).toContain('utils/spotting/spotter.ts');
        expect(list![SPOTTING_BUNDLE]).not.toContain('utils/card/hover-controller.ts');
        expect(list![HOVER_BUNDLE]).toContain('utils/card/hover-controller.ts');
        for (const script of [CONTENT_SCRIPT, SPOTTING_BUNDLE, HOVER_BUNDLE]) {
          const modules = list![script]!;
          expect(
            modules.filter((m) => CARD_ONLY.some((re) => re.test(m))),
            script,
          ).toEqual([]);
        }
      },
    );
    it.skipIf(list === null && name !== 'chrome-mv3')(
      `${name}: what every page loads, the content script and the spotting bundle, is at most 15 KB gzipped`,
      () => {
        const bytes =
          gzippedSize(path.join(dir, CONTENT_SCRIPT)) +
          gzippedSize(path.join(dir, CONTENT_CSS)) +
          gzippedSize(path.join(dir, SPOTTING_BUNDLE));
        expect(bytes).toBeLessThanOrEqual(CONTENT_GZIP_BUDGET);
      },
    );
    it.skipIf(list === null && name !== 'chrome-mv3')(
      `${name}: the card bundle holds the card`,
      () => {
        const card = list![CARD_BUNDLE]!;
        expect(card).toContain('components/HoverCard.tsx');
        expect(card.some((m) => m.startsWith('node_modules/preact/'))).toBe(true);
        expect(card.some((m) => m.startsWith('node_modules/@floating-ui/dom/'))).toBe(true);
        expect(card.some((m) => m.startsWith('node_modules/zod/'))).toBe(false);
      },
    );
  }
});
