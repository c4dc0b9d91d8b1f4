/**
 * One article's full text with the reader's marks (全文网页 and its Markdown):
 * the text as the reader script extracted it, the reader's highlights in their
 * colours with each note beside (HTML) or under (Markdown) its paragraph, and,
 * optionally, the automatic structure (directives, leads, slogans, parallels).
 *
 * The HTML is one self-contained file: inline style only, no scripts, no remote
 * resources (its Content-Security-Policy forbids both), and printable. Page text
 * and notes are escaped, never markup.
 */
import { COLOR_INFO, HIGHLIGHT_COLORS } from '../model/colors';
import { DEFAULT_KIND_COLORS, KINDS, type ItemKind } from '../model/kinds';
import { chineseDate, inTextOrder } from './layout';
import { escapeMarkdown } from './markdown';
import { escapeHtml, htmlDocument } from './print';
import type { StudyArticle, StudyHighlight } from './types';

/** A kind of automatic mark (lib/analysis ItemKind). */
export type StructureKind = ItemKind;

/** One automatic item of the article, by its offsets in the text. */
export interface StructureSpan {
  kind: StructureKind;
  start: number;
  end: number;
}

/** What a full-text export needs. */
export interface FullTextInput {
  /** The article's title, address, source and date. */
  article: Pick<StudyArticle, 'title' | 'url' | 'site' | 'source' | 'published'>;
  /** The article text; paragraphs separated by line breaks. */
  text: string;
  /** The reader's highlights (any order). */
  highlights: readonly StudyHighlight[];
  /** The automatic structure, when the reader wants it shown; omitted or empty for none. */
  structure?: readonly StructureSpan[];
}

/** A highlight placed in the text. */
interface Placed {
  highlight: StudyHighlight;
  start: number;
  end: number;
  /** Its number among the noted highlights (1, 2, …), or 0 without a note. */
  noteNumber: number;
}

/** Places each highlight: at its saved position when the text there is its quote, else at its quote's nearest occurrence. */
export function placeHighlights(text: string, highlights: readonly StudyHighlight[]): { placed: Placed[]; unplaced: StudyHighlight[] } {
  const placed: Placed[] = [];
  const unplaced: StudyHighlight[] = [];
  for (const highlight of inTextOrder(highlights)) {
    const { quote, position } = highlight;
    let start = quote !== '' && text.startsWith(quote, position) ? position : -1;
    if (start < 0 && quote !== '') {
      let best = -1;
      for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
        if (best < 0 || Math.abs(at - position) < Math.abs(best - position)) best = at;
      }
      start = best;
    }
    if (start < 0) unplaced.push(highlight);
    else placed.push({ highlight, start, end: start + quote.length, noteNumber: 0 });
  }
  placed.sort((a, b) => a.start - b.start || a.highlight.createdAt - b.highlight.createdAt);
  let n = 0;
  for (const p of placed) if (p.highlight.note.trim() !== '') p.noteNumber = ++n;
  return { placed, unplaced };
}

/** A run of text with what covers it: the innermost (last placed) highlight and the structure kind. */
interface Piece {
  text: string;
  mark: Placed | null;
  kind: StructureKind | null;
}

/** One paragraph: its pieces and the highlights that start in it. */
interface Paragraph {
  pieces: Piece[];
  starting: Placed[];
}

