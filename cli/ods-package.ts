import { DEFAULT_SHEET_LIMITS, SheetLimits, WorkbookRead } from '../core/grid-builder';
import { message } from '../core/messages';
import { odsEncrypted, readOdsContent } from '../core/ods';
import { UnreadableFileError } from './errors';
import { Package, PackageLimits } from './spreadsheetml';
import { entryBytes, zipEntries } from './zip';

/** An .ods package (LibreOffice's own format): its zip read here, with the limits an .xlsx is
 * read with (a zip bomb never inflates), its content.xml and styles.xml read by core
 * (core/ods.ts). */

const ODS_MEDIA_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** True when the package's `mimetype` entry says OpenDocument spreadsheet (or template). */
export function isOdsPackage(buf: Buffer): boolean {
  try {
    const entry = zipEntries(buf).get('mimetype');
    if (entry && entry.size <= 256) return entryBytes(buf, entry, 256).toString('latin1').startsWith(ODS_MEDIA_TYPE);
  } catch {
    // A damaged zip: what its bytes say.
  }
  return buf.includes(ODS_MEDIA_TYPE) && !buf.includes('xl/workbook.xml');
}

/** Every table of an .ods as a grid. Throws `ZipError`, `XmlError`, `SheetLimitError` (damaged)
 * or `UnreadableFileError` (password-protected, no content). */
export function readOdsPackage(buf: Buffer, label: string, limits: PackageLimits, sheetLimits: SheetLimits = DEFAULT_SHEET_LIMITS): WorkbookRead {
  const pkg = new Package(buf, limits);
  if (odsEncrypted(pkg.text('META-INF/manifest.xml'))) throw new UnreadableFileError(label, message('unreadable.ods-encrypted'));
  const content = pkg.text('content.xml');
  if (content === null) throw new UnreadableFileError(label, message('unreadable.ods-no-content'));
  return readOdsContent(content, pkg.text('styles.xml'), label, sheetLimits);
}
