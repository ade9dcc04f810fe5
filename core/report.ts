import { Consolidation, percentKey } from './consolidate';
import { HighlightKey, LEGEND_ORDER, PALETTE } from './highlight';
import { Language, MessageKey, message, text } from './messages';

/** A workbook described as data: the consolidation's sheets, which each host (ExcelJS for
 * files, Office.js, Apps Script) writes in its own way. */
export interface SpecCell {
  v: string | number | null;
  /** `#RRGGBB` */
  fill?: string;
  font?: string;
  bold?: boolean;
  /** Excel number format, e.g. `0.00`. */
  format?: string;
  /** Where the cell leads: a cell of a source sheet (in another file for file outputs). */
  link?: { file?: string; sheet: string; cell: string };
}

export interface SheetSpec {
  name: string;
  columnWidths: number[];
  rows: SpecCell[][];
  /** Rows and columns kept in view while scrolling. */
  freeze?: { rows: number; columns: number };
  /** A bar chart of the offices' percents: the label and value columns (0-based) and the data
   * rows (0-based, inclusive). */
  chart?: { title: string; labelColumn: number; valueColumn: number; firstRow: number; lastRow: number };
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
}

const SCORE_FORMAT = '0.00';

function label(key: MessageKey, language: Language): string {
  return text(key)[language];
}

function head(keys: MessageKey[], language: Language): SpecCell[] {
  return keys.map((k) => ({ v: label(k, language), bold: true, fill: '#DDE3EA' }));
}

function swatch(key: HighlightKey | null, v: SpecCell['v'], format?: string): SpecCell {
  if (!key) return { v, format };
  return { v, format, fill: PALETTE[key].fill, font: PALETTE[key].font };
}

/** The consolidated workbook: a ranked summary with tier colours and per-indicator columns,
 * a per-indicator sheet and a problems sheet whose cells lead back to their sources. */
export function consolidationWorkbook(c: Consolidation, language: Language = 'bn'): WorkbookSpec {
  const s = c.settings;
  const rules = message('report.rules', {
    mode: text(`rule.${s.mode}`),
    na: text(`rule.${s.na}`),
    final: s.final ? text('rule.final') : text('rule.to-date'),
  })[language];

  const summaryHead: SpecCell[] = [
    ...head(['col.rank', 'col.office', 'col.score', 'col.max', 'col.percent', 'col.weight', 'col.plan-score', 'col.pending', 'col.na', 'col.invalid', 'col.errors', 'col.problems'], language),
    ...LEGEND_ORDER.map((k) => ({ v: PALETTE[k].label[language], bold: true, fill: PALETTE[k].fill, font: PALETTE[k].font })),
    ...c.indicators.map((i) => ({ v: i.id || i.name.slice(0, 30), bold: true, fill: '#DDE3EA' })),
    ...head(['col.file', 'col.sheet'], language),
  ];
  const firstOfficeRow = 3;
  const summaryRows: SpecCell[][] = [
    [{ v: label('report.title', language), bold: true }],
    [{ v: rules }],
    summaryHead,
    ...c.offices.map((o) => [
      { v: o.rank },
      { v: o.office },
      { v: o.score, format: SCORE_FORMAT },
      { v: o.max, format: SCORE_FORMAT },
      swatch(percentKey(o.percent), o.percent, SCORE_FORMAT),
      { v: o.weight, format: SCORE_FORMAT },
      { v: o.planScore, format: SCORE_FORMAT },
      { v: o.pending },
      { v: o.na },
      { v: o.invalid },
      { v: o.errorCount },
      { v: o.problemCount },
      ...LEGEND_ORDER.map((k) => ({ v: o.tierCounts[k] })),
      ...o.indicatorScores.map((v, i) => swatch(o.indicatorKeys[i], v, SCORE_FORMAT)),
      { v: o.file ? o.file.split(/[\\/]/).pop() ?? o.file : null },
      { v: o.sheet, link: { file: o.file, sheet: o.sheet, cell: `A${o.headerRow}` } },
    ]),
  ];
  const summary: SheetSpec = {
    name: label('sheet.summary', language),
    columnWidths: [6, 40, 10, 10, 10, 10, 10, 9, 9, 9, 9, 9, ...LEGEND_ORDER.map(() => 9), ...c.indicators.map(() => 9), 28, 16],
    rows: summaryRows,
    freeze: { rows: 3, columns: 2 },
    chart: c.offices.length
      ? { title: label('col.percent', language), labelColumn: 1, valueColumn: 4, firstRow: firstOfficeRow, lastRow: firstOfficeRow + c.offices.length - 1 }
      : undefined,
  };

  const indicatorSheet: SheetSpec = {
    name: label('sheet.indicators', language),
    columnWidths: [10, 60, 10, 8, 10, 12, ...LEGEND_ORDER.map(() => 9)],
    rows: [
      [
        ...head(['col.id', 'col.name', 'col.unit', 'col.indicator-weight', 'col.offices', 'col.average'], language),
        ...LEGEND_ORDER.map((k) => ({ v: PALETTE[k].label[language], bold: true, fill: PALETTE[k].fill, font: PALETTE[k].font })),
      ],
      ...c.indicators.map((i) => [
        { v: i.id },
        { v: i.name },
        { v: label(`unit.${i.unit}`, language) },
        { v: i.weight },
        { v: i.offices },
        { v: i.average, format: SCORE_FORMAT },
        ...LEGEND_ORDER.map((k) => ({ v: i.tierCounts[k] })),
      ]),
    ],
    freeze: { rows: 1, columns: 2 },
  };

  const problemSheet: SheetSpec = {
    name: label('sheet.problems', language),
    columnWidths: [36, 28, 16, 10, 10, 24, 80, 80],
    rows: [
      head(['col.office', 'col.file', 'col.sheet', 'col.cell', 'col.severity', 'col.code', 'col.message-bn', 'col.message-en'], language),
      ...c.problems.map((p) => [
        { v: p.office },
        { v: p.file ? p.file.split(/[\\/]/).pop() ?? p.file : null },
        { v: p.sheet },
        { v: p.cell || null, link: p.cell ? { file: p.file, sheet: p.sheet, cell: p.cell } : undefined },
        { v: label(`severity.${p.severity}`, language) },
        { v: p.code },
        { v: p.message.bn },
        { v: p.message.en },
      ]),
      ...c.skipped.map((k) => [
        { v: label('skipped', language) },
        { v: k.file ? k.file.split(/[\\/]/).pop() ?? k.file : null },
        { v: k.sheet ?? null },
        { v: null },
        { v: label('severity.error', language) },
        { v: 'skipped' },
        { v: k.reason.bn },
        { v: k.reason.en },
      ]),
    ],
    freeze: { rows: 1, columns: 0 },
  };

  return { sheets: [summary, indicatorSheet, problemSheet] };
}
