import type { Bilingual } from '../core';
import { message } from '../core/messages';
import { CliMessageKey, CliParam, cliMessage } from './messages';

/** A file that cannot be read as a workbook or CSV: carries the reason in both languages, so
 * that the CLI prints one clear line naming the file instead of a stack trace. */
export class UnreadableFileError extends Error {
  /** core's 'file-unreadable' message with the reason filled in. */
  readonly reason: Bilingual;

  constructor(
    readonly file: string,
    readonly why: Bilingual,
  ) {
    const reason = message('file-unreadable', { reason: why });
    super(`${file}: ${reason.en}`);
    this.name = 'UnreadableFileError';
    this.reason = reason;
  }
}

export function unreadable(file: string, key: CliMessageKey, params: Record<string, CliParam> = {}): UnreadableFileError {
  return new UnreadableFileError(file, cliMessage(key, params));
}

/** The first line of an error's message, shortened: detail for a reason, never a stack. */
export function errorDetail(err: unknown, max = 160): string {
  const raw = err instanceof Error ? err.message : String(err);
  const line = raw.split(/\r?\n/)[0].trim() || (err instanceof Error ? err.name : 'error');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
