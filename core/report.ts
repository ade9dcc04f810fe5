import { Consolidation, IndicatorRow, OfficeRow, percentKey } from './consolidate';
import { HighlightKey, LEGEND_ORDER, PALETTE } from './highlight';
import { Bilingual, Language, MessageKey, message, text } from './messages';

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
  /** The key of each column, from its report table (absent in sheets not made from one). */
  keys?: string[];
  /** Rows and columns kept in view while scrolling. */
  freeze?: { rows: number; columns: number };
  /** A bar chart of the offices' percents: the label and value columns (0-based) and the data
   * rows (0-based, inclusive). */
  chart?: { title: string; labelColumn: number; valueColumn: number; firstRow: number; lastRow: number };
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
}

/** The colour of a link's text, in every output. */
export const LINK_FONT = '#0563C1';
/** The header cells' fill. */
export const HEADER_FILL = '#DDE3EA';
const SCORE_FORMAT = '0.00';

/** One column of a report sheet: its key (what code and tests find it by), header, width, and the
 * cell it holds for each row. A new report column is one entry of a table below. */
export interface ReportColumn<Row> {
  key: string;
  header: (language: Language) => SpecCell;
  width: number;
  cell: (row: Row, language: Language) => SpecCell;
}

const label = (key: MessageKey, language: Language) => text(key)[language];
const titled = (key: MessageKey) => (language: Language): SpecCell => ({ v: label(key, language), bold: true, fill: HEADER_FILL });
const tierHeader = (k: HighlightKey) => (language: Language): SpecCell => ({ v: PALETTE[k].label[language], bold: true, fill: PALETTE[k].fill, font: PALETTE[k].font });
const swatch = (key: HighlightKey | null, v: SpecCell['v'], format?: string): SpecCell => (key ? { v, format, fill: PALETTE[key].fill, font: PALETTE[key].font } : { v, format });
const fileName = (file: string | undefined) => (file ? file.split(/[\\/]/).pop() ?? file : null);
const column = <Row>(key: string, header: MessageKey, width: number, cell: ReportColumn<Row>['cell']): ReportColumn<Row> => ({ key, header: titled(header), width, cell });
const score = <Row>(key: string, header: MessageKey, width: number, value: (r: Row) => number | null): ReportColumn<Row> => column(key, header, width, (r) => ({ v: value(r), format: SCORE_FORMAT }));
const count = <Row>(key: string, header: MessageKey, value: (r: Row) => number | null): ReportColumn<Row> => column(key, header, 9, (r) => ({ v: value(r) }));
const tierCounts = <Row extends { tierCounts: Record<HighlightKey, number> }>(): ReportColumn<Row>[] =>
  LEGEND_ORDER.map((k) => ({ key: `tier:${k}`, header: tierHeader(k), width: 9, cell: (r) => ({ v: r.tierCounts[k] }) }));

/** The summary sheet's columns: the ranking, the tier counts, one column per consolidated indicator, the source. */
export function summaryColumns(c: Consolidation): ReportColumn<OfficeRow>[] {
  return [
    column('rank', 'col.rank', 6, (o) => ({ v: o.rank })),
    column('office', 'col.office', 40, (o) => ({ v: o.office })),
    score('score', 'col.score', 10, (o) => o.score),
    score('max', 'col.max', 10, (o) => o.max),
    column('percent', 'col.percent', 10, (o) => swatch(percentKey(o.percent), o.percent, SCORE_FORMAT)),
    score('weight', 'col.weight', 10, (o) => o.weight),
    score('plan-score', 'col.plan-score', 10, (o) => o.planScore),
    count('pending', 'col.pending', (o) => o.pending),
    count('na', 'col.na', (o) => o.na),
    count('invalid', 'col.invalid', (o) => o.invalid),
    count('errors', 'col.errors', (o) => o.errorCount),
    count('problems', 'col.problems', (o) => o.problemCount),
    ...tierCounts<OfficeRow>(),
    ...c.indicators.map((ind, i): ReportColumn<OfficeRow> => ({
      key: `indicator:${i}`,
      header: () => ({ v: ind.id || ind.name.slice(0, 30), bold: true, fill: HEADER_FILL }),
      width: 9,
      cell: (o) => swatch(o.indicatorKeys[i], o.indicatorScores[i], SCORE_FORMAT),
    })),
    column('file', 'col.file', 28, (o) => ({ v: fileName(o.file) })),
    column('sheet', 'col.sheet', 16, (o) => ({ v: o.sheet, link: { file: o.file, sheet: o.sheet, cell: `A${o.headerRow}` } })),
  ];
}
export const INDICATOR_COLUMNS: ReportColumn<IndicatorRow>[] = [
  column('id', 'col.id', 10, (i) => ({ v: i.id })),
  column('name', 'col.name', 60, (i) => ({ v: i.name })),
  column('unit', 'col.unit', 10, (i, language) => ({ v: label(`unit.${i.unit}`, language) })),
  column('weight', 'col.indicator-weight', 8, (i) => ({ v: i.weight })),
  column('offices', 'col.offices', 10, (i) => ({ v: i.offices })),
  score('average', 'col.average', 12, (i) => i.average),
  ...tierCounts<IndicatorRow>(),
];

