import { closeSync, constants, fstatSync, openSync, promises as fs, readSync } from 'fs';
import * as path from 'path';
import { message } from '../core/messages';
import { UnreadableFileError, errorDetail, unreadable } from './errors';

/** Extensions `apa` reads. A folder contributes its .xlsx/.xlsm, .ods and .csv files. */
export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.ods'];
export const CSV_EXTENSIONS = ['.csv'];
const FOLDER_EXTENSIONS = [...WORKBOOK_EXTENSIONS, ...CSV_EXTENSIONS];

/** The largest input read (64 MB): an office's workbook or CSV is well under a megabyte, and an
 * e-mail attachment under 25 MB. Checked before reading. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * A file's bytes, or an `UnreadableFileError` naming it. Only a regular file is read: it is
 * opened without waiting (a FIFO, or a link to one, must not hang the run), then `fstat` on
 * what was opened says what it is (a device such as /dev/zero is never read) and how large (at
 * most `maxBytes`, checked before reading, and no more than that is read should it grow).
 * Read synchronously: the reader is a worker thread or a command-line run with nothing else to
 * do meanwhile, and a thread-pool round trip per small file costs more than it saves.
 */
export async function readBytes(file: string, label: string = file, maxBytes = MAX_INPUT_BYTES): Promise<Buffer> {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw openError(err, label);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw unreadable(label, 'unreadable.directory');
    if (!stat.isFile()) {
      const kind = stat.isFIFO() ? 'kind.fifo' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'kind.device' : stat.isSocket() ? 'kind.socket' : 'kind.other';
      throw new UnreadableFileError(label, message('unreadable.not-regular', { kind: message(kind) }));
    }
    if (stat.size > maxBytes) throw tooLarge(label, stat.size, maxBytes);
    const buf = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < buf.length) {
      const n = readSync(fd, buf, read, buf.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === buf.length ? buf : buf.subarray(0, read);
  } catch (err) {
    if (err instanceof UnreadableFileError) throw err;
    throw openError(err, label);
  } finally {
    closeSync(fd);
  }
}

function openError(err: unknown, label: string): UnreadableFileError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return unreadable(label, 'unreadable.missing');
  if (code === 'EISDIR') return unreadable(label, 'unreadable.directory');
  return unreadable(label, 'unreadable.io', { detail: code ?? errorDetail(err) });
}

function tooLarge(label: string, size: number, limit: number): UnreadableFileError {
  const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
  return new UnreadableFileError(label, message('unreadable.input-too-large', { size: mb(size), limit: mb(limit) }));
}

export type InputProblem = { arg: string; kind: 'missing' | 'empty-folder' };

/** The files named by the command line: a file as given (whatever its extension: reading it
 * says what is wrong), a folder as its .xlsx/.xlsm/.ods/.csv files sorted by name (not recursive;
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
