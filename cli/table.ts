import type { JsonSheet, Language, OfficeRow, Problem, ScoreSettings } from '../core';
import { toBengaliDigits } from '../core/bengali-digits';
import { qualifiedAddress } from '../core/grid';
import { sourceLabel } from '../core/consolidate';
import { MessageKey, message, text } from '../core/messages';
import type { FileOutcome } from './analyse';
import { CliMessageKey, cliText } from './messages';
import { shown } from './terminal';

/** The human-readable outputs of `apa score`, `apa check` and `apa consolidate`. */

/** Columns a terminal gives a text: combining marks (Bengali vowel signs, virama) take none. */
export function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) if (!/\p{M}|[\u200b-\u200d\u2060\ufeff]/u.test(ch)) n++;
  return n;
}

function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Fixed two decimals, the way results are published; Bengali digits for 'bn'. */
export function fixed(n: number | null | undefined, lang: Language, decimals = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const s = n.toFixed(decimals);
  return lang === 'bn' ? toBengaliDigits(s) : s;
}

function integer(n: number, lang: Language): string {
  return lang === 'bn' ? toBengaliDigits(String(n)) : String(n);
}

function t(key: CliMessageKey, lang: Language, params: Record<string, string | number> = {}): string {
  return cliText(key, lang, params);
}

/** A word of core's catalogue in one language. */
const w = (key: MessageKey, lang: Language) => text(key)[lang];

/** Renders rows as aligned columns; `right` marks right-aligned columns. */
export function columns(rows: string[][], right: boolean[], indent = '  '): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return rows
    .map((r) =>
      (indent + r.map((c, i) => (i === r.length - 1 && !right[i] ? c : pad(c, widths[i], right[i]))).join('  ')).replace(/\s+$/, ''),
    )
    .join('\n');
}

function rulesLine(s: ScoreSettings, lang: Language): string {
  return message('report.rules', {
    mode: text(`rule.${s.mode}`),
    na: text(`rule.${s.na}`),
    final: s.final ? text('rule.final') : text('rule.to-date'),
  })[lang];
}

function sheetTitle(file: string, sheet: string): string {
  return `== ${shown(file)} › ${shown(sheet)} ==`;
}

/** One plan sheet of `apa score`. */
export function renderSheetScore(file: string, s: JsonSheet, lang: Language): string {
  const lines: string[] = [];
  lines.push(sheetTitle(file, s.sheet));
  lines.push(`${w('col.office', lang)}: ${shown(s.office)}`);
  const fy = s.fiscalYear ? (lang === 'bn' ? toBengaliDigits(s.fiscalYear) : s.fiscalYear) : w('ui.not-stated', lang);
  const q = s.quarter !== null ? integer(s.quarter, lang) : w('ui.not-stated', lang);
  const kind = s.plan ? w(`plan.${s.plan}`, lang) : w('ui.not-stated', lang);
  lines.push(`${w('ui.field.plan-kind', lang)}: ${kind} · ${w('ui.field.layout', lang)}: ${w(`ui.layout.${s.layout}`, lang)} · ${w('ui.field.fiscal-year', lang)}: ${fy} · ${w('ui.field.quarter', lang)}: ${q}`);
  const head = (['col.id', 'col.unit', 'col.indicator-weight', 'cli.col.raw', 'col.score', 'cli.col.status', 'cli.col.tier', 'col.name'] as const).map((k) => w(k, lang));
  const rows = s.indicators.map((i) => [
    i.id ? (lang === 'bn' ? toBengaliDigits(i.id) : i.id) : '—',
    text(`unit.${i.unit}`)[lang],
    fixed(i.weight, lang),
    fixed(i.raw, lang),
    fixed(i.score, lang),
    w(`status.${i.status}`, lang),
    i.tier ? text(`tier.${i.tier}`)[lang] : '—',
    truncate(shown(i.name), 48),
  ]);
  lines.push(columns([head, ...rows], [false, false, true, true, true, false, false, false]));
  const tt = s.totals;
  const total =
    tt.percent === null
      ? t('total.none', lang)
      : t('total', lang, { score: fixed(tt.score, lang), max: fixed(tt.max, lang), percent: `${fixed(tt.percent, lang)}%` });
  const state = tt.toDate ? t('total.to-date', lang) : s.settings.final ? t('total.final', lang) : t('total.complete', lang);
  const counts = t('total.counts', lang, { pending: integer(tt.pending, lang), inWords: integer(tt.inWords, lang), na: integer(tt.na, lang), invalid: integer(tt.invalid, lang) });
  const plan = tt.planScore === null ? '' : ` · ${t('total.plan', lang, { planScore: fixed(tt.planScore, lang), weight: fixed(tt.weight, lang) })}`;
  lines.push(`${total} · ${state} · ${counts}${plan}`);
  const earned = tt.earnedPercent === null ? '—' : `${fixed(tt.earnedPercent, lang)}%`;
  lines.push(t('total.marks', lang, { score: fixed(tt.score, lang), applicable: fixed(tt.applicable, lang), percent: earned }));
  lines.push(rulesLine(s.settings, lang));
  return lines.join('\n');
}

