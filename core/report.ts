import { Consolidation, ConsolidationGroup, IndicatorRow, OfficeProblem, OfficeRow, groupShortName, groupTitle, percentKey, sourceLabel } from './consolidate';
import { HighlightKey, LEGEND_ORDER, PALETTE } from './highlight';
import { Bilingual, Language, MessageKey, message, text } from './messages';
import { longestWordWidth, textWidth, wrappedLines } from './text-width';

/** A workbook described as data: the consolidation's sheets, which each host (ExcelJS for
 * files, Office.js, Apps Script) writes in its own way. */
export interface SpecCell {
  v: string | number | null;
  /** `#RRGGBB` */
  fill?: string;
  font?: string;
  bold?: boolean;
  /** Text wraps within the column's width (headers, long names). */
  wrap?: boolean;
  /** Excel number format, e.g. `0.00`. */
  format?: string;
  /** Where the cell leads: a cell of a source sheet (in another file for file outputs). */
  link?: { file?: string; sheet: string; cell: string };
}

/** A bar chart: one bar per category, one series per tier band (each bar is in the series of
 * its band, so it takes that band's colour, and the legend names the bands). Rows and columns
 * are 0-based cells of the sheet. */
export interface ChartSpec {
  title: string;
  /** The bars' labels: a column, rows `firstRow`…`lastRow`. */
  categories: { column: number; firstRow: number; lastRow: number };
  /** Each series' values are in its column, on the categories' rows; its name above them. */
  series: { name: string; column: number; fill: string }[];
  /** The value axis' title (0–100 %). */
  valueAxis: string;
  /** Where the chart sits: top-left and bottom-right cells. */
  anchor: { top: number; left: number; bottom: number; right: number };
}

/** How a sheet prints: landscape, every column on one page's width, its title rows (0…n-1) on
 * every page; `columns`: the columns printed (0…n-1; the rest are the chart's data). */
export interface PrintSpec {
  landscape: boolean;
  titleRows: number;
  columns: number;
  rows: number;
  /** Rows (0-based) that start a new printed page: the chart's caption, so that the chart prints
   * whole on a page of its own, under the title rows. */
  breaks?: number[];
}

export interface SheetSpec {
  name: string;
  columnWidths: number[];
  rows: SpecCell[][];
  /** Row heights in points, where a row needs more than one line (wrapped headers). */
  rowHeights?: { row: number; height: number }[];
  /** The key of each column, from its report table (absent in sheets not made from one). */
  keys?: string[];
  /** Rows and columns kept in view while scrolling. */
  freeze?: { rows: number; columns: number };
  chart?: ChartSpec;
  print?: PrintSpec;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
}

/** The colour of a link's text, in every output. */
export const LINK_FONT = '#0563C1';
/** The header cells' fill. */
export const HEADER_FILL = '#DDE3EA';
/** A coverage below half the plan's weight, and one below the whole. */
export const COVERAGE_LOW_FILL = '#FFCC80';
export const COVERAGE_PARTIAL_FILL = '#FFF3C4';
const SCORE_FORMAT = '0.00';
/** Points per line of 11-point text. */
const LINE_POINTS = 15;

/** One column of a report sheet: its key (what code and tests find it by), header, width (the
 * most it may take: it is fitted to its text), and the cell it holds for each row. A new report
 * column is one entry of a table below. */
export interface ReportColumn<Row> {
  key: string;
  header: (language: Language) => SpecCell;
  width: number;
  cell: (row: Row, language: Language) => SpecCell;
}

