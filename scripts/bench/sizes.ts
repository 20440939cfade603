/**
 * What readers download and what pages load: the content script (its JS and CSS, raw and gzipped
 * at level 9, as a web server or store would compress them) and the spotting bundle it imports on
 * every page, the hover bundle pages with names load, the card bundle a page loads on its first
 * hover, and the whole extension's zip as `wxt zip` makes it (docs/spotting.md, "Start").
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Sizes {
  contentJs: { raw: number; gzip: number };
  contentCss: { raw: number; gzip: number };
  /** The spotting bundle, imported by the content script on every page. */
  spotterJs: { raw: number; gzip: number };
  /** What every page loads, gzipped file by file and summed: what the size target counts. */
  contentGzip: number;
  /** The hover bundle, loaded once a page's first name is highlighted. */
  hoverJs: { raw: number; gzip: number };
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
  const build = path.join(outDir, 'chrome-mv3');
  const contentJs = await sizeOf(path.join(build, 'content-loader.js'));
  const contentCss = await sizeOf(path.join(build, 'content-scripts', 'content.css'));
  if (contentJs.raw === 0) throw new Error(`No content script in ${build}`);
  const spotterJs = await sizeOf(path.join(outDir, 'chrome-mv3', 'spotter.js'));
  const hoverJs = await sizeOf(path.join(outDir, 'chrome-mv3', 'hover.js'));
  const cardJs = await sizeOf(path.join(outDir, 'chrome-mv3', 'card.js'));
  const zips = (await readdir(outDir)).filter((f) => f.endsWith('-chrome.zip'));
  if (zips.length === 0)
    throw new Error(`No Chrome zip in ${outDir}: the build step runs \`wxt zip\``);
  const zipFile = zips.sort()[zips.length - 1]!;
  return {
    contentJs,
    contentCss,
    spotterJs,
    contentGzip: contentJs.gzip + contentCss.gzip + spotterJs.gzip,
    hoverJs,
    cardJs,
    zipFile,
    zipBytes: (await stat(path.join(outDir, zipFile))).size,
  };
}
