/**
 * The custom functions' metadata as Excel reads it: one file per language, from what
 * custom-functions-metadata-plugin generates out of addin/src/functions/functions.ts.
 *
 * The generator writes one file from the JSDoc (English, the manifest's default locale) and never
 * writes `allowErrorForDataTypeAny`, without which Excel does not run a function at all when one
 * cell of a range argument holds an error (#DIV/0!, #N/A): the per-row messages never appear.
 * The build (webpack.config.js) passes the generated file through `localizedMetadata`, which
 *
 * - sets `allowErrorForDataTypeAny: true` at the root of every file;
 * - writes the descriptions of each function and parameter in one language per file, from the
 *   core registry (core/functions.ts, the texts the hosts share): functions.json in English,
 *   functions-bn.json in Bengali (the layout Microsoft documents for localized metadata; the
 *   manifest's `<bt:Override Locale="bn-BD">` on Functions.Metadata.Url picks the file);
 * - moves each function's `helpUrl` (JSDoc `@helpurl`, written for the dev server) to the
 *   add-in's base URL and to the help page of the file's language (help/functions.html,
 *   help/functions.bn.html: built from docs/ by ./help-pages.ts).
 *
 * Function and parameter names stay as they are in every language (=APA.SCORE everywhere, as the
 * guides and the pane write it). Anything that does not match the registry stops the build.
 */
import { FUNCTIONS, FunctionSpec } from '../../core/functions';

export interface MetadataParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}

export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: MetadataParameter[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

export interface MetadataFile {
  allowCustomDataForDataTypeAny?: boolean;
  allowErrorForDataTypeAny?: boolean;
  functions: MetadataFunction[];
}

export interface MetadataLocale {
  language: 'en' | 'bn';
  /** The manifest locale whose override names this file; the default locale has none. */
  locale: string | null;
  file: string;
  /** The help page of this language, relative to the base URL. */
  helpPage: string;
}

/** English is the manifest's DefaultLocale (en-US); Bengali is its bn-BD override. */
export const METADATA_LOCALES: readonly MetadataLocale[] = [
  { language: 'en', locale: null, file: 'functions.json', helpPage: 'help/functions.html' },
  { language: 'bn', locale: 'bn-BD', file: 'functions-bn.json', helpPage: 'help/functions.bn.html' },
];

/** A function's anchor on the help pages: the GitHub slug of its heading, "APA.SCORE" → "apascore". */
export function helpAnchor(spec: Pick<FunctionSpec, 'name'>): string {
  return `apa${spec.name.toLowerCase()}`;
}

/** The `@helpurl` a function's JSDoc must carry: its English help on the dev server. */
export function devHelpUrl(spec: Pick<FunctionSpec, 'name'>, devBase: string): string {
  return `${devBase}${METADATA_LOCALES[0].helpPage}#${helpAnchor(spec)}`;
}

/** The metadata files, by file name, for the add-in hosted at `base`. */
export function localizedMetadata(generatedJson: string, devBase: string, base: string): Map<string, string> {
  const generated = JSON.parse(generatedJson) as MetadataFile;
  const problems = check(generated, devBase);
  if (problems.length) throw new Error(`addin/src/functions/functions.ts does not match core/functions.ts:\n  ${problems.join('\n  ')}`);
  const out = new Map<string, string>();
  for (const l of METADATA_LOCALES) out.set(l.file, `${JSON.stringify(localize(generated, l, base), null, 2)}\n`);
  return out;
}

function check(generated: MetadataFile, devBase: string): string[] {
  const problems: string[] = [];
  const ids = generated.functions.map((f) => f.id);
  const names = FUNCTIONS.map((f) => f.name);
  if (ids.join() !== names.join()) problems.push(`functions ${ids.join(', ')}; the registry has ${names.join(', ')}`);
  for (const spec of FUNCTIONS) {
    const fn = generated.functions.find((f) => f.id === spec.name);
    if (!fn) continue;
    const params = fn.parameters.map((p) => `${p.name}${p.optional ? '?' : ''}`).join(', ');
    const want = spec.params.map((p) => `${p.name}${p.optional ? '?' : ''}`).join(', ');
    if (params !== want) problems.push(`${spec.name}(${params}); the registry has ${spec.name}(${want})`);
    if (fn.helpUrl !== devHelpUrl(spec, devBase)) problems.push(`${spec.name}: @helpurl ${fn.helpUrl ?? '(none)'}; it must be ${devHelpUrl(spec, devBase)}`);
  }
  return problems;
}

function localize(generated: MetadataFile, l: MetadataLocale, base: string): MetadataFile {
  const { functions, ...flags } = generated;
  return {
    ...flags,
    allowErrorForDataTypeAny: true,
    functions: functions.map((fn) => {
      const spec = FUNCTIONS.find((f) => f.name === fn.id)!;
      return {
        ...fn,
        description: spec.description[l.language],
        helpUrl: `${base}${l.helpPage}#${helpAnchor(spec)}`,
        parameters: fn.parameters.map((p, i) => ({ ...p, description: spec.params[i].description[l.language] })),
      };
    }),
  };
}