const label = (key: MessageKey, language: Language) => text(key)[language];
const titled = (key: MessageKey) => (language: Language): SpecCell => ({ v: label(key, language), bold: true, fill: HEADER_FILL, wrap: true });
const tierHeader = (k: HighlightKey) => (language: Language): SpecCell => ({ v: PALETTE[k].label[language], bold: true, fill: PALETTE[k].fill, font: PALETTE[k].font, wrap: true });
const swatch = (key: HighlightKey | null, v: SpecCell['v'], format?: string): SpecCell => (key ? { v, format, fill: PALETTE[key].fill, font: PALETTE[key].font } : { v, format });
const fileName = (file: string | undefined) => (file ? file.split(/[\\/]/).pop() ?? file : null);
const column = <Row>(key: string, header: MessageKey, width: number, cell: ReportColumn<Row>['cell']): ReportColumn<Row> => ({ key, header: titled(header), width, cell });
const wrapped = <Row>(key: string, header: MessageKey, width: number, value: (r: Row, language: Language) => string | null): ReportColumn<Row> => column(key, header, width, (r, l) => ({ v: value(r, l), wrap: true }));
const score = <Row>(key: string, header: MessageKey, width: number, value: (r: Row) => number | null): ReportColumn<Row> => column(key, header, width, (r) => ({ v: value(r), format: SCORE_FORMAT }));
const count = <Row>(key: string, header: MessageKey, value: (r: Row) => number | null): ReportColumn<Row> => column(key, header, 10, (r) => ({ v: value(r) }));
const tierCounts = <Row extends { tierCounts: Record<HighlightKey, number> }>(keys: HighlightKey[]): ReportColumn<Row>[] =>
  keys.map((k) => ({ key: `tier:${k}`, header: tierHeader(k), width: 10, cell: (r) => ({ v: r.tierCounts[k] }) }));

/** The bands an office's percent falls in, best first: the chart's series and the legend. */
export const PERCENT_BANDS: HighlightKey[] = ['excellent', 'very-good', 'good', 'fair', 'below-fair', 'not-achieved'];

function coverageCell(o: OfficeRow): SpecCell {
  if (o.coverage === null) return { v: null };
  if (o.coverage < 50) return { v: o.coverage, format: '0', fill: COVERAGE_LOW_FILL, bold: true };
  if (o.coverage < 100 - 1e-9) return { v: o.coverage, format: '0', fill: COVERAGE_PARTIAL_FILL };
  return { v: o.coverage, format: '0' };
}

/** A group's summary columns: the ranking (§9), the counts, one column per indicator of the group, the source. */
export function summaryColumns(g: Pick<ConsolidationGroup, 'indicators'>): ReportColumn<OfficeRow>[] {
  const seen = new Map<string, number>();
  return [
    column('rank', 'col.rank', 8, (o) => ({ v: o.rank })),
    wrapped('office', 'col.office', 40, (o) => o.office),
    score('marks', 'col.marks', 13, (o) => o.marks),
    score('out-of', 'col.out-of', 14, (o) => o.outOf),
    column('percent', 'col.percent', 13, (o) => swatch(percentKey(o.percent, o.assessed), o.percent, SCORE_FORMAT)),
    score('assessed', 'col.assessed', 13, (o) => o.assessed),
    score('to-date', 'col.to-date', 13, (o) => o.toDatePercent),
    column('coverage', 'col.coverage', 13, coverageCell),
    count('pending', 'col.pending', (o) => o.pending),
    count('na', 'col.na', (o) => o.na),
    count('invalid', 'col.invalid', (o) => o.invalid),
    count('errors', 'col.errors', (o) => o.errorCount),
    count('problems', 'col.problems', (o) => o.problemCount),
    ...g.indicators.map((ind, i): ReportColumn<OfficeRow> => {
      const n = (seen.get(ind.id) ?? 0) + 1;
      seen.set(ind.id, n);
      const head = ind.id ? (n > 1 ? `${ind.id} (${n})` : ind.id) : ind.name.slice(0, 30);
      return {
        key: `indicator:${i}`,
        header: () => ({ v: head, bold: true, fill: HEADER_FILL, wrap: true }),
        width: 9,
        cell: (o) => swatch(o.indicatorKeys[i], o.indicatorScores[i], SCORE_FORMAT),
      };
    }),
    wrapped('file', 'col.file', 28, (o) => fileName(o.file)),
    column('sheet', 'col.sheet', 18, (o) => ({ v: o.sheet, link: { file: o.file, sheet: o.sheet, cell: `A${o.headerRow}` } })),
    wrapped('duplicate-of', 'col.duplicate-of', 36, (o) => (o.duplicateOf ? `${o.duplicateOf.office} (${sourceLabel(o.duplicateOf)})` : null)),
  ];
}

