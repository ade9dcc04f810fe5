/**
 * A tiny XML reader for the add-in manifest (elements, attributes, text, comments, CDATA and the
 * five predefined entities plus numeric ones: all a manifest uses), so no XML dependency is needed,
 * and the order Microsoft's manifest schema gives each element's children. Shared by
 * test/addin/manifest.test.ts and test/package.test.ts (the manifest inside the release archive).
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent?: XmlElement;
}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e.toLowerCase()]!;
  });
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  let current = root;
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`XML: ${why} at line ${xml.slice(0, i).split('\n').length}`);
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd > i) {
      const t = xml.slice(i, textEnd);
      if (current === root && t.trim()) fail('text outside the root element');
      current.text += decode(t);
    }
    if (lt === -1) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end === -1) fail('unclosed comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (end === -1) fail('unclosed CDATA');
      current.text += xml.slice(i + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end === -1) fail('unclosed declaration');
      i = end + 2;
    } else if (xml.startsWith('<!', i)) {
      fail('DTDs are not expected in a manifest');
    } else if (xml.startsWith('</', i)) {
      const m = /^<\/([^\s>]+)\s*>/.exec(xml.slice(i));
      if (!m) fail('bad end tag');
      if (m![1] !== current.name) fail(`</${m![1]}> closes <${current.name}>`);
      current = current.parent!;
      i += m![0].length;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(xml.slice(i));
      if (!m) fail('bad start tag');
      const attrs: Record<string, string> = {};
      for (const a of m![2].matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1] in attrs) fail(`attribute ${a[1]} twice`);
        attrs[a[1]] = decode(a[2] ?? a[3]);
      }
      const el: XmlElement = { name: m![1], attrs, children: [], text: '', parent: current };
      if (current === root && root.children.length) fail('two root elements');
      current.children.push(el);
      if (!m![3]) current = el;
      i += m![0].length;
    }
  }
  if (current !== root) fail(`<${current.name}> is not closed`);
  if (root.children.length !== 1) fail('no root element');
  return root.children[0];
}

/** Every element below `el` (depth first) whose name is `name` (prefix ignored: bt:Image → Image). */
export function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (local(c.name) === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}
export const local = (name: string) => name.replace(/^.*:/, '');
export const walkAll = (el: XmlElement): XmlElement[] => [el, ...el.children.flatMap(walkAll)];

/** Every attribute value or text that is a URL. */
export function urlsIn(app: XmlElement): string[] {
  const urls: string[] = [];
  for (const e of walkAll(app)) {
    for (const [k, v] of Object.entries(e.attrs)) if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !k.startsWith('xmlns')) urls.push(v);
    if (/^\s*[a-z][a-z0-9+.-]*:\/\//i.test(e.text)) urls.push(e.text.trim());
  }
  return urls;
}

/**
 * The order of each element's children in Microsoft's manifest schema, as far as this add-in uses
 * them: the `<xs:sequence>` of each complex type in OfficeAppManifestV1_1.xsd (OfficeApp, extended
 * by TaskPaneApp) and TaskPaneAppVersionOverridesV1_0.xsd, by element name (prefix dropped). An
 * element out of order makes the manifest invalid: Office does not load the add-in. Keyed by the
 * parent's name, or `name[xsi:type]` where the type decides.
 */
export const SCHEMA_ORDER: Record<string, readonly string[]> = {
  // OfficeApp, then TaskPaneApp's extension.
  'OfficeApp[TaskPaneApp]': [
    'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl',
    'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'Dictionary', 'VersionOverrides',
  ],
  DisplayName: ['Override'],
  Description: ['Override'],
  Hosts: ['Host'],
  Requirements: ['Sets', 'Methods'],
  Sets: ['Set'],
  DefaultSettings: ['SourceLocation'],
  'VersionOverrides[VersionOverridesV1_0]': ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins'],
  // Host: the runtimes first (shared runtime), then the form factors.
  'Host[Workbook]': ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'],
  Runtimes: ['Runtime'],
  AllFormFactors: ['ExtensionPoint'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  'ExtensionPoint[CustomFunctions]': ['Script', 'Page', 'Metadata', 'Namespace'],
  Script: ['SourceLocation'],
  Page: ['SourceLocation'],
  Metadata: ['SourceLocation'],
  'ExtensionPoint[PrimaryCommandSurface]': ['OfficeTab', 'CustomTab'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  OfficeTab: ['Group'],
  Group: ['Label', 'Icon', 'Control'],
  'Control[Button]': ['Label', 'Supertip', 'Icon', 'Action'],
  Supertip: ['Title', 'Description'],
  Icon: ['Image'],
  'Action[ShowTaskpane]': ['TaskpaneId', 'SourceLocation', 'Title'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
  Images: ['Image'],
  Urls: ['Url'],
  ShortStrings: ['String'],
  LongStrings: ['String'],
  Url: ['Override'],
  String: ['Override'],
  Image: ['Override'],
};

/** Where the manifest leaves the schema's order: each element whose children are out of order or
 * not in its type's sequence, and each element with children whose type the table does not know. */
export function schemaOrderProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  const visit = (e: XmlElement, where: string) => {
    const name = local(e.name);
    const type = e.attrs['xsi:type']?.replace(/^.*:/, '');
    const key = type && SCHEMA_ORDER[`${name}[${type}]`] ? `${name}[${type}]` : name;
    const order = SCHEMA_ORDER[key];
    const path = `${where}/${name}${type ? `[${type}]` : ''}`;
    if (e.children.length && !order) problems.push(`${path}: children of an element this table does not know`);
    if (order) {
      let last = -1;
      for (const c of e.children) {
        const at = order.indexOf(local(c.name));
        if (at < 0) problems.push(`${path}: <${local(c.name)}> is not a child ${key} takes (${order.join(', ')})`);
        else if (at < last) problems.push(`${path}: <${local(c.name)}> comes after <${order[last]}>; the schema's order is ${order.join(', ')}`);
        else last = at;
      }
    }
    for (const c of e.children) visit(c, path);
  };
  visit(root, '');
  return problems;
}
