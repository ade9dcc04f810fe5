/**
 * A small scanner for the well-formed XML of an Office package's parts (an .xlsx's sheets, a
 * .docx's document, an .ods's content; host-free, so the CLI and the hosts share it): start and end tags with
 * their attributes, text with its entities decoded, CDATA, comments and processing instructions
 * skipped. It is not a validating parser: it reads well-formed XML exactly (a property test holds
 * it to saxes, the parser ExcelJS uses) and throws on what it cannot make sense of, and the
 * reader then hands the file to ExcelJS. Written for speed: a ministry's thousands of sheets are
 * mostly attributes, and building an object for every element's attributes (as a general parser
 * does) was most of the time spent reading them (bench/RESULTS.md).
 */

export class XmlError extends Error {
  constructor(detail: string, at: number) {
    super(`XML: ${detail} at character ${at}`);
    this.name = 'XmlError';
  }
}

/** The attributes of the element just opened, read on demand. Valid only during `open`. */
export class Attributes {
  // Offsets into the part's text: no string is made for an attribute nobody asks for.
  private readonly nameStarts: number[] = [];
  private readonly nameEnds: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private count = 0;
  private xml = '';

  /** @internal */
  reset(xml: string): void {
    this.xml = xml;
    this.count = 0;
  }

  /** @internal */
  add(nameStart: number, nameEnd: number, start: number, end: number): void {
    const i = this.count++;
    this.nameStarts[i] = nameStart;
    this.nameEnds[i] = nameEnd;
    this.starts[i] = start;
    this.ends[i] = end;
  }

  private value(i: number): string {
    return attributeValue(this.xml.slice(this.starts[i], this.ends[i]));
  }

  /** The value of the attribute named exactly `name` (prefix included), decoded. */
  get(name: string): string | undefined {
    for (let i = 0; i < this.count; i++) {
      if (this.nameEnds[i] - this.nameStarts[i] === name.length && this.xml.startsWith(name, this.nameStarts[i])) return this.value(i);
    }
    return undefined;
  }

  /** The value of the first attribute whose local name is `local` and that has a prefix
   * other than xmlns. */
  getPrefixed(local: string): string | undefined {
    for (let i = 0; i < this.count; i++) {
      const name = this.xml.slice(this.nameStarts[i], this.nameEnds[i]);
      const colon = name.indexOf(':');
      if (colon > 0 && name.slice(colon + 1) === local && !name.startsWith('xmlns')) return this.value(i);
    }
    return undefined;
  }
}

export interface XmlHandler {
  /** An element opens; `name` without its namespace prefix. A self-closing element gets
   * `close` right after. */
  open(name: string, attributes: Attributes): void;
  close(name: string): void;
  /** Text (and CDATA) content, decoded; called only while `wantsText` is true. */
  text(text: string): void;
  wantsText: boolean;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?/g;

function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (whole, body: string) => {
    if (!whole.endsWith(';')) throw new XmlError(`unterminated entity ${whole}`, 0);
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!(code >= 0 && code <= 0x10ffff)) throw new XmlError(`bad character reference ${whole}`, 0);
      return String.fromCodePoint(code);
    }
    const named = NAMED[body];
    if (named === undefined) throw new XmlError(`unknown entity ${whole}`, 0);
    return named;
  });
}

/** XML reads every line end as \n (CDATA too). */
const lineEnds = (raw: string) => (raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n'));

/** Text as XML hands it on: line ends normalised, entities decoded. */
function textValue(raw: string): string {
  return decodeEntities(lineEnds(raw));
}

/** An attribute value as XML hands it on: literal tabs and line ends become spaces, then
 * entities are decoded (so `&#10;` stays a line end). */
function attributeValue(raw: string): string {
  // Most values (cell references, style numbers) hold none of these: a loop over a few chars is
  // cheaper than a regular expression and a search.
  let plain = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 38 /* & */ || c === 9 || c === 10 || c === 13) {
      plain = false;
      break;
    }
  }
  if (plain) return raw;
  let s = raw;
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n/g, ' ').replace(/[\t\n\r]/g, ' ');
  return decodeEntities(s);
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
/** Ends a tag name or an attribute name. */
const endsName = (c: number) => isSpace(c) || c === 47 /* / */ || c === 62 /* > */ || c === 61; /* = */

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Element names seen in a part, by their first char and length: a part has a few dozen names
 * repeated thousands of times, so the name is compared in place instead of cut out again. */
const NAME_SLOTS = 256;
const slotOf = (first: number, length: number) => (first * 31 + length) & (NAME_SLOTS - 1);

