/**
 * Zod without eval. Zod 4 builds fast object parsers with `new Function` and, the first time a
 * schema is made, probes whether it may. Every context of the extension (background, content
 * script, extension pages) runs under a CSP that forbids eval, so the probe is refused and the
 * browser reports it (Firefox's Browser Console shows a CSP error per context). Zod's jitless mode
 * never probes. Each entrypoint that uses Zod imports this module first, before any module that
 * builds a schema (the content script and the card bundle hold no Zod at all).
 */
import { z } from 'zod';

z.config({ jitless: true });