/** Splits the text into paragraphs of pieces at every highlight and structure boundary. */
function paragraphs(text: string, placed: readonly Placed[], structure: readonly StructureSpan[]): Paragraph[] {
  const cuts = new Set<number>([0, text.length]);
  for (const r of [...placed, ...structure]) (cuts.add(Math.max(0, r.start)), cuts.add(Math.min(text.length, r.end)));
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) (cuts.add(i), cuts.add(i + 1));
  const points = [...cuts].sort((a, b) => a - b);
  const out: Paragraph[] = [{ pieces: [], starting: [] }];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const piece = text.slice(from, to);
    if (piece === '\n') {
      out.push({ pieces: [], starting: [] });
      continue;
    }
    const covering = placed.filter((p) => p.start <= from && p.end >= to);
    const kind = structure.find((s) => s.start <= from && s.end >= to)?.kind ?? null;
    // Not `.at(-1)`: Chromium 88–91 lack it (scripts/compat-check.ts holds the builds to Chromium 88).
    const paragraph = out[out.length - 1]!;
    paragraph.pieces.push({ text: piece, mark: covering[covering.length - 1] ?? null, kind });
    paragraph.starting.push(...placed.filter((p) => p.start === from));
  }
  return out.filter((p) => p.pieces.some((piece) => piece.text.trim() !== ''));
}

function metaLine(article: FullTextInput['article']): string {
  return [article.source || article.site, article.published ? chineseDate(article.published) : ''].filter(Boolean).join(' · ');
}

// ---------------------------------------------------------------- HTML