/** A line of the problems sheet: a problem of an office, or a source that was skipped. */
export interface ProblemLine {
  office: string | null;
  file?: string;
  sheet: string | null;
  cell: string;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: Bilingual;
}

export const PROBLEM_COLUMNS: ReportColumn<ProblemLine>[] = [
  column('office', 'col.office', 36, (p, language) => ({ v: p.office ?? label('skipped', language) })),
  column('file', 'col.file', 28, (p) => ({ v: fileName(p.file) })),
  column('sheet', 'col.sheet', 16, (p) => ({ v: p.sheet })),
  column('cell', 'col.cell', 10, (p) => ({ v: p.cell || null, link: p.cell && p.sheet ? { file: p.file, sheet: p.sheet, cell: p.cell } : undefined })),
  column('severity', 'col.severity', 10, (p, language) => ({ v: label(`severity.${p.severity}`, language) })),
  column('code', 'col.code', 24, (p) => ({ v: p.code })),
  column('message-bn', 'col.message-bn', 80, (p) => ({ v: p.message.bn })),
  column('message-en', 'col.message-en', 80, (p) => ({ v: p.message.en })),
];

/** The header row and one row per item of a table's columns. */
function tableRows<Row>(columns: ReportColumn<Row>[], rows: Row[], language: Language): SpecCell[][] {
  return [columns.map((c) => c.header(language)), ...rows.map((r) => columns.map((c) => c.cell(r, language)))];
}

const tableSheet = <Row>(name: string, columns: ReportColumn<Row>[], rows: SpecCell[][], freeze: SheetSpec['freeze']): SheetSpec => ({
  name,
  columnWidths: columns.map((c) => c.width),
  rows,
  keys: columns.map((c) => c.key),
  freeze,
});

/** The column of a report sheet that holds `key` (0-based), or -1. */
export const columnOf = (sheet: SheetSpec, key: string): number => sheet.keys?.indexOf(key) ?? -1;

/** The consolidated workbook: a ranked summary with tier colours and per-indicator columns,
 * a per-indicator sheet and a problems sheet whose cells lead back to their sources. */
export function consolidationWorkbook(c: Consolidation, language: Language = 'bn'): WorkbookSpec {
  const s = c.settings;
  const rules = message('report.rules', {
    mode: text(`rule.${s.mode}`),
    na: text(`rule.${s.na}`),
    final: s.final ? text('rule.final') : text('rule.to-date'),
  })[language];

  const columns = summaryColumns(c);
  const above: SpecCell[][] = [[{ v: label('report.title', language), bold: true }], [{ v: rules }]];
  const summary = tableSheet(label('sheet.summary', language), columns, [...above, ...tableRows(columns, c.offices, language)], { rows: above.length + 1, columns: 2 });
  const firstOfficeRow = above.length + 1;
  if (c.offices.length) {
    const at = (key: string) => columns.findIndex((x) => x.key === key);
    summary.chart = { title: label('col.percent', language), labelColumn: at('office'), valueColumn: at('percent'), firstRow: firstOfficeRow, lastRow: firstOfficeRow + c.offices.length - 1 };
  }

  const indicatorSheet = tableSheet(label('sheet.indicators', language), INDICATOR_COLUMNS, tableRows(INDICATOR_COLUMNS, c.indicators, language), { rows: 1, columns: 2 });

  const lines: ProblemLine[] = [
    ...c.problems.map((p) => ({ office: p.office, file: p.file, sheet: p.sheet, cell: p.cell, severity: p.severity, code: p.code, message: p.message })),
    ...c.skipped.map((k): ProblemLine => ({ office: null, file: k.file, sheet: k.sheet ?? null, cell: '', severity: 'error', code: 'skipped', message: k.reason })),
  ];
  const problemSheet = tableSheet(label('sheet.problems', language), PROBLEM_COLUMNS, tableRows(PROBLEM_COLUMNS, lines, language), { rows: 1, columns: 0 });

  return { sheets: [summary, indicatorSheet, problemSheet] };
}
