import { formatNumber, toBengaliDigits } from '../core/bengali-digits';
import { formatDay } from '../core/dates';
import { Bilingual, Language, message } from '../core/messages';
import type { Unit } from '../core/values';

/** Display helpers: numbers rounded to 2 decimals with each language's digits. */
export function num(value: number | null | undefined, language: Language): string {
  return value === null || value === undefined || Number.isNaN(value) ? message('ui.none')[language] : formatNumber(value, language);
}

export function percent(value: number | null | undefined, language: Language): string {
  return value === null || value === undefined ? message('ui.none')[language] : message('ui.percent', { value })[language];
}

/** Ids, fiscal years and other digit-bearing text: Bengali digits in Bengali. */
export function digitsIn(text: string, language: Language): string {
  return language === 'bn' ? toBengaliDigits(text) : text;
}

/** A target or achievement value of a unit: a day number as dd/mm/yyyy, a percent with %. */
export function unitValue(value: number, unit: Unit, language: Language): string {
  if (unit === 'date') return formatDay(value, language);
  if (unit === 'percent') return percent(value, language);
  return num(value, language);
}

/** Days until a deadline, in words. */
export function daysLeft(days: number, language: Language): string {
  if (days === 0) return message('ui.days.today')[language];
  if (days === 1) return message('ui.days.one-left')[language];
  if (days === -1) return message('ui.days.one-passed')[language];
  return days > 0 ? message('ui.days.left', { days })[language] : message('ui.days.passed', { days: -days })[language];
}

function isBilingual(value: unknown): value is Bilingual {
  return typeof value === 'object' && value !== null && typeof (value as Bilingual).bn === 'string' && typeof (value as Bilingual).en === 'string';
}

/** What went wrong, for the error bar: our own text (bilingual) when the error carries one, and the
 * host's own words as a detail. A host's raw text is never the message itself: without one of ours
 * the pane says, in its own words, that the host could not do it (`message` null). */
export function errorText(error: unknown): { message: Bilingual | null; detail: string | null } {
  if (isBilingual(error)) return { message: error, detail: null };
  if (typeof error === 'object' && error !== null) {
    const e = error as Record<string, unknown>;
    const detail = typeof e.detail === 'string' && e.detail ? e.detail : null;
    for (const field of ['bilingual', 'text', 'detail', 'reason']) {
      const v = e[field];
      if (isBilingual(v)) return { message: v, detail };
    }
    const m = typeof e.message === 'string' ? e.message : '';
    const code = typeof e.code === 'string' ? e.code : '';
    const raw = [code, m].filter(Boolean).join(': ');
    return { message: null, detail: detail ?? (raw || null) };
  }
  if (typeof error === 'string' && error) return { message: null, detail: error };
  return { message: null, detail: null };
}

/** True for the rejection an aborted operation gives. */
export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
