/**
 * The study record as a printable HTML page (to paper or PDF through the
 * browser's print dialog). Built from escaped text only: page text never
 * becomes markup, and the page's own Content-Security-Policy forbids scripts
 * and every network request in case anything ever slipped through.
 */
import { layoutRecord, outlineLine, quoteLine, recordTitle, type Block } from './layout';
import type { StudyRecord } from './types';

/** No scripts, no remote anything: only the inline style below. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** Official-document fonts with the fallbacks a Windows, macOS or Linux machine has. */
const FONTS = {
  title: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "宋体", "SimSun", serif',
  heading: '"黑体", "SimHei", "Heiti SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif',
  subheading: '"楷体_GB2312", "楷体", "KaiTi", "STKaiti", serif',
  body: '"仿宋_GB2312", "仿宋", "FangSong", "STFangsong", serif',
};

const STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: ${FONTS.body}; font-size: 16pt; line-height: 28pt; color: #000; max-width: 156mm; margin: 0 auto; }
h1 { font-family: ${FONTS.title}; font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 28pt; }
h2 { font-family: ${FONTS.heading}; font-size: 16pt; font-weight: normal; margin: 14pt 0 0; }
h3 { font-family: ${FONTS.subheading}; font-size: 16pt; font-weight: normal; margin: 0; }
p { margin: 0; text-indent: 2em; }
.lead { font-weight: bold; }
blockquote { margin: 0; text-indent: 2em; }
.source { text-align: right; font-size: 14pt; }
.about { font-size: 14pt; }
`;

/** Escapes the five characters that could start or close markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function blockToHtml(block: Block): string {
  switch (block.type) {
    case 'title':
      return `<h1>${escapeHtml(block.text)}</h1>`;
    case 'heading':
      return block.level === 1 ? `<h2>${escapeHtml(block.text)}</h2>` : `<h3>${escapeHtml(block.text)}</h3>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'outline':
      return `<p class="${escapeHtml(block.kind)}" style="padding-left:${block.depth * 2}em">${escapeHtml(outlineLine(block))}</p>`;
    case 'quote':
      return `<blockquote class="quote" data-color="${escapeHtml(block.color)}">${escapeHtml(quoteLine(block))}</blockquote>`;
    case 'source':
      return `<p class="source">${escapeHtml(block.text)}</p>`;
    case 'note':
      return `<p class="note">${escapeHtml(block.text)}</p><p class="about">${escapeHtml(block.about)}</p>`;
  }
}

/**
 * A complete, self-contained HTML document: `style` inline, `body` as given (already escaped), and a
 * Content-Security-Policy that allows nothing else (no scripts, no requests).
 */
export function htmlDocument(title: string, style: string, body: readonly string[]): string {
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Renders `record` as a complete HTML document. */
export function renderPrintPage(record: StudyRecord): string {
  return htmlDocument(recordTitle(record), STYLE, [layoutRecord(record).map(blockToHtml).join('\n')]);
}
