/**
 * What readers download and every page loads: the content script (its JS and CSS, raw and
 * gzipped at level 9, as a web server or store would compress them), the card bundle a page
 * loads on its first hover, and the whole extension's zip as `wxt zip` makes it.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Sizes {
  contentJs: { raw: number; gzip: number };
  contentCss: { raw: number; gzip: number };
  /** JS and CSS together, gzipped: what the size target counts. */
  contentGzip: number;
  /** The card bundle, loaded on a page's first hover intent (utils/card/lazy-card.ts). */
  cardJs: { raw: number; gzip: number };
  zipFile: string;
  zipBytes: number;
}

async function sizeOf(file: string): Promise<{ raw: number; gzip: number }> {
  const bytes = await readFile(file).catch(() => null);
  if (!bytes) return { raw: 0, gzip: 0 };
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Sizes of the build in `outDir` (which holds `chrome-mv3/` and the Chrome zip). */
export async function measureSizes(outDir: string): Promise<Sizes> {
  const scripts = path.join(outDir, 'chrome-mv3', 'content-scripts');
  const contentJs = await sizeOf(path.join(scripts, 'content.js'));
  const contentCss = await sizeOf(path.join(scripts, 'content.css'));
  if (contentJs.raw === 0) throw new Error(`No content script in ${scripts}`);
  const cardJs = await sizeOf(path.join(outDir, 'chrome-mv3', 'card.js'));
  const zips = (await readdir(outDir)).filter((f) => f.endsWith('-chrome.zip'));
  if (zips.length === 0)
    throw new Error(`No Chrome zip in ${outDir}: the build step runs \`wxt zip\``);
  const zipFile = zips.sort()[zips.length - 1]!;
  return {
    contentJs,
    contentCss,
    contentGzip: contentJs.gzip + contentCss.gzip,
    cardJs,
    zipFile,
    zipBytes: (await stat(path.join(outDir, zipFile))).size,
  };
}
