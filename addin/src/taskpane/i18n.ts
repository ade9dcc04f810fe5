import { createContext, useCallback, useContext } from 'react';
import { Bilingual, Language, MessageKey, MessageParam, message } from '../../../core/messages';

/** The pane's language: React state in `App`, handed down by context. Bengali by default. */
export const LanguageContext = createContext<Language>('bn');

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export type Translate = (key: MessageKey, params?: Record<string, MessageParam>) => string;

/** `t(key, params)`: a catalogue text in the pane's language. */
export function useT(): Translate {
  const language = useLanguage();
  return useCallback((key: MessageKey, params: Record<string, MessageParam> = {}) => message(key, params)[language], [language]);
}

/** One side of a bilingual text (from the workbook operations) in the pane's language. */
export function useBilingual(): (text: Bilingual) => string {
  const language = useLanguage();
  return useCallback((text: Bilingual) => text[language], [language]);
}
