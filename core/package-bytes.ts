import { DEFAULT_SHEET_LIMITS, SheetLimits, WorkbookRead } from './grid-builder';
import { odsEncrypted, readOdsContent } from './ods';
import { PackageParts, readSpreadsheetMlParts, readWorkbook } from './spreadsheetml';
import { Inflate, ZipDirectoryEntry, zipDirectory, zipEntryBytes } from './zip-read';

/**
 * A workbook's bytes read into grids where the only inflate is asynchronous (the browser's
 * `DecompressionStream('deflate-raw')`): the parts a reader needs are inflated first, each within
 * `partBytes` and all within `totalBytes` (a zip bomb stops), then given to core's readers, which
 * ask for them synchronously (core/spreadsheetml.ts, core/ods.ts). The CLI reads the same
 * packages with Node's zlib (cli/spreadsheetml.ts, cli/ods-package.ts).
 */

export interface BytesLimits {
  partBytes: number;
  totalBytes: number;
}

export const BYTES_LIMITS: BytesLimits = { partBytes: 64 * 1024 * 1024, totalBytes: 128 * 1024 * 1024 };

/** The package's parts, inflated on `load` and then read synchronously. */
class LoadedParts implements PackageParts {
  private readonly entries = new Map<string, ZipDirectoryEntry>();
  private readonly texts = new Map<string, string>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly inflate: Inflate,
    private readonly limits: BytesLimits,
  ) {
    for (const e of zipDirectory(bytes)) this.entries.set(e.name[0] === '/' ? e.name.slice(1) : e.name, e);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  text(name: string): string | null {
    return this.texts.get(name) ?? null;
  }

  /** Inflates the parts named (those the package has, once each). */
  async load(names: readonly string[]): Promise<void> {
    for (const name of names) {
      const entry = this.entries.get(name);
      if (!entry || this.texts.has(name)) continue;
      const left = this.limits.totalBytes - this.inflated;
      const bytes = await zipEntryBytes(this.bytes, entry, this.inflate, Math.min(this.limits.partBytes, left));
      this.inflated += bytes.length;
      this.texts.set(name, new TextDecoder().decode(bytes));
    }
  }
}

/** Every worksheet of an .xlsx as a grid, in tab order (what `readSpreadsheetMlParts` gives). */
export async function readXlsxBytes(bytes: Uint8Array, file: string, inflate: Inflate, limits: BytesLimits = BYTES_LIMITS, sheetLimits: SheetLimits = DEFAULT_SHEET_LIMITS): Promise<WorkbookRead> {
  const parts = new LoadedParts(bytes, inflate, limits);
  await parts.load(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
  const { sheets } = readWorkbook(parts);
  await parts.load(['xl/styles.xml', 'xl/sharedStrings.xml', ...sheets.map((s) => s.part)]);
  return readSpreadsheetMlParts(parts, file, sheetLimits);
}

/** Why an .ods is not read: password-protected, or no content.xml. */
export class OdsPackageError extends Error {
  constructor(readonly reason: 'encrypted' | 'no-content') {
    super(reason === 'encrypted' ? 'the document is password-protected' : 'content.xml is missing');
  }
}

/** Every table of an .ods as a grid (what `readOdsContent` gives). Throws `OdsPackageError`,
 * `ZipPartError`, `XmlError`, `SheetLimitError`. */
export async function readOdsBytes(bytes: Uint8Array, file: string, inflate: Inflate, limits: BytesLimits = BYTES_LIMITS, sheetLimits: SheetLimits = DEFAULT_SHEET_LIMITS): Promise<WorkbookRead> {
  const parts = new LoadedParts(bytes, inflate, limits);
  await parts.load(['META-INF/manifest.xml']);
  if (odsEncrypted(parts.text('META-INF/manifest.xml'))) throw new OdsPackageError('encrypted');
  await parts.load(['content.xml', 'styles.xml']);
  const content = parts.text('content.xml');
  if (content === null) throw new OdsPackageError('no-content');
  return readOdsContent(content, parts.text('styles.xml'), file, sheetLimits);
}
