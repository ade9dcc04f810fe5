import type { Bilingual, Language, MessageKey, MessageParam } from '../core/messages';
import { message } from '../core/messages';

/** The command-line tool's words are core's one catalogue's (core/messages.ts): its own texts are
 * the `cli.` entries there (usage, progress, why a file cannot be read), named here without the
 * prefix; its table labels are core's own keys. */
type WithoutPrefix<K> = K extends `cli.${infer Rest}` ? Rest : never;
export type CliMessageKey = WithoutPrefix<MessageKey>;
export type CliParam = MessageParam;

/** A CLI text in both languages, with its parameters filled in. */
export function cliMessage(key: CliMessageKey, params: Record<string, CliParam> = {}): Bilingual {
  return message(`cli.${key}` as MessageKey, params);
}

/** A CLI text in one language. */
export function cliText(key: CliMessageKey, language: Language, params: Record<string, CliParam> = {}): string {
  return cliMessage(key, params)[language];
}
