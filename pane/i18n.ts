import { createContext, useCallback, useContext } from 'react';
import { Bilingual, Language, MessageKey, MessageParam, message } from '../core/messages';

/** The pane's language: React state in `App`, handed down by context. Bengali by default. */
export const LanguageContext = createContext<Language>('bn');

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export type Translate = (key: MessageKey, params?: Record<string, MessageParam>) => string;

/** Catalogue keys a host words differently (key → the key shown instead), e.g. Google Sheets'
 * `=APA_*` formulas where Excel has `=APA.*`. None by default: the catalogue as it is. */
export const HostTextsContext = createContext<Partial<Record<MessageKey, MessageKey>> | undefined>(undefined);

/** `t(key, params)`: a catalogue text in the pane's language (in the host's wording, where it has one). */
export function useT(): Translate {
  const language = useLanguage();
  const texts = useContext(HostTextsContext);
  return useCallback((key: MessageKey, params: Record<string, MessageParam> = {}) => message(texts?.[key] ?? key, params)[language], [language, texts]);
}

/** One side of a bilingual text (from the workbook operations) in the pane's language. */
export function useBilingual(): (text: Bilingual) => string {
  const language = useLanguage();
  return useCallback((text: Bilingual) => text[language], [language]);
}