/** A row of the per-indicator sheet: an indicator of a group. */
export interface IndicatorLineRow extends IndicatorRow {
  group: Bilingual;
}

export const INDICATOR_COLUMNS: ReportColumn<IndicatorLineRow>[] = [
  wrapped('group', 'col.group', 34, (i, language) => i.group[language]),
  column('id', 'col.id', 10, (i) => ({ v: i.id })),
  wrapped('name', 'col.name', 60, (i) => i.name),
  column('unit', 'col.unit', 10, (i, language) => ({ v: label(`unit.${i.unit}`, language) })),
  column('weight', 'col.indicator-weight', 8, (i) => ({ v: i.weight })),
  column('offices', 'col.offices', 10, (i) => ({ v: i.offices })),
  score('average-raw', 'col.average-raw', 12, (i) => i.averageRaw),
  ...tierCounts<IndicatorLineRow>(LEGEND_ORDER),
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
  wrapped('office', 'col.office', 36, (p, language) => p.office ?? label('skipped', language)),
  wrapped('file', 'col.file', 28, (p) => fileName(p.file)),
  column('sheet', 'col.sheet', 16, (p) => ({ v: p.sheet })),
  column('cell', 'col.cell', 10, (p) => ({ v: p.cell || null, link: p.cell && p.sheet ? { file: p.file, sheet: p.sheet, cell: p.cell } : undefined })),
  column('severity', 'col.severity', 10, (p, language) => ({ v: label(`severity.${p.severity}`, language) })),
  column('code', 'col.code', 24, (p) => ({ v: p.code })),
  wrapped('message-bn', 'col.message-bn', 70, (p) => p.message.bn),
  wrapped('message-en', 'col.message-en', 70, (p) => p.message.en),
];

/** The column of a report sheet that holds `key` (0-based), or -1. */
export const columnOf = (sheet: SheetSpec, key: string): number => sheet.keys?.indexOf(key) ?? -1;

/** How many rows a column's width is fitted over (a ministry's 25,000 offices need not all be measured). */
const FIT_ROWS = 2000;

const shownText = (c: SpecCell | undefined): string => {
  if (!c || c.v === null || c.v === '') return '';
  if (typeof c.v === 'number') return c.format === SCORE_FORMAT ? c.v.toFixed(2) : String(Math.round(c.v * 100) / 100);
  return c.v;
};

export interface TableSheetOptions<Row> {
  name: string;
  /** Rows above the table's header (titles, the rules); each a line of text. */
  titles: SpecCell[][];
  columns: ReportColumn<Row>[];
  rows: Row[];
  language: Language;
  /** Columns kept in view (the office's name). */
  freezeColumns: number;
}

/**
 * A report table as a sheet people read and print: titles, a wrapped header, one row per item;
 * each column as wide as its text needs (within its table width), the header and title rows kept
 * in view and printed on every page, landscape, every column on one page's width. A new report
 * sheet is a table of columns and one call of this.
 */
