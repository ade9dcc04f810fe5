/**
 * Links from a report to the files it was made from (issue 13, "links that cannot leave"). A
 * file's name comes from whoever sent it: `javascript:alert(1).xlsx`, `http:evil.example.xlsx`,
 * `\\evil.example\share\x.xlsx` (a UNC path, which leaks Windows credentials when followed) are
 * all names an office can e-mail. Whatever the name, the link is a relative path: `./` followed
 * by its segments, each percent-encoded, so no scheme, host, drive or root can be read out of it.
 * Host-free: the CLI, the add-in and the Sheets side write links by this one rule.
 */

/**
 * The link target of a file at `relativePath` from the report's folder, segments separated by
 * `/` (a host turns its own separator into `/` first; a backslash in a POSIX name is part of
 * the name, and is encoded). `..` segments stay (the file is beside or above the report);
 * empty and `.` segments go. Null when the path is not relative (it starts at a root or a
 * drive, or is empty): a report then names the file without linking to it.
 */
export function fileLink(relativePath: string): string | null {
  if (relativePath === '' || relativePath.startsWith('/') || /^[A-Za-z]:/.test(relativePath)) return null;
  const segments = relativePath.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) return null;
  return `./${segments.map(encodeSegment).join('/')}`;
}

/** A segment of a relative URI path: every character but unreserved ones percent-encoded (a `:`
 * could otherwise start a scheme, `\` a UNC path, `#` a fragment, `%` an escape); `..` as is. */
function encodeSegment(segment: string): string {
  if (segment === '..') return segment;
  return encodeURIComponent(toWellFormed(segment)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Lone surrogates (a name that is not valid UTF-16) as U+FFFD: encodeURIComponent throws on them. */
function toWellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** A link to a cell of a sheet in the same workbook, or of the file `link` points at:
 * `#'Sheet name'!A1` appended. */
export function cellLink(fileTarget: string | null, sheet: string, cell: string): string {
  const location = `'${sheet.replace(/'/g, "''")}'!${cell || 'A1'}`;
  return fileTarget === null ? `#${location}` : `${fileTarget}#${location}`;
}
