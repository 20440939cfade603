/**
 * What the build put into each script, from the module list the build writes beside it
 * (scripts/build/module-list.ts): the always-on content script holds no schema library, no UI
 * library, no placement library, no messaging library, no card component and none of the rules'
 * vocabulary (it comes with the dictionary); the card bundle holds the card. And the always-on
 * script stays within its size budget.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readModuleList } from '../../scripts/build/module-list';
import { extensionDir } from './harness';

const CONTENT_SCRIPT = 'content-scripts/content.js';
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

/** Issue 12's budget for the always-on script, JS and CSS together, gzipped at level 9. */
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
        const content = list![CONTENT_SCRIPT]!;
        expect(content).toContain('entrypoints/content/index.ts');
        expect(content).toContain('utils/spotting/spotter.ts');
        expect(content.filter((m) => CARD_ONLY.some((re) => re.test(m)))).toEqual([]);
      },
    );
    it.skipIf(list === null && name !== 'chrome-mv3')(
      `${name}: the content script, JS and CSS, is at most 15 KB gzipped`,
      () => {
        const base = path.join(dir, 'content-scripts', 'content');
        const bytes = gzippedSize(`${base}.js`) + gzippedSize(`${base}.css`);
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
