/**
 * The documents stay honest:
 *
 * - docs/user-guide.bn.md lists every problem code of the catalogue (core/messages.ts, the section
 *   "Problems found in a sheet") with its Bengali message as the catalogue has it, each
 *   {parameter} written as "…";
 * - every picture the guide and README.md show exists (and stays a modest PNG), and every other
 *   relative link of the guide leads to a file.
 *
 * The pictures are made by `npm run screenshots` (tools/screenshots.ts) into docs/images/.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { MESSAGES } from '../core/messages';

const ROOT = path.join(__dirname, '..');
const GUIDE = path.join(ROOT, 'docs', 'user-guide.bn.md');
const README = path.join(ROOT, 'README.md');

/** The problem codes: the catalogue's keys from the "Problems found in a sheet" comment to the next comment. */
function problemCodes(): string[] {
  const lines = readFileSync(path.join(ROOT, 'core', 'messages.ts'), 'utf8').split('\n');
  const start = lines.findIndex((l) => /^\s*\/\/.*Problems found in a sheet/.test(l));
  if (start < 0) throw new Error('core/messages.ts has no "Problems found in a sheet" section: update test/docs.test.ts');
  const codes: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*\/\//.test(line)) break;
    const m = /^\s*'([^']+)'\s*:/.exec(line);
    if (m) codes.push(m[1]);
  }
  return codes;
}

/** A catalogue template as the guide quotes it: each {parameter} as "…". */
const quoted = (template: string) => template.replace(/\{\w+\}/g, '…');

/** Markdown outside fenced code blocks. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
}

/** The targets of a document's images: `![alt](target)` and `<img src="target">`. */
function images(markdown: string): string[] {
  const text = prose(markdown);
  const out = [...text.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  out.push(...[...text.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]));
  return out;
}

/** The targets of a document's links that are not images. */
function links(markdown: string): string[] {
  return [...prose(markdown).matchAll(/(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?\s*\)/g)].map((m) => m[1]);
}

const isLocal = (target: string) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#');
const fileOf = (doc: string, target: string) => path.resolve(path.dirname(doc), decodeURIComponent(target.split('#')[0]));

describe('docs/user-guide.bn.md', () => {
  const guide = existsSync(GUIDE) ? readFileSync(GUIDE, 'utf8') : '';

  test('exists', () => {
    expect(existsSync(GUIDE)).toBe(true);
  });

  const codes = problemCodes();
  test('the catalogue has its problem section', () => {
    expect(codes.length).toBeGreaterThanOrEqual(20);
    for (const c of codes) expect(Object.keys(MESSAGES)).toContain(c);
  });

  test.each(codes)('lists problem %s with its Bengali message', (code) => {
    expect(guide).toContain(`\`${code}\``);
    expect(guide).toContain(quoted(MESSAGES[code as keyof typeof MESSAGES].bn));
  });

  test('shows pictures, and each is there and under 300 KB', () => {
    const targets = images(guide);
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) {
      expect(isLocal(t)).toBe(true);
      const file = fileOf(GUIDE, t);
      expect({ image: t, exists: existsSync(file) }).toEqual({ image: t, exists: true });
      expect(statSync(file).size).toBeLessThan(300 * 1024);
    }
  });

  test('its links within the page lead to headings (GitHub\'s anchors)', () => {
    const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const anchors = new Set([...prose(guide).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1])));
    for (const t of links(guide).filter((l) => l.startsWith('#'))) {
      expect({ link: t, found: anchors.has(decodeURIComponent(t.slice(1))) }).toEqual({ link: t, found: true });
    }
  });

  test('its relative links lead to files', () => {
    for (const t of links(guide).filter(isLocal)) {
      expect({ link: t, exists: existsSync(fileOf(GUIDE, t)) }).toEqual({ link: t, exists: true });
    }
  });
});

describe.each(['deploy.md', 'functions.md', 'functions.bn.md'])('docs/%s', (name) => {
  const file = path.join(ROOT, 'docs', name);
  const doc = readFileSync(file, 'utf8');
  const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');

  test('its relative links lead to files, and its links within the page to headings', () => {
    const anchors = new Set([...prose(doc).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1])));
    const all = links(doc);
    expect(all.length).toBeGreaterThan(0);
    for (const t of all.filter(isLocal)) expect({ link: t, exists: existsSync(fileOf(file, t)) }).toEqual({ link: t, exists: true });
    for (const t of all.filter((l) => l.startsWith('#'))) expect({ link: t, found: anchors.has(decodeURIComponent(t.slice(1))) }).toEqual({ link: t, found: true });
    // The docs speak for themselves: no link leaves the repository.
    for (const t of all) expect({ link: t, outside: /^[a-z][a-z0-9+.-]*:/i.test(t) }).toEqual({ link: t, outside: false });
  });
});

describe('README.md', () => {
  test('every picture it shows is there', () => {
    const readme = readFileSync(README, 'utf8');
    for (const t of images(readme).filter(isLocal)) {
      expect({ image: t, exists: existsSync(fileOf(README, t)) }).toEqual({ image: t, exists: true });
    }
  });
});

describe('docs/rules.md: the product\'s own rules live in the project', () => {
  const RULES = path.join(ROOT, 'docs', 'rules.md');
  const rules = existsSync(RULES) ? readFileSync(RULES, 'utf8') : '';
  test('exists, with a section per rule and the worked examples', () => {
    for (const heading of ['## 1. The documents', '## 2. Tiers', '## 3. Reading values', '## 4. Raw score', '## 5. Weighted score', '## 6. Tiers reached', '## 7. Quarters', '## 8. Validation']) {
      expect(rules).toContain(heading);
    }
    expect(rules).toContain('| count | ৪ ৩ ২ ১ - | ৩ | 90 |');
    expect(rules).toContain('10 of 50 marks so far');
    expect(rules.match(/\*\*Assumption:\*\*/g)?.length ?? 0).toBeGreaterThanOrEqual(8);
  });
  test('README and the tests refer to it', () => {
    expect(readFileSync(README, 'utf8')).toContain('](docs/rules.md)');
    expect(readFileSync(path.join(ROOT, 'test', 'reading.test.ts'), 'utf8')).toContain('docs/rules.md');
  });
  test('its relative links lead to files', () => {
    for (const t of links(rules).filter(isLocal)) expect({ link: t, exists: existsSync(fileOf(RULES, t)) }).toEqual({ link: t, exists: true });
  });
});

describe('nothing in the project links outside the repository', () => {
  const docs = ['README.md', 'docs/rules.md', 'docs/user-guide.bn.md', 'appsscript/README.md'].map((f) => path.join(ROOT, f)).filter((f) => existsSync(f));
  test.each(docs.map((f) => path.relative(ROOT, f)))('%s', (file) => {
    const doc = path.join(ROOT, file);
    const text = readFileSync(doc, 'utf8');
    for (const t of [...links(text), ...images(text)].filter(isLocal)) {
      expect({ link: t, inside: !path.relative(ROOT, fileOf(doc, t)).startsWith('..') }).toEqual({ link: t, inside: true });
    }
    expect(text).not.toMatch(/\.\.\/shared\//);
  });
});