export function tableSheet<Row>(o: TableSheetOptions<Row>): SheetSpec {
  const header = o.columns.map((c) => c.header(o.language));
  const body = o.rows.map((r) => o.columns.map((c) => c.cell(r, o.language)));
  const widths = o.columns.map((c, j) => {
    // Headers are bold: a little wider than the same text in a plain cell.
    let need = longestWordWidth(shownText(header[j])) * 1.15;
    const n = Math.min(body.length, FIT_ROWS);
    for (let i = 0; i < n; i++) need = Math.max(need, textWidth(shownText(body[i][j])));
    return Math.round(Math.min(c.width, Math.max(6, need + 2)) * 10) / 10;
  });
  const lines = Math.max(1, ...header.map((h, j) => wrappedLines(shownText(h), (widths[j] - 1) / 1.15)));
  const headerRow = o.titles.length;
  const rowHeights = lines > 1 ? [{ row: headerRow, height: lines * LINE_POINTS + 3 }] : [];
  // A wrapped cell whose text takes more than one line makes its row taller (no host grows it
  // on opening a file).
  const wrapping = o.columns.map((_, j) => j).filter((j) => body.some((r) => r[j]?.wrap));
  body.forEach((r, i) => {
    let n = 1;
    for (const j of wrapping) if (r[j]?.wrap && typeof r[j].v === 'string' && textWidth(r[j].v as string) > widths[j] - 1) n = Math.max(n, wrappedLines(r[j].v as string, widths[j] - 1));
    if (n > 1) rowHeights.push({ row: headerRow + 1 + i, height: n * LINE_POINTS + 3 });
  });
  return {
    name: o.name,
    columnWidths: widths,
    rows: [...o.titles, header, ...body],
    rowHeights: rowHeights.length ? rowHeights : undefined,
    keys: o.columns.map((c) => c.key),
    freeze: { rows: headerRow + 1, columns: o.freezeColumns },
    print: { landscape: true, titleRows: headerRow + 1, columns: o.columns.length, rows: headerRow + 1 + body.length },
  };
}

function rulesLine(c: Consolidation, language: Language): string {
  const s = c.settings;
  return message('report.rules', {
    mode: text(`rule.${s.mode}`),
    na: text(`rule.${s.na}`),
    final: s.final ? text('rule.final') : text('rule.to-date'),
  })[language];
}

/** A group's summary: the title naming the group, the ranking, and its chart beside the table's
 * data (one column per band, on the ranked offices' rows). */
function groupSummary(c: Consolidation, g: ConsolidationGroup, language: Language): SheetSpec {
  const columns = summaryColumns(g);
  const titles: SpecCell[][] = [
    [{ v: `${groupTitle(g)[language]} — ${label('report.title', language)}`, bold: true }],
    [{ v: `${rulesLine(c, language)}. ${label(g.known ? 'report.ranking' : 'report.not-ranked', language)}` }],
  ];
  const sheet = tableSheet({ name: groupShortName(g)[language], titles, columns, rows: g.offices, language, freezeColumns: 2 });
  const ranked = g.offices.filter((o) => o.rank !== null);
  if (!ranked.length) return sheet;

  // The chart's data: past the printed columns, one column per band, the percent in its band's.
  const first = titles.length + 1;
  const dataColumn = columns.length + 1;
  const headerRow = sheet.rows[titles.length];
  headerRow[columns.length] = { v: null };
  PERCENT_BANDS.forEach((band, b) => {
    headerRow[dataColumn + b] = tierHeader(band)(language);
    sheet.columnWidths[dataColumn + b] = 10;
  });
  sheet.columnWidths[columns.length] = 3;
  ranked.forEach((o, i) => {
    const row = sheet.rows[first + i];
    row[columns.length] = { v: null };
    const band = percentKey(o.percent, o.assessed);
    PERCENT_BANDS.forEach((k, b) => (row[dataColumn + b] = { v: k === band ? o.percent : null, format: SCORE_FORMAT }));
  });
  sheet.keys = [...sheet.keys!, '', ...PERCENT_BANDS.map((k) => `chart:${k}`)];
  // The chart on a page of its own, under a caption row (a page that holds only a drawing gets no
  // title rows in LibreOffice), as tall as a page holds at the scale that fits the table's width.
  const caption = sheet.rows.length + 1;
  sheet.rows[caption] = [{ v: `${label('chart.caption', language)}`, bold: true }];
  sheet.rows[caption - 1] = [];
  const top = caption + 1;
  const height = Math.max(14, Math.min(rowsPerPage(sheet, columns.length, titles.length + 1) - 3, Math.ceil(ranked.length * 1.4) + 6));
  sheet.chart = {
    title: `${groupTitle(g)[language]}: ${label('chart.title', language)}`,
    categories: { column: columns.findIndex((x) => x.key === 'office'), firstRow: first, lastRow: first + ranked.length - 1 },
    series: PERCENT_BANDS.map((k, b) => ({ name: PALETTE[k].label[language], column: dataColumn + b, fill: PALETTE[k].fill })),
    valueAxis: label('col.percent', language),
    anchor: { top, left: 0, bottom: top + height, right: Math.min(columns.length, 12) },
  };
  sheet.print!.rows = top + height + 1;
  sheet.print!.breaks = [caption];
  return sheet;
}

