import { columnLetters } from '../core/grid';
import type { ChartSpec, SheetSpec } from '../core/report';
import { escAttr, escContent } from './xml-text';

/**
 * A report sheet's chart as the parts of an .xlsx (ECMA-376 DrawingML), which ExcelJS cannot
 * write: the chart (`xl/charts/chartN.xml`, a bar chart with one series per tier band, each its
 * colour, a legend, and the values cached so that a reader shows it without recalculating), the
 * drawing that anchors it to the sheet's cells (`xl/drawings/drawingN.xml` and its rels), and the
 * content types they need.
 */

export const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const CHART_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/** `'Sheet'!$B$4:$B$9` */
function ref(sheet: string, column: number, first: number, last: number): string {
  const c = columnLetters(column);
  return `'${sheet.replace(/'/g, "''")}'!$${c}$${first + 1}${last > first ? `:$${c}$${last + 1}` : ''}`;
}

const rich = (s: string, size: number, bold: boolean) =>
  `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="bn-BD" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escContent(s)}</a:t></a:r></a:p></c:rich></c:tx>`;

/** The chart part of `chart` on `sheet`, with the values the sheet holds cached. */
export function chartXml(sheet: SheetSpec, chart: ChartSpec): string {
  const { categories } = chart;
  const n = categories.lastRow - categories.firstRow + 1;
  const labels: string[] = [];
  for (let r = categories.firstRow; r <= categories.lastRow; r++) labels.push(String(sheet.rows[r]?.[categories.column]?.v ?? ''));
  const strCache = labels.map((l, i) => `<c:pt idx="${i}"><c:v>${escContent(l)}</c:v></c:pt>`).join('');
  const series = chart.series
    .map((s, i) => {
      const points: string[] = [];
      for (let r = categories.firstRow; r <= categories.lastRow; r++) {
        const v = sheet.rows[r]?.[s.column]?.v;
        if (typeof v === 'number' && Number.isFinite(v)) points.push(`<c:pt idx="${r - categories.firstRow}"><c:v>${v}</c:v></c:pt>`);
      }
      const colour = s.fill.replace('#', '').toUpperCase();
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escContent(ref(sheet.name, s.column, categories.firstRow - 1, categories.firstRow - 1))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escContent(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${escContent(ref(sheet.name, categories.column, categories.firstRow, categories.lastRow))}</c:f><c:strCache><c:ptCount val="${n}"/>${strCache}</c:strCache></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escContent(ref(sheet.name, s.column, categories.firstRow, categories.lastRow))}</c:f><c:numCache><c:formatCode>0.00</c:formatCode><c:ptCount val="${n}"/>${points.join('')}</c:numCache></c:numRef></c:val>` +
        `</c:ser>`
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title>${rich(chart.title, 1200, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    '<c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series}<c:gapWidth val="40"/><c:overlap val="100"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    // Categories top to bottom in the table's order (rank 1 first).
    '<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/><c:max val="100"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:title>${rich(chart.valueAxis, 1000, false)}<c:overlay val="0"/></c:title><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="max"/><c:crossBetween val="between"/><c:majorUnit val="10"/></c:valAx>` +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '</c:chartSpace>'
  );
}

/** The drawing that anchors chart `n` (its rels' `rId1`) over its cells. */
export function drawingXml(chart: ChartSpec): string {
  const a = chart.anchor;
  const at = (tag: string, row: number, col: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    `<xdr:twoCellAnchor editAs="oneCell">${at('from', a.top, a.left)}${at('to', a.bottom, a.right)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escAttr(chart.title.slice(0, 200))}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic>' +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>'
  );
}

export function drawingRelsXml(n: number): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${CHART_REL}" Target="../charts/chart${n}.xml"/></Relationships>`;
}

/** The `[Content_Types].xml` overrides of charts and drawings 1…count. */
export function chartContentTypes(count: number): string {
  let s = '';
  for (let n = 1; n <= count; n++) s += `<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CHART_TYPE}"/><Override PartName="/xl/drawings/drawing${n}.xml" ContentType="${DRAWING_TYPE}"/>`;
  return s;
}
