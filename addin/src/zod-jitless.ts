/**
 * Imported first by each of the page's entries (functions.ts, taskpane/index.tsx), before any
 * module defines a schema: zod probes for `new Function` when an object schema is made, to compile
 * fast parsers. The task pane's Content-Security-Policy has no 'unsafe-eval', so the probe is
 * refused and reported as a policy violation (though zod swallows the error). Jitless mode skips
 * the probe; the add-in parses only small records, so the compiled parsers are not needed.
 */
import { config } from 'zod';

config({ jitless: true });
