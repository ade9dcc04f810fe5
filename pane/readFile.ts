import type { OfficeFile } from '../core/operations';

/** A file's bytes as base64 (what `insertWorksheetsFromBase64` takes), read with FileReader. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : url);
    };
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.onabort = () => reject(reader.error ?? new Error('FileReader aborted'));
    reader.readAsDataURL(file);
  });
}

export function isXlsx(name: string): boolean {
  return /\.xlsx$/i.test(name);
}

/** Reads the .xlsx files given; the others, and any that cannot be read, come back as `rejected`. */
export async function readOfficeFiles(files: readonly File[]): Promise<{ read: OfficeFile[]; rejected: { file: string; cause: 'not-xlsx' | 'read-failed' }[] }> {
  const read: OfficeFile[] = [];
  const rejected: { file: string; cause: 'not-xlsx' | 'read-failed' }[] = [];
  for (const f of files) {
    if (!isXlsx(f.name)) {
      rejected.push({ file: f.name, cause: 'not-xlsx' });
      continue;
    }
    try {
      read.push({ name: f.name, base64: await readAsBase64(f) });
    } catch {
      rejected.push({ file: f.name, cause: 'read-failed' });
    }
  }
  return { read, rejected };
}
