/**
 * The study record as a Word document (.docx) that opens cleanly in Word, WPS
 * and LibreOffice, in one of two layouts (settings choose; 公文版 is the default):
 *
 * - **公文版** (official): GB/T 9704-2012 as offices apply it to internal
 *   documents. A4, 版心 156 × 225 mm (margins 37/35/28/26 mm); a document grid
 *   of 22 lines × 28 characters (w:docGrid linesAndChars: 28 三号 characters do
 *   not fit 156 mm without the grid's character pitch); title 方正小标宋简体 二号,
 *   headings 黑体 / 楷体_GB2312 三号, body 仿宋_GB2312 三号; page numbers “— 1 —”
 *   in 四号 半角宋体 at the outer edge one character in (right on odd pages,
 *   left on even: odd/even footers switched on), 7 mm below the 版心.
 * - **简洁版** (simple): the same fonts on 28 pt lines without a grid, page
 *   numbers centred.
 *
 * WPS-safe in both: numbering (一、（一）1.) is plain text, never automatic
 * lists; no tables; the only field is the page number, and it carries a cached
 * value (WPS and viewers that do not update fields show that).
 *
 * Fonts a machine lacks fall back through the font table's altName (仿宋_GB2312
 * → 仿宋, which every Chinese Windows has); Latin letters and digits use Times
 * New Roman as official documents do.
 */
import {
  AlignmentType,
  BuilderElement,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  Paragraph,
  TextRun,
  XmlComponent,
  type IRunOptions,
} from 'docx';
import { layoutRecord, outlineLine, quoteLine, recordTitle, type Block } from './layout';
import { step, throwIfAborted, yieldToPage } from './task';
import type { DocxLayout, StudyRecord, TaskOptions } from './types';

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
export const MARGINS_TWIPS = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;

/** The 版心 (type area) in twips: 156 × 225 mm. */
export const TYPE_AREA_TWIPS = {
  width: A4_TWIPS.width - MARGINS_TWIPS.left - MARGINS_TWIPS.right,
  height: A4_TWIPS.height - MARGINS_TWIPS.top - MARGINS_TWIPS.bottom,
} as const;

/** Lines and characters of the official grid: 22 lines a page, 28 characters a line. */
export const GRID = { lines: 22, chars: 28 } as const;

/**
 * The official grid's line pitch in twips: the most that fits 22 lines in the
 * 版心 (579 twips = 28.95 pt, the value offices type in by hand). Body lines are
 * set to exactly this, so Word, WPS and LibreOffice all put 22 on a page.
 */
export const LINE_PITCH_TWIPS = Math.floor(TYPE_AREA_TWIPS.height / GRID.lines);

/**
 * The grid's character spacing (w:charSpace): 4096ths of a point added to the
 * Normal font's 16 pt, here negative, so that 28 characters fill the 版心's
 * width: the largest pitch with 28 × pitch ≤ 156 mm.
 */
export const CHAR_SPACE = Math.floor(((TYPE_AREA_TWIPS.width / 20 / GRID.chars) - 16) * 4096);

/** One character of the grid in twips (16 pt + CHAR_SPACE / 4096 pt). */
const GRID_CHAR_TWIPS = (16 + CHAR_SPACE / 4096) * 20;

/**
 * 三号 characters condensed by this many twentieths of a point (0.4 pt: 15.6 pt each), so that 28 fit the
 * 156 mm line off the grid too (see offCharGrid).
 */
export const CONDENSE_TWENTIETHS = -8;

/** The simple layout's line: exactly 28 pt. */
const SIMPLE_LINE_TWIPS = 560;

/** One 四号 character (14 pt) in twips: how far page numbers stand in from the edge. */
const SIHAO_CHAR_TWIPS = 280;
/** The page number's line (exactly 16 pt, in twips). */
const FOOTER_LINE_TWIPS = 320;
/** Page bottom to the foot of the page number's line: its top stands 7 mm below the 版心 (35 − 7 mm − one line). */
const FOOTER_TWIPS = MARGINS_TWIPS.bottom - 397 - FOOTER_LINE_TWIPS;

/** What differs between the two layouts. */
interface LayoutSpec {
  /** Line spacing of every body paragraph, in twips (exact). */
  line: number;
  /** Two characters, the first-line indent, in twips. */
  indent: number;
  /** Two characters as Word counts them with a grid (hundredths of a character); null without a grid. */
  indentChars: number | null;
  /** Page numbers at the outer edge (odd right, even left) rather than centred. */
  outerPageNumbers: boolean;
  /** The document grid, or null for none. */
  grid: { linePitch: number; charSpace: number } | null;
  /** Character spacing of 三号 runs in twentieths of a point (negative: condensed); 0 for none. */
  condense: number;
  /** Alignment of body paragraphs: justified (两端对齐) or, when undefined, left. */
  justify: (typeof AlignmentType)['JUSTIFIED'] | undefined;
}