/** A4 landscape within the report's margins (0.4 in at the sides, 0.5 in top and bottom), points. */
const PAGE_POINTS = { width: 842 - 2 * 0.4 * 72, height: 595 - 2 * 0.5 * 72 - 24 };

/** How many default rows a printed page holds under the title rows, at the scale that fits the
 * printed columns on the page's width (a column of width w takes (7w + 5) px = 0.75 (7w + 5) pt). */
function rowsPerPage(sheet: SheetSpec, columns: number, titleRows: number): number {
  const width = sheet.columnWidths.slice(0, columns).reduce((sum, w) => sum + 0.75 * (7 * w + 5), 0);
  const scale = Math.min(1, PAGE_POINTS.width / Math.max(1, width));
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.height]));
  let titles = 0;
  for (let r = 0; r < titleRows; r++) titles += heights.get(r) ?? LINE_POINTS;
  return Math.max(16, Math.floor((PAGE_POINTS.height / scale - titles) / LINE_POINTS));
}

function indicatorSheet(c: Consolidation, language: Language): SheetSpec {
  const rows: IndicatorLineRow[] = c.groups.flatMap((g) => g.indicators.map((i) => ({ ...i, group: groupTitle(g) })));
  return tableSheet({ name: label('sheet.indicators', language), titles: [[{ v: label('report.indicators-title', language), bold: true }]], columns: INDICATOR_COLUMNS, rows, language, freezeColumns: 3 });
}

const problemLine = (p: OfficeProblem): ProblemLine => ({ office: p.office, file: p.file, sheet: p.sheet, cell: p.cell, severity: p.severity, code: p.code, message: p.message });

function problemSheet(c: Consolidation, language: Language): SheetSpec {
  const lines: ProblemLine[] = [
    ...c.warnings.map(problemLine),
    ...c.problems.map(problemLine),
    ...c.skipped.map((k): ProblemLine => ({ office: null, file: k.file, sheet: k.sheet ?? null, cell: '', severity: 'error', code: 'skipped', message: k.reason })),
  ];
  return tableSheet({ name: label('sheet.problems', language), titles: [[{ v: label('report.problems-title', language), bold: true }]], columns: PROBLEM_COLUMNS, rows: lines, language, freezeColumns: 1 });
}

/** A sheet (or sheets) of the consolidation report. A new report sheet is one entry here. */
export interface ReportSheet {
  key: string;
  build: (c: Consolidation, language: Language) => SheetSpec[];
}

export const REPORT_SHEETS: ReportSheet[] = [
  { key: 'summary', build: (c, language) => c.groups.map((g) => groupSummary(c, g, language)) },
  { key: 'indicators', build: (c, language) => [indicatorSheet(c, language)] },
  { key: 'problems', build: (c, language) => [problemSheet(c, language)] },
];

/** The consolidated workbook (§9): per group a ranked summary with its chart, the per-indicator
 * sheet and the problems sheet whose cells lead back to their sources. Nothing when there is no
 * office (nothing to consolidate: no report is written). */
export function consolidationWorkbook(c: Consolidation, language: Language = 'bn'): WorkbookSpec {
  if (c.groups.every((g) => g.offices.length === 0)) return { sheets: [] };
  return { sheets: REPORT_SHEETS.flatMap((s) => s.build(c, language)) };
}
