/**
 * The demo news page: `demoPageHtml()` for servers, or run this file to print the page.
 * Usage: `npx tsx scripts/demo/index.ts > demo.html`
 */
import { fileURLToPath } from 'node:url';
import { loadDemoArticle, PROJECT_ROOT } from './article';
import { renderDemoPage } from './render';

/** The complete demo page for the project at `root`. */
export function demoPageHtml(root: string = PROJECT_ROOT): string {
  return renderDemoPage(loadDemoArticle(root));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(demoPageHtml());
}