const LAYOUTS: Record<DocxLayout, LayoutSpec> = {
  official: {
    line: LINE_PITCH_TWIPS,
    indent: Math.round(2 * GRID_CHAR_TWIPS),
    indentChars: 200,
    outerPageNumbers: true,
    grid: { linePitch: LINE_PITCH_TWIPS, charSpace: CHAR_SPACE },
    condense: CONDENSE_TWENTIETHS,
    justify: AlignmentType.JUSTIFIED,
  },
  simple: { line: SIMPLE_LINE_TWIPS, indent: 640, indentChars: null, outerPageNumbers: false, grid: null, condense: 0, justify: undefined },
};

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
function runs(text: string, font: FontKey, size: number, spec: LayoutSpec, extra: Partial<IRunOptions> = {}): TextRun[] {
  const characterSpacing = size === FONT_SIZE.sanhao && spec.condense !== 0 ? spec.condense : undefined;
  return text.split(/\r\n|\r|\n/).map(
    (line, i) =>
      new TextRun({ ...extra, text: line, font: runFont(font), size, characterSpacing, color: '000000', break: i > 0 ? 1 : undefined }),
  );
}

function lineSpacing(spec: LayoutSpec): { line: number; lineRule: typeof LineRuleType.EXACT } {
  return { line: spec.line, lineRule: LineRuleType.EXACT };
}

type Indent = { firstLine: number; firstLineChars?: number; left?: number; leftChars?: number };

/** The first-line indent of two characters, and `level` × two more characters on the left. */
function indent(spec: LayoutSpec, level = 0): Indent {
  const out: Indent = { firstLine: spec.indent };
  if (spec.indentChars !== null) out.firstLineChars = spec.indentChars;
  if (level > 0) {
    out.left = level * spec.indent;
    if (spec.indentChars !== null) out.leftChars = level * spec.indentChars;
  }
  return out;
}

/** Elements that follow w:snapToGrid in a paragraph's properties (CT_PPr's order, which Word insists on). */
const AFTER_SNAP_TO_GRID = new Set(['w:bidi', 'w:adjustRightInd', 'w:spacing', 'w:ind', 'w:contextualSpacing', 'w:mirrorIndents', 'w:suppressOverlap', 'w:jc']);

/**
 * Takes `paragraph` off the character grid (w:snapToGrid 0; docx has no option for it). Its lines keep the grid's
 * pitch through their exact spacing, and its characters, condensed, fit 28 a line by themselves: LibreOffice gives a
 * 16 pt character two 15.8 pt grid cells (15 a line), Word and WPS squeeze it into one; off the grid all three set
 * the same 28.
 */
function offCharGrid(paragraph: Paragraph): Paragraph {
  const properties = (paragraph as unknown as { properties: { root: { rootKey?: string }[] } }).properties;
  const at = properties.root.findIndex((item) => AFTER_SNAP_TO_GRID.has(item.rootKey ?? ''));
  const snap = new BuilderElement<{ val: string }>({ name: 'w:snapToGrid', attributes: { val: { key: 'w:val', value: '0' } } });
  properties.root.splice(at < 0 ? properties.root.length : at, 0, snap as unknown as { rootKey?: string });
  return paragraph;
}

type ParagraphOptions = ConstructorParameters<typeof Paragraph>[0] & object;

/** A paragraph in the layout: exact lines, off the character grid when there is one. */
function paragraph(spec: LayoutSpec, options: Omit<ParagraphOptions, 'spacing'> & { spacing?: { after?: number } }): Paragraph {
  // overflowPunct on (Word's own default, written out): with it LibreOffice moves the last character down when a
  // comma cannot start the next line; without it, it hangs the comma past the margin and does not draw it.
  const made = new Paragraph({ ...options, overflowPunctuation: spec.grid !== null, spacing: { ...lineSpacing(spec), ...options.spacing } });
  return spec.grid ? offCharGrid(made) : made;
}

function body(text: string, spec: LayoutSpec): Paragraph {
  return paragraph(spec, { alignment: spec.justify, indent: indent(spec), children: runs(text, 'body', FONT_SIZE.sanhao, spec) });
}

/** A right-aligned line in 四号: a quote's source, a note's reference. */
function smallRight(text: string, spec: LayoutSpec): Paragraph {
  return paragraph(spec, { alignment: AlignmentType.RIGHT, children: runs(text, 'body', FONT_SIZE.sihao, spec) });
}

function blockToParagraphs(block: Block, spec: LayoutSpec): Paragraph[] {
  switch (block.type) {
    case 'title':
      return [
        paragraph(spec, {
          heading: HeadingLevel.TITLE,
          alignment: AlignmentType.CENTER,
          spacing: { after: spec.line },
          children: runs(block.text, 'title', FONT_SIZE.erhao, spec),
        }),
      ];
    case 'heading':
      return [
        paragraph(spec, {
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          alignment: spec.justify,
          indent: indent(spec),
          children: runs(block.text, block.level === 1 ? 'heading' : 'subheading', FONT_SIZE.sanhao, spec),
        }),
      ];
    case 'paragraph':
      return [body(block.text, spec)];
    case 'outline':
      return [
        paragraph(spec, {
          alignment: spec.justify,
          indent: indent(spec, block.depth),
          children: runs(outlineLine(block), 'body', FONT_SIZE.sanhao, spec, { bold: block.kind === 'lead' }),
        }),
      ];
    case 'quote':
      return [
        paragraph(spec, {
          style: 'Quote',
          alignment: spec.justify,
          indent: indent(spec),
          children: runs(quoteLine(block), 'body', FONT_SIZE.sanhao, spec, {
            shading: { type: 'clear', color: 'auto', fill: QUOTE_FILL[block.color] ?? 'FFFFFF' },
          }),
        }),
      ];
    case 'source':
      return [smallRight(block.text, spec)];
    case 'note':
      return [body(block.text, spec), smallRight(block.about, spec)];
  }
}

