/**
 * The user guide as pages the add-in serves with its static files (dist/help/), built from the
 * Markdown in docs/ by marked: the functions' help in English and Bengali (the `helpUrl` of each
 * function in functions.json / functions-bn.json leads to its heading there) and the Bengali
 * user guide, with the pictures they show.
 *
 * Headings get GitHub's anchors, so a link that works on the repository's pages works here too.
 * A link to another page built here becomes a link to its .html; a link to a file that is not
 * served (a repository file) keeps its text and loses the link; links to other sites are not
 * written in the docs. Everything a page needs is in the page (one inline stylesheet) or beside
 * it (its pictures): nothing is fetched from elsewhere.
 */
import { promises as fs } from 'fs';
import * as path from 'path';

export interface HelpPage {
  /** The Markdown file in docs/. */
  source: string;
  /** Where it is served, relative to the add-in's base URL. */
  out: string;
  lang: 'bn' | 'en';
}

export const HELP_PAGES: readonly HelpPage[] = [
  { source: 'functions.md', out: 'help/functions.html', lang: 'en' },
  { source: 'functions.bn.md', out: 'help/functions.bn.html', lang: 'bn' },
  { source: 'user-guide.bn.md', out: 'help/user-guide.bn.html', lang: 'bn' },
];

/** GitHub's anchor for a heading's text (lower case; letters, marks, digits, '-', '_' and spaces
 * kept; spaces as '-'). The same rule test/docs.test.ts checks the guide's links with. */
export function slug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

const STYLE = `
  body { margin: 0; font: 16px/1.6 "Noto Sans Bengali", "Nirmala UI", Vrinda, "Segoe UI", system-ui, sans-serif; color: #1b1b1b; background: #fff; }
  main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
  h1, h2, h3 { line-height: 1.3; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; }
  code, pre { font-family: Consolas, "Courier New", monospace; background: #f3f3f3; border-radius: 3px; }
  code { padding: 0 0.2em; } pre { padding: 0.75rem; overflow-x: auto; } pre code { padding: 0; }
  table { border-collapse: collapse; margin: 1rem 0; } th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
  img { max-width: 100%; height: auto; border: 1px solid #ddd; }
  a { color: #006a4e; }
  @media (prefers-color-scheme: dark) {
    body { color: #e8e8e8; background: #1f1f1f; } code, pre { background: #2d2d2d; } th, td, h2, img { border-color: #444; } a { color: #5fd3a8; }
  }`;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every page and picture, by its path under the base URL. */
export async function renderHelp(docsDir: string): Promise<Map<string, Buffer>> {
  const { Marked } = await import('marked');
  const out = new Map<string, Buffer>();
  const served = new Map(HELP_PAGES.map((p) => [p.source, p]));
  for (const page of HELP_PAGES) {
    const markdown = await fs.readFile(path.join(docsDir, page.source), 'utf8');
    const pictures: string[] = [];
    const used = new Map<string, number>();
    const marked = new Marked({ gfm: true });
    marked.use({
      renderer: {
        heading({ tokens, depth, text }) {
          // GitHub numbers repeated anchors: x, x-1, x-2.
          const base = slug(text.replace(/`/g, ''));
          const n = used.get(base) ?? 0;
          used.set(base, n + 1);
          const id = n ? `${base}-${n}` : base;
          return `<h${depth} id="${escapeHtml(id)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
        },
        link({ href, title, tokens }) {
          const inner = this.parser.parseInline(tokens);
          const target = rewriteLink(href, page, served);
          if (target === null) return inner;
          return `<a href="${escapeHtml(target)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${inner}</a>`;
        },
        image({ href, title, text }) {
          if (/^[a-z][a-z0-9+.-]*:/i.test(href)) throw new Error(`docs/${page.source}: the picture ${href} is not in the repository`);
          pictures.push(href);
          return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}"${title ? ` title="${escapeHtml(title)}"` : ''}>`;
        },
      },
    });
    const body = await marked.parse(markdown);
    const title = /^#\s+(.+)$/m.exec(markdown)?.[1].trim() ?? 'APA Sheets';
    const html = `<!doctype html>
<html lang="${page.lang}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(title)}</title>
    <style>${STYLE}
    </style>
  </head>
  <body>
    <main>
${body}
    </main>
  </body>
</html>
`;
    out.set(page.out, Buffer.from(html, 'utf8'));
    for (const picture of pictures) {
      const file = path.resolve(docsDir, path.dirname(page.source), decodeURIComponent(picture));
      out.set(path.posix.join(path.posix.dirname(page.out), picture), await fs.readFile(file));
    }
  }
  return out;
}

/** Where a link of a built page leads: another built page as .html, an anchor or a site as it is;
 * null for a repository file the add-in does not serve. */
function rewriteLink(href: string, page: HelpPage, served: Map<string, HelpPage>): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return href;
  const [file, anchor] = href.split('#');
  const source = path.posix.normalize(path.posix.join(path.posix.dirname(page.source), decodeURIComponent(file)));
  const target = served.get(source);
  if (!target) return null;
  const rel = path.posix.relative(path.posix.dirname(page.out), target.out);
  return anchor === undefined ? rel : `${rel}#${anchor}`;
}

/** The pages as the Sheets sidebar shows them inside itself (pane/HelpView.tsx): each page's body
 * only (the sidebar has its own styles), without its pictures (the sidebar is one file; the
 * pictures stay on the pages) and with links reduced to their text (in the sidebar's frame a link
 * would replace the sidebar or the spreadsheet). */
export async function inlineHelp(docsDir: string): Promise<{ guide: string; functions: { bn: string; en: string } }> {
  const pages = await renderHelp(docsDir);
  const body = (out: string) => {
    const html = pages.get(out)?.toString('utf8');
    if (!html) throw new Error(`the help page ${out} was not built`);
    const main = /<main>\n([\s\S]*)\n {4}<\/main>/.exec(html)?.[1] ?? '';
    return main
      .replace(/<img\b[^>]*>/g, '')
      .replace(/<a\b[^>]*>([\s\S]*?)<\/a>/g, '$1')
      .replace(/<p>\s*<\/p>\n?/g, '');
  };
  return { guide: body('help/user-guide.bn.html'), functions: { bn: body('help/functions.bn.html'), en: body('help/functions.html') } };
}
