import JSZip from 'jszip';

/** One line of a chart: its name cell and its values, on a sheet of the workbook. */
export interface ChartSeriesRef {
  /** Absolute reference of the header cell, e.g. 'Daily'!$B$1. */
  name: string;
  /** Absolute reference of the values, e.g. 'Daily'!$B$2:$B$8000. */
  values: string;
  colour: string;
}

export interface LineChartSpec {
  title: string;
  /** Absolute reference of the dates (category axis). */
  categories: string;
  series: ChartSeriesRef[];
  /** Number format of the value axis. */
  valueFormat: string;
  /** Distance between two labels of the date axis. */
  dateLabels: { every: number; unit: 'months' | 'years' };
  /**
   * `date` (default): the categories are Excel dates. `category`: plain numbers (e.g. months ahead), shown as
   * they are, one label every `dateLabels.every` categories.
   */
  axis?: 'date' | 'category';
  /** Position on the sheet, in cells: from (col,row) to (col,row), zero-based. */
  from: { col: number; row: number };
  to: { col: number; row: number };
}

const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function chartXml(spec: LineChartSpec): string {
  const series = spec.series
    .map(
      (one, index) =>
        `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(one.name)}</c:f></c:strRef></c:tx>` +
        `<c:spPr><a:ln w="15875"><a:solidFill><a:srgbClr val="${one.colour}"/></a:solidFill></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="none"/></c:marker>` +
        `<c:cat><c:numRef><c:f>${escapeXml(spec.categories)}</c:f></c:numRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(one.values)}</c:f></c:numRef></c:val>` +
        `<c:smooth val="0"/></c:ser>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}` +
    '<c:marker val="1"/><c:axId val="500001"/><c:axId val="500002"/></c:lineChart>' +
    categoryAxisXml(spec) +
    '<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>' +
    `<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${escapeXml(spec.valueFormat)}" sourceLinked="0"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="500001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

/** The horizontal axis: a date axis over Excel dates, or a category axis over plain numbers. */
function categoryAxisXml(spec: LineChartSpec): string {
  const common =
    '<c:axId val="500001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>';
  if (spec.axis === 'category') {
    return (
      `<c:catAx>${common}<c:numFmt formatCode="General" sourceLinked="1"/>` +
      '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500002"/>' +
      '<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>' +
      `<c:tickLblSkip val="${spec.dateLabels.every}"/><c:tickMarkSkip val="${spec.dateLabels.every}"/>` +
      '<c:noMultiLvlLbl val="0"/></c:catAx>'
    );
  }
  return (
    `<c:dateAx>${common}<c:numFmt formatCode="${spec.dateLabels.unit === 'months' ? 'mmm yyyy' : 'yyyy'}" sourceLinked="0"/>` +
    '<c:majorTickMark val="out"/>' +
    '<c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500002"/><c:crosses val="autoZero"/>' +
    '<c:auto val="1"/><c:lblOffset val="100"/><c:baseTimeUnit val="days"/>' +
    `<c:majorUnit val="${spec.dateLabels.every}"/><c:majorTimeUnit val="${spec.dateLabels.unit}"/></c:dateAx>`
  );
}

function anchorXml(spec: LineChartSpec, index: number): string {
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    `<xdr:from><xdr:col>${spec.from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${spec.from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${spec.to.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${spec.to.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="Chart ${index + 1}"/>` +
    '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId${index + 1}"/>` +
    '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

/** The worksheet part (xl/worksheets/sheetN.xml) of the sheet called `sheetName`. */
async function worksheetPath(zip: JSZip, sheetName: string): Promise<string> {
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbook || !rels) throw new Error('not an xlsx package: xl/workbook.xml is missing');
  const sheet = new RegExp(`<sheet [^>]*name="${escapeXml(sheetName)}"[^>]*r:id="([^"]+)"`).exec(workbook);
  if (!sheet) throw new Error(`the workbook has no sheet named ${sheetName}`);
  const target = new RegExp(`<Relationship [^>]*Id="${sheet[1]}"[^>]*Target="([^"]+)"`).exec(rels);
  if (!target) throw new Error(`no relationship ${sheet[1]} in the workbook`);
  return target[1].startsWith('/') ? target[1].slice(1) : `xl/${target[1]}`;
}

/**
 * Adds native Excel line charts (DrawingML chart parts) to a sheet of an .xlsx package written by exceljs,
 * which cannot write charts itself: chart parts, a drawing that places them, the sheet's reference to the
 * drawing, the relationships and the content types. The charts read their data from the workbook's cells,
 * so Excel and LibreOffice draw them from the same numbers as the sheets. Unchanged parts keep their
 * compressed bytes (JSZip reuses them), so this costs little even for a large workbook.
 */
export async function addLineCharts(xlsx: Buffer, sheetName: string, charts: LineChartSpec[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  // No folder entries: an OPC package lists parts only.
  const put = (name: string, content: string) => zip.file(name, content, { createFolders: false });
  const sheetPath = await worksheetPath(zip, sheetName);
  const sheetFile = sheetPath.slice(sheetPath.lastIndexOf('/') + 1);
  const sheetRelsPath = `xl/worksheets/_rels/${sheetFile}.rels`;
  const drawingName = `drawing-${sheetFile.replace('.xml', '')}`;

  charts.forEach((spec, index) => put(`xl/charts/${drawingName}-chart${index + 1}.xml`, chartXml(spec)));
  put(
    `xl/drawings/${drawingName}.xml`,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
      `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${charts.map(anchorXml).join('')}</xdr:wsDr>`,
  );
  put(
    `xl/drawings/_rels/${drawingName}.xml.rels`,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      charts
        .map(
          (_, index) =>
            `<Relationship Id="rId${index + 1}" Type="${REL_CHART}" Target="../charts/${drawingName}-chart${index + 1}.xml"/>`,
        )
        .join('') +
      '</Relationships>',
  );

  const drawingRelId = 'rIdPortofinoDrawing1';
  const drawingRel = `<Relationship Id="${drawingRelId}" Type="${REL_DRAWING}" Target="../drawings/${drawingName}.xml"/>`;
  const existingRels = await zip.file(sheetRelsPath)?.async('string');
  put(
    sheetRelsPath,
    existingRels
      ? existingRels.replace('</Relationships>', `${drawingRel}</Relationships>`)
      : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${drawingRel}</Relationships>`,
  );

  let sheetXml = (await zip.file(sheetPath)?.async('string')) as string;
  if (!sheetXml.includes('xmlns:r=')) {
    sheetXml = sheetXml.replace(
      '<worksheet ',
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
    );
  }
  // CT_Worksheet order: <drawing> comes before legacyDrawing, picture, oleObjects, tableParts and extLst.
  const after =
    /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[ >/]/.exec(
      sheetXml,
    );
  const at = after ? after.index : sheetXml.lastIndexOf('</worksheet>');
  put(sheetPath, `${sheetXml.slice(0, at)}<drawing r:id="${drawingRelId}"/>${sheetXml.slice(at)}`);

  let types = (await zip.file('[Content_Types].xml')?.async('string')) as string;
  const overrides =
    charts
      .map(
        (_, index) =>
          `<Override PartName="/xl/charts/${drawingName}-chart${index + 1}.xml" ContentType="${CHART_CONTENT_TYPE}"/>`,
      )
      .join('') + `<Override PartName="/xl/drawings/${drawingName}.xml" ContentType="${DRAWING_CONTENT_TYPE}"/>`;
  types = types.replace('</Types>', `${overrides}</Types>`);
  put('[Content_Types].xml', types);

  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
