import type { TextCell, TextTable } from './text-table';
import { Attributes, scanXml } from './xml-scan';

/**
 * The tables of a Word document (`word/document.xml` of a .docx, as text), in document order:
 * `w:tbl` / `w:tr` / `w:tc`. A paragraph's text is its `w:t` runs joined (Word splits runs
 * inside words wherever the formatting, the spell checker or an edit changed), `w:tab` a tab,
 * `w:br`/`w:cr` a line break; a cell's paragraphs are joined with line breaks. A cell spanning
 * columns (`w:gridSpan`) is followed by covered cells, so that every row has its grid columns;
 * a cell continuing a vertical merge (`w:vMerge` without `restart`) is a covered cell. Columns a
 * row skips (`w:gridBefore`, `w:gridAfter`) are empty cells. Deleted text of tracked changes
 * (`w:delText`), field codes and text boxes are not the cell's text. A table inside a cell is a
 * table of its own. Throws the scanner's XmlError on XML that is not well-formed.
 */
export function docxTables(documentXml: string): TextTable[] {
  const done: { index: number; table: TextTable }[] = [];
  const open: TableState[] = [];
  let tables = 0;
  let inText = false;
  let inRun = 0;
  let textBox = 0;
  const top = () => open[open.length - 1];
  const val = (a: Attributes) => a.getPrefixed('val') ?? a.get('val');

  scanXml(documentXml, {
    wantsText: false,
    open(name, attrs) {
      if (name === 'txbxContent') textBox++;
      if (textBox > 0) return;
      const t = top();
      switch (name) {
        case 'tbl':
          open.push({ index: ++tables, rows: [], row: null, cell: null });
          break;
        case 'tr':
          if (t) t.row = [];
          break;
        case 'gridBefore':
        case 'gridAfter': {
          const n = Number(val(attrs));
          if (t?.row && !t.cell && Number.isInteger(n) && n > 0) {
            if (name === 'gridBefore') t.row.push(...Array.from({ length: n }, () => ({ text: '' })));
            else t.after = n;
          }
          break;
        }
        case 'tc':
          if (t?.row) t.cell = { paragraphs: [], paragraph: null, span: 1, vMerge: null };
          break;
        case 'gridSpan': {
          const n = Number(val(attrs));
          if (t?.cell && Number.isInteger(n) && n > 1) t.cell.span = n;
          break;
        }
        case 'vMerge':
          if (t?.cell) t.cell.vMerge = val(attrs) === 'restart' ? 'restart' : 'continue';
          break;
        case 'p':
          if (t?.cell) t.cell.paragraph = '';
          break;
        case 'r':
          inRun++;
          break;
        case 't':
          if (t?.cell?.paragraph !== null && t?.cell) {
            inText = true;
            this.wantsText = true;
          }
          break;
        case 'tab':
          if (inRun && t?.cell && t.cell.paragraph !== null) t.cell.paragraph += '\t';
          break;
        case 'br':
        case 'cr':
          if (inRun && t?.cell && t.cell.paragraph !== null) t.cell.paragraph += '\n';
          break;
        case 'noBreakHyphen':
          if (inRun && t?.cell && t.cell.paragraph !== null) t.cell.paragraph += '-';
          break;
      }
    },
    close(name) {
      if (name === 'txbxContent') {
        textBox--;
        return;
      }
      if (textBox > 0) return;
      const t = top();
      switch (name) {
        case 't':
          inText = false;
          this.wantsText = false;
          break;
        case 'r':
          inRun = Math.max(0, inRun - 1);
          break;
        case 'p':
          if (t?.cell && t.cell.paragraph !== null) {
            t.cell.paragraphs.push(t.cell.paragraph);
            t.cell.paragraph = null;
          }
          break;
        case 'tc':
          if (t?.row && t.cell) {
            const c = t.cell;
            const first: TextCell = c.vMerge === 'continue' ? { text: '', merged: 'up' } : { text: trimParagraphs(c.paragraphs) };
            t.row.push(first);
            for (let i = 1; i < c.span; i++) t.row.push({ text: '', merged: c.vMerge === 'continue' ? 'up' : 'left' });
            t.cell = null;
          }
          break;
        case 'tr':
          if (t?.row) {
            for (let i = 0; i < (t.after ?? 0); i++) t.row.push({ text: '' });
            t.rows.push(t.row);
            t.row = null;
            t.after = undefined;
          }
          break;
        case 'tbl': {
          const finished = open.pop();
          if (finished) done.push({ index: finished.index, table: { place: { kind: 'document', table: finished.index }, rows: finished.rows } });
          break;
        }
      }
    },
    text(s) {
      const c = top()?.cell;
      if (inText && c && c.paragraph !== null) c.paragraph += s;
    },
  });
  return done.sort((a, b) => a.index - b.index).map((d) => d.table);
}

interface TableState {
  index: number;
  rows: TextCell[][];
  row: TextCell[] | null;
  cell: { paragraphs: string[]; paragraph: string | null; span: number; vMerge: 'restart' | 'continue' | null } | null;
  /** Grid columns the row leaves empty at its end. */
  after?: number;
}

/** A cell's paragraphs as one text, without the empty paragraphs Word leaves around it. */
function trimParagraphs(paragraphs: string[]): string {
  let start = 0;
  let end = paragraphs.length;
  while (start < end && paragraphs[start].trim() === '') start++;
  while (end > start && paragraphs[end - 1].trim() === '') end--;
  return paragraphs.slice(start, end).join('\n');
}
