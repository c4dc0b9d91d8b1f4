/**
 * The study record as a Word document (.docx) that opens cleanly in Word and
 * WPS, laid out the way official documents are (GB/T 9704-2012): A4 with the
 * standard margins, the title in 方正小标宋简体 二号, first-level headings in
 * 黑体 三号, second-level in 楷体_GB2312 三号, body in 仿宋_GB2312 三号, sources
 * and notes' references in 四号, page numbers “— 1 —” in the footer.
 *
 * Fonts a machine lacks fall back through the font table's altName (仿宋_GB2312
 * → 仿宋, which every Chinese Windows has); Latin letters and digits use Times
 * New Roman as official documents do.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';
import { layoutRecord, outlineLine, quoteLine, recordTitle, type Block } from './layout';
import { step, throwIfAborted, yieldToPage } from './task';
import type { StudyRecord, TaskOptions } from './types';

/** Chinese font sizes in half-points (docx's unit): 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const FONT_SIZE = { erhao: 44, sanhao: 32, sihao: 28 } as const;

/** The East Asian fonts of official documents, each with the fallback Word and WPS use when it is missing. */
export const FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体' },
  heading: { name: '黑体', fallback: 'SimHei' },
  subheading: { name: '楷体_GB2312', fallback: '楷体' },
  body: { name: '仿宋_GB2312', fallback: '仿宋' },
} as const;

/** Latin letters and digits in official documents. */
const LATIN_FONT = 'Times New Roman';

/** A4 in twips (1/20 pt): 210 × 297 mm. */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;

/** GB/T 9704 margins in twips: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (1 mm = 56.7 twips). */
const MARGINS_TWIPS = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;

/** Exactly 28 pt between lines (in twips): 22 lines on a page, as GB/T 9704 sets. */
const LINE_TWIPS = 560;
/** Two characters of 三号 (16 pt each) in twips: the first-line indent of body text. */
const INDENT_TWIPS = 640;

/** Blocks converted between two progress reports and pauses for the page. */
const CHUNK_BLOCKS = 500;

/** Shading behind quotes, like the reader's highlight colours but lighter, so print stays legible. */
const QUOTE_FILL: Record<string, string> = {
  yellow: 'FFF3B0',
  green: 'D4EDDA',
  blue: 'D6E9F8',
  pink: 'F9D6E3',
  purple: 'E6DAF2',
};

/** The MIME type of .docx files. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type FontKey = keyof typeof FONTS;

function runFont(key: FontKey): IRunOptions['font'] {
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia: FONTS[key].name, hint: 'eastAsia' };
}

/** Runs for `text`, a line break wherever the text has one (a note of several paragraphs). */
function runs(text: string, font: FontKey, size: number, extra: Partial<IRunOptions> = {}): TextRun[] {
  return text.split(/\r\n|\r|\n/).map(
    (line, i) => new TextRun({ ...extra, text: line, font: runFont(font), size, color: '000000', break: i > 0 ? 1 : undefined }),
  );
}

const LINE_SPACING = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT } as const;

function blockToParagraphs(block: Block): Paragraph[] {
  switch (block.type) {
    case 'title':
      return [
        new Paragraph({
          heading: HeadingLevel.TITLE,
          alignment: AlignmentType.CENTER,
          spacing: { after: LINE_TWIPS },
          children: runs(block.text, 'title', FONT_SIZE.erhao),
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          spacing: LINE_SPACING,
          indent: { firstLine: INDENT_TWIPS },
          children: runs(block.text, block.level === 1 ? 'heading' : 'subheading', FONT_SIZE.sanhao),
        }),
      ];
    case 'paragraph':
      return [body(block.text)];
    case 'outline':
      return [
        new Paragraph({
          spacing: LINE_SPACING,
          indent: { firstLine: INDENT_TWIPS, left: block.depth * INDENT_TWIPS },
          children: runs(outlineLine(block), 'body', FONT_SIZE.sanhao, { bold: block.kind === 'lead' }),
        }),
      ];
    case 'quote':
      return [
        new Paragraph({
          style: 'Quote',
          spacing: LINE_SPACING,
          indent: { firstLine: INDENT_TWIPS },
          children: runs(quoteLine(block), 'body', FONT_SIZE.sanhao, {
            shading: { type: 'clear', color: 'auto', fill: QUOTE_FILL[block.color] ?? 'FFFFFF' },
          }),
        }),
      ];
    case 'source':
      return [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: LINE_SPACING,
          children: runs(block.text, 'body', FONT_SIZE.sihao),
        }),
      ];
    case 'note':
      return [
        body(block.text),
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: LINE_SPACING,
          children: runs(block.about, 'body', FONT_SIZE.sihao),
        }),
      ];
  }
}

function body(text: string): Paragraph {
  return new Paragraph({ spacing: LINE_SPACING, indent: { firstLine: INDENT_TWIPS }, children: runs(text, 'body', FONT_SIZE.sanhao) });
}

/** “— 1 —”, centred, 四号 宋体 as GB/T 9704 puts page numbers. */
function pageNumberFooter(): Footer {
  const font = { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体' };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font, size: FONT_SIZE.sihao })],
      }),
    ],
  });
}

/** word/fontTable.xml naming each font with its fallback (w:altName) and the GB2312 charset (86). */
export function fontTableXml(): string {
  const fonts = Object.values(FONTS)
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.fallback}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${fonts}<w:font w:name="${LATIN_FONT}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
    '</w:fonts>'
  );
}

/** Black, not the blue of Word's default headings; fonts as official documents set them. */
function headingStyle(font: FontKey, size: number): { run: IRunOptions; paragraph: object } {
  return { run: { font: runFont(font), size, color: '000000', bold: false, italics: false }, paragraph: { spacing: { before: 0, after: 0 } } };
}

/** Builds the .docx of `record`. Rejects with an AbortError when `options.signal` is aborted. */
export async function renderDocx(record: StudyRecord, options?: TaskOptions): Promise<Uint8Array> {
  const blocks = layoutRecord(record);
  const total = blocks.length + 1; // + 1: packing the file
  const children: Paragraph[] = [];
  for (let i = 0; i < blocks.length; i += CHUNK_BLOCKS) {
    step(options, i, total);
    for (const block of blocks.slice(i, i + CHUNK_BLOCKS)) children.push(...blockToParagraphs(block));
    if (i + CHUNK_BLOCKS < blocks.length) await yieldToPage();
  }
  step(options, blocks.length, total);
  const doc = new Document({
    title: recordTitle(record),
    creator: '研读',
    styles: {
      default: {
        document: { run: { font: runFont('body'), size: FONT_SIZE.sanhao }, paragraph: { spacing: LINE_SPACING } },
        title: headingStyle('title', FONT_SIZE.erhao),
        heading1: headingStyle('heading', FONT_SIZE.sanhao),
        heading2: headingStyle('subheading', FONT_SIZE.sanhao),
      },
      paragraphStyles: [{ id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { font: runFont('body'), size: FONT_SIZE.sanhao } }],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
            margin: MARGINS_TWIPS,
            pageNumbers: { start: 1 },
          },
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  const data = await Packer.pack(doc, 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  throwIfAborted(options?.signal);
  options?.onProgress?.({ done: total, total });
  return data;
}