/** Skipped sheets of a file, one line each. */
function renderSkipped(o: FileOutcome, lang: Language): string[] {
  return o.skipped.map((k) => `-- ${shown(o.file)}${k.sheet !== undefined ? ` › ${shown(k.sheet)}` : ''}: ${w('skipped', lang)}: ${shown(k.reason[lang])}`);
}

/** A whole file of `apa score`. Unreadable files are reported on stderr, not here. */
export function renderFileScore(o: FileOutcome, lang: Language): string {
  if (o.unreadable) return `-- ${shown(o.file)}: ${t('label.unreadable', lang)}: ${shown(o.unreadable[lang])}`;
  const parts = o.sheets.map((s) => renderSheetScore(o.file, s, lang));
  parts.push(...renderSkipped(o, lang));
  return parts.join('\n\n');
}

function problemLines(file: string, sheet: string, p: Omit<Problem, 'file'>, lang: Language): string[] {
  const where = p.cell ? qualifiedAddress(sheet, p.cell) : qualifiedAddress(sheet, 'A1').replace(/!A1$/, '');
  const severity = text(`severity.${p.severity}`)[lang].toLowerCase();
  const other: Language = lang === 'bn' ? 'en' : 'bn';
  return [`${shown(file)}: ${shown(where)}: ${severity} [${p.code}]: ${shown(p.message[lang])}`, `    ${shown(p.message[other])}`];
}

export interface CheckCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** A whole file of `apa check`: every problem with its cell, in both languages. */
export function renderFileCheck(o: FileOutcome, lang: Language, counts: CheckCounts): string {
  const lines: string[] = [];
  if (o.unreadable) return '';
  for (const s of o.sheets) {
    const e = s.problems.filter((p) => p.severity === 'error').length;
    const w = s.problems.filter((p) => p.severity === 'warning').length;
    counts.errors += e;
    counts.warnings += w;
    counts.infos += s.problems.length - e - w;
    lines.push(`${sheetTitle(o.file, s.sheet)} ${shown(s.office)}`);
    if (s.problems.length === 0) lines.push(`  ${t('check.clean', lang)}`);
    for (const p of s.problems) lines.push(...problemLines(o.file, s.sheet, p, lang));
  }
  for (const k of o.skipped) {
    if (!k.benign) counts.errors++;
    const severity = text(k.benign ? 'severity.info' : 'severity.error')[lang].toLowerCase();
    const other: Language = lang === 'bn' ? 'en' : 'bn';
    lines.push(`${shown(o.file)}${k.sheet !== undefined ? `: ${shown(k.sheet)}` : ''}: ${severity} [not-a-plan]: ${shown(k.reason[lang])}`, `    ${shown(k.reason[other])}`);
  }
  return lines.join('\n');
}

/** The ranking `apa consolidate` prints. */
export function renderRanking(offices: OfficeRow[], lang: Language): string {
  const head = (['col.rank', 'col.percent', 'col.marks', 'col.office'] as const).map((k) => w(k, lang));
  const rows = offices.map((o) => [
    o.rank === null ? '—' : integer(o.rank, lang),
    o.percent === null ? '—' : `${fixed(o.percent, lang)}%`,
    `${fixed(o.marks, lang)}/${fixed(o.outOf, lang)}`,
    o.duplicateOf ? `${shown(o.office)} (${w('col.duplicate-of', lang)}: ${shown(sourceLabel(o.duplicateOf))})` : shown(o.office),
  ]);
  return columns([head, ...rows], [true, true, true, false]);
}