/** w:fldChar, one of the three marks of a complex field. */
function fieldChar(type: 'begin' | 'separate' | 'end'): XmlComponent {
  return new BuilderElement<{ type: string }>({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });
}

/** w:instrText holding a field's instruction (no spaces around it, so none need preserving). */
class InstructionText extends XmlComponent {
  constructor(instruction: string) {
    super('w:instrText');
    this.root.push(instruction);
  }
}

/**
 * “— N —” in 四号 半角宋体 (digits half-width, the dashes 一字线). The PAGE field is
 * written as Word writes it (begin, instruction, separate, result, end, each in
 * its own run) with `cached` as its result, so a reader that does not compute
 * fields still shows a number rather than nothing or the field code.
 */
function pageNumberParagraph(alignment: 'center' | 'left' | 'right', cached: number): Paragraph {
  const font = { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体', hint: 'eastAsia' } as const;
  const run = (children: (string | XmlComponent)[]): TextRun => new TextRun({ children, font, size: FONT_SIZE.sihao, color: '000000' });
  return new Paragraph({
    alignment: alignment === 'center' ? AlignmentType.CENTER : alignment === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT,
    spacing: { line: FOOTER_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: alignment === 'right' ? { right: SIHAO_CHAR_TWIPS } : alignment === 'left' ? { left: SIHAO_CHAR_TWIPS } : undefined,
    children: [
      run(['— ']),
      run([fieldChar('begin')]),
      run([new InstructionText('PAGE')]),
      run([fieldChar('separate')]),
      run([String(cached)]),
      run([fieldChar('end')]),
      run([' —']),
    ],
  });
}

/** The footers: outer edge on odd and even pages (official), or one centred footer (simple). */
function pageNumberFooters(spec: LayoutSpec): { default: Footer; even?: Footer } {
  if (!spec.outerPageNumbers) return { default: new Footer({ children: [pageNumberParagraph('center', 1)] }) };
  return {
    default: new Footer({ children: [pageNumberParagraph('right', 1)] }),
    even: new Footer({ children: [pageNumberParagraph('left', 2)] }),
  };
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

/** Options of the Word export. */
export interface DocxOptions extends TaskOptions {
  /** 公文版 (official, the default) or 简洁版 (simple). */
  layout?: DocxLayout;
}

/** Builds the .docx of `record`. Rejects with an AbortError when `options.signal` is aborted. */
export async function renderDocx(record: StudyRecord, options?: DocxOptions): Promise<Uint8Array> {
  const spec = LAYOUTS[options?.layout ?? 'official'];
  const blocks = layoutRecord(record);
  const total = blocks.length + 1; // + 1: packing the file
  const children: Paragraph[] = [];
  for (let i = 0; i < blocks.length; i += CHUNK_BLOCKS) {
    step(options, i, total);
    for (const block of blocks.slice(i, i + CHUNK_BLOCKS)) children.push(...blockToParagraphs(block, spec));
    if (i + CHUNK_BLOCKS < blocks.length) await yieldToPage();
  }
  step(options, blocks.length, total);
  const doc = new Document({
    title: recordTitle(record),
    creator: '研读',
    evenAndOddHeaderAndFooters: spec.outerPageNumbers,
    styles: {
      default: {
        document: { run: { font: runFont('body'), size: FONT_SIZE.sanhao }, paragraph: { spacing: lineSpacing(spec) } },
        title: headingStyle('title', FONT_SIZE.erhao),
        heading1: headingStyle('heading', FONT_SIZE.sanhao),
        heading2: headingStyle('subheading', FONT_SIZE.sanhao),
      },
      paragraphStyles: [
        // Normal's own font size, not only the document default's: the grid's character pitch is counted from it
        // (Word), and LibreOffice reads it from this style alone (without it, 12 pt: two grid cells a character).
        { id: 'Normal', name: 'Normal', quickFormat: true, run: { font: runFont('body'), size: FONT_SIZE.sanhao }, paragraph: { spacing: lineSpacing(spec) } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { font: runFont('body'), size: FONT_SIZE.sanhao } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
            margin: { ...MARGINS_TWIPS, footer: FOOTER_TWIPS },
            pageNumbers: { start: 1 },
          },
          ...(spec.grid ? { grid: { type: DocumentGridType.LINES_AND_CHARS, ...spec.grid } } : {}),
        },
        footers: pageNumberFooters(spec),
        children,
      },
    ],
  });
  const data = await Packer.pack(doc, 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  throwIfAborted(options?.signal);
  options?.onProgress?.({ done: total, total });
  return data;
}