const STYLE = `
@page { size: A4; margin: 20mm 16mm; }
body { font: 16px/1.9 "仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "WenQuanYi Micro Hei", serif; color: #111; max-width: 60em; margin: 2em auto; padding: 0 1em; }
header h1 { font: 24px/1.4 "方正小标宋简体", "华文中宋", "STZhongsong", "宋体", "SimSun", serif; text-align: center; margin: 0 0 .3em; }
header p { text-align: center; color: #555; margin: 0; font-size: 14px; }
header .url { word-break: break-all; }
.row { display: grid; grid-template-columns: minmax(0, 1fr) 15em; gap: 1.5em; break-inside: avoid-page; }
.row > p { margin: .4em 0; text-indent: 2em; }
.row > aside { font-size: 13px; line-height: 1.6; color: #333; }
.note { border-left: 4px solid; padding: 2px 0 2px 8px; margin: .5em 0; break-inside: avoid; white-space: pre-wrap; }
mark { color: inherit; padding: 0 1px; }
sup.ref { font-size: 11px; color: #555; }
.unplaced { margin-top: 2em; border-top: 1px solid #ccc; }
.legend { font-size: 13px; color: #555; text-align: center; }
${HIGHLIGHT_COLORS.map((c) => `mark[data-color="${c}"] { background: ${COLOR_INFO[c].paper}; } .note[data-color="${c}"] { border-color: ${COLOR_INFO[c].paper}; }`).join('\n')}
${KINDS.map(({ kind }) => `[data-kind="${kind}"] { text-decoration: underline 2px ${DEFAULT_KIND_COLORS[kind]}; text-underline-offset: 4px; }`).join('\n')}
@media print { body { margin: 0; max-width: none; } .row { grid-template-columns: minmax(0, 1fr) 13em; } mark, .note { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

function pieceHtml(piece: Piece): string {
  let html = escapeHtml(piece.text);
  if (piece.kind) html = `<span data-kind="${piece.kind}">${html}</span>`;
  if (piece.mark) html = `<mark data-color="${piece.mark.highlight.color}" data-annotation="${escapeHtml(piece.mark.highlight.id)}">${html}</mark>`;
  return html;
}

function noteHtml(p: Placed): string {
  const h = p.highlight;
  const tags = h.tags.length > 0 ? `\n${h.tags.map((t) => `#${t}`).join(' ')}` : '';
  return `<div class="note" data-color="${h.color}" data-note="${escapeHtml(h.id)}"><b>${p.noteNumber}</b> ${escapeHtml(h.note.trim() + tags)}</div>`;
}

/** The article's full text with the reader's marks, as one offline HTML page. */
export function renderFullTextHtml(input: FullTextInput): string {
  const { placed, unplaced } = placeHighlights(input.text, input.highlights);
  const rows = paragraphs(input.text, placed, input.structure ?? []).map((paragraph) => {
    const parts: string[] = [];
    paragraph.pieces.forEach((piece, i) => {
      parts.push(pieceHtml(piece));
      // The note's number after the highlight's last piece.
      const next = paragraph.pieces[i + 1];
      if (piece.mark && piece.mark.noteNumber > 0 && next?.mark !== piece.mark) parts.push(`<sup class="ref">${piece.mark.noteNumber}</sup>`);
    });
    const notes = paragraph.starting.filter((p) => p.noteNumber > 0).map(noteHtml).join('');
    return `<div class="row"><p>${parts.join('')}</p><aside>${notes}</aside></div>`;
  });
  const unplacedHtml =
    unplaced.length === 0
      ? ''
      : `<section class="unplaced"><h2>未定位的划线</h2>${unplaced
          .map((h) => `<div class="note" data-color="${h.color}">“${escapeHtml(h.quote)}”${h.note.trim() ? `\n${escapeHtml(h.note.trim())}` : ''}</div>`)
          .join('')}</section>`;
  const title = input.article.title || input.article.url;
  const legend = (input.structure?.length ?? 0) > 0 ? '<p class="legend">下划线为研读自动标出的文章结构（举措、段首、提法、排比）。</p>' : '';
  return htmlDocument(title, STYLE, [
    `<header><h1>${escapeHtml(title)}</h1><p>${escapeHtml(metaLine(input.article))}</p><p class="url">${escapeHtml(input.article.url)}</p></header>`,
    legend,
    '<main>',
    ...rows,
    '</main>',
    unplacedHtml,
  ]);
}

// ---------------------------------------------------------------- Markdown

/** Escapes page text for Markdown, `=` too (so that no `==` of the page becomes a highlight). */
function escapeText(text: string): string {
  return escapeMarkdown(text.replace(/=/g, '\u0000')).replace(/\u0000/g, '\\=');
}

/** `==text==`, the spaces at either end left outside (a mark may not start or end with one). */
function markdownMark(text: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] === '' ? text : `${m[1]}==${escapeText(m[2]!)}==${m[3]}`;
}

/**
 * The article's full text with the reader's marks as Markdown: each highlight
 * `==like this==` (a run of touching highlights as one), and under its paragraph
 * each note as a quote block: `> 【黄】批注：…`.
 */
export function renderFullTextMarkdown(input: FullTextInput): string {
  const { placed, unplaced } = placeHighlights(input.text, input.highlights);
  const out: string[] = [`# ${escapeText(input.article.title || input.article.url)}`, ''];
  const meta = metaLine(input.article);
  out.push(`${meta ? `${escapeText(meta)}  \n` : ''}<${input.article.url.replace(/[<>\s]/g, encodeURIComponent)}>`, '');
  for (const paragraph of paragraphs(input.text, placed, [])) {
    const parts: string[] = [];
    let run: string[] = [];
    const flush = (): void => {
      if (run.length > 0) parts.push(markdownMark(run.join('')));
      run = [];
    };
    for (const piece of paragraph.pieces) {
      if (piece.mark) run.push(piece.text);
      else (flush(), parts.push(escapeText(piece.text)));
    }
    flush();
    out.push(parts.join('').trim(), '');
    for (const p of paragraph.starting.filter((q) => q.noteNumber > 0)) {
      const note = escapeText(p.highlight.note.trim()).split('\n').join('\n> ');
      const tags = p.highlight.tags.length > 0 ? ` 标签：${p.highlight.tags.map(escapeText).join('、')}` : '';
      out.push(`> 【${COLOR_INFO[p.highlight.color].short}】批注${p.noteNumber}：${note}${tags}`, '');
    }
  }
  if (unplaced.length > 0) {
    out.push('## 未定位的划线', '');
    for (const h of unplaced) out.push(`- “${escapeText(h.quote)}”${h.note.trim() ? `：${escapeText(h.note.trim())}` : ''}`);
    out.push('');
  }
  return out.join('\n');
}