/** Scans `xml`, calling the handler for every element and (when wanted) text. */
export function scanXml(xml: string, handler: XmlHandler): void {
  const attrs = new Attributes();
  const open: string[] = [];
  // The local name of each open element, beside its full name.
  const openLocal: string[] = [];
  const names: (string | undefined)[] = new Array(NAME_SLOTS);
  const locals: string[] = new Array(NAME_SLOTS);
  const n = xml.length;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    // Tags mostly follow one another (`</v></c><c …>`): no search when the next one is here.
    const lt = i < n && xml.charCodeAt(i) === 60 ? i : xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && handler.wantsText && open.length) handler.text(textValue(xml.slice(i, textEnd)));
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 47 /* / */) {
      // The end tag must name the open element: compared in place, no string made, and its
      // ">" looked for only when it is not right after the name.
      const expected = open.pop();
      const expectedLocal = openLocal.pop()!;
      let e = lt + 2 + (expected?.length ?? 0);
      let gt = expected !== undefined && xml.charCodeAt(e) === 62 && xml.startsWith(expected, lt + 2) ? e : -1;
      if (gt < 0) {
        gt = xml.indexOf('>', lt);
        if (gt < 0) throw new XmlError('unclosed end tag', lt);
        while (e < gt && isSpace(xml.charCodeAt(e))) e++;
        if (expected === undefined || e !== gt || !xml.startsWith(expected, lt + 2)) throw new XmlError(`</${xml.slice(lt + 2, gt)}> where </${expected ?? ''}> was expected`, lt);
      }
      handler.close(expectedLocal);
      i = gt + 1;
    } else if (next === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('unclosed processing instruction', lt);
      i = end + 2;
    } else if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new XmlError('unclosed comment', lt);
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlError('unclosed CDATA section', lt);
        if (handler.wantsText && open.length) handler.text(lineEnds(xml.slice(lt + 9, end)));
        i = end + 3;
      } else {
        // A DOCTYPE may declare entities this scanner does not expand: leave the file to ExcelJS.
        throw new XmlError('document type declarations are not read', lt);
      }
    } else {
      let p = lt + 1;
      while (p < n && !endsName(xml.charCodeAt(p))) p++;
      if (p === lt + 1) throw new XmlError('element without a name', lt);
      const slot = slotOf(xml.charCodeAt(lt + 1), p - lt - 1);
      let name = names[slot];
      let local: string;
      if (name !== undefined && name.length === p - lt - 1 && xml.startsWith(name, lt + 1)) local = locals[slot];
      else {
        name = xml.slice(lt + 1, p);
        local = localName(name);
        names[slot] = name;
        locals[slot] = local;
      }
      attrs.reset(xml);
      let selfClosing = false;
      for (;;) {
        while (p < n && isSpace(xml.charCodeAt(p))) p++;
        if (p >= n) throw new XmlError('unclosed start tag', lt);
        const c = xml.charCodeAt(p);
        if (c === 62) {
          p++;
          break;
        }
        if (c === 47) {
          if (xml.charCodeAt(p + 1) !== 62) throw new XmlError('"/" without ">"', p);
          selfClosing = true;
          p += 2;
          break;
        }
        const nameStart = p;
        while (p < n && !endsName(xml.charCodeAt(p))) p++;
        const nameEnd = p;
        while (p < n && isSpace(xml.charCodeAt(p))) p++;
        if (nameEnd === nameStart || xml.charCodeAt(p) !== 61) throw new XmlError('attribute without a value', p);
        p++;
        while (p < n && isSpace(xml.charCodeAt(p))) p++;
        const quote = xml.charCodeAt(p);
        if (quote !== 34 && quote !== 39) throw new XmlError('attribute value not quoted', p);
        // Values are short (`A1`, `3`): read up to the quote here rather than by two searches.
        let end = p + 1;
        let ltInside = false;
        for (; end < n; end++) {
          const v = xml.charCodeAt(end);
          if (v === quote) break;
          if (v === 60) ltInside = true;
        }
        if (end >= n) throw new XmlError('attribute value not closed', p);
        if (ltInside) throw new XmlError('"<" in an attribute value', p);
        attrs.add(nameStart, nameEnd, p + 1, end);
        p = end + 1;
      }
      handler.open(local, attrs);
      if (selfClosing) handler.close(local);
      else {
        open.push(name);
        openLocal.push(local);
      }
      i = p;
    }
  }
  if (open.length) throw new XmlError(`<${open[open.length - 1]}> is not closed`, n);
}
