/** Helpers for the sidebar's browser test (sidebar.test.ts); the rest is shared with the Excel
 * pane's browser test (test/addin/browser-helpers.ts). */
import path from 'node:path';

/** The Sheets sidebar's size: 300 px wide (HtmlService sidebars are fixed at 300), a laptop's height. */
export const SIDEBAR_SIZE = { width: 300, height: 800 } as const;

/** A TypeScript module bundled for the page into one IIFE (esbuild), its imports included. */
export async function bundleForPage(entry: string): Promise<string> {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    minify: false,
    logLevel: 'silent',
    absWorkingDir: path.join(__dirname, '..', '..'),
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return out.outputFiles[0].text;
}
