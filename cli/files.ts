import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import { errorDetail, unreadable } from './errors';

/** Extensions `apa` reads. A folder contributes its .xlsx/.xlsm and .csv files. */
export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm'];
export const CSV_EXTENSIONS = ['.csv'];
const FOLDER_EXTENSIONS = [...WORKBOOK_EXTENSIONS, ...CSV_EXTENSIONS];

/** A file's bytes, or an `UnreadableFileError` naming it. Read synchronously: the reader is a
 * worker thread or a command-line run with nothing else to do meanwhile, and a thread-pool
 * round trip per small file costs more than it saves. */
export async function readBytes(file: string, label: string = file): Promise<Buffer> {
  try {
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw unreadable(label, 'unreadable.missing');
    if (code === 'EISDIR') throw unreadable(label, 'unreadable.directory');
    throw unreadable(label, 'unreadable.io', { detail: code ?? errorDetail(err) });
  }
}

export type InputProblem = { arg: string; kind: 'missing' | 'empty-folder' };

/** The files named by the command line: a file as given (whatever its extension: reading it
 * says what is wrong), a folder as its .xlsx/.xlsm/.csv files sorted by name (not recursive;
 * Excel's lock files `~$…` and hidden files left out). Duplicates and `exclude` are dropped. */
export async function expandInputs(args: string[], exclude: string[] = []): Promise<{ files: string[]; problems: InputProblem[] }> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set(exclude.map((f) => path.resolve(f)));
  const add = (f: string) => {
    const abs = path.resolve(f);
    if (seen.has(abs)) return;
    seen.add(abs);
    files.push(f);
  };
  for (const arg of args) {
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch {
      problems.push({ arg, kind: 'missing' });
      continue;
    }
    if (!stat.isDirectory()) {
      add(arg);
      continue;
    }
    const entries = await fs.readdir(arg, { withFileTypes: true });
    const names = entries
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && !e.name.startsWith('~$') && !e.name.startsWith('.'))
      .map((e) => e.name)
      .filter((n) => FOLDER_EXTENSIONS.includes(path.extname(n).toLowerCase()))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (names.length === 0) problems.push({ arg, kind: 'empty-folder' });
    for (const n of names) add(path.join(arg, n));
  }
  return { files, problems };
}
