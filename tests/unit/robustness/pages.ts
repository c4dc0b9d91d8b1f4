/**
 * Bad pages for the robustness tests: the seed article as HTML, mutations of its
 * text and markup (fast-check arbitraries), and a check that reading a page
 * either gives a consistent article and analysis or stops with a logged reason.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, vi } from 'vitest';
import { analyze, type Analysis } from '@/lib/analysis';
import { extractArticle, type ExtractedArticle } from '@/lib/extract';

/** The seed article's paragraphs (the one article the repo may hold). */
export const SEED_PARAGRAPHS: readonly string[] = readFileSync('tests/fixtures/text/seed-shijingshan-chuangxian.txt', 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

/** Characters that hide in text: zero-width space/joiners, BOM, soft hyphen, word joiner. */
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad', '\u2060'];
/** Direction controls: RLM, LRM, RLO, PDF, RLI, PDI, ALM. */
const BIDI = ['\u200f', '\u200e', '\u202e', '\u202c', '\u2067', '\u2069', '\u061c'];
/** Other scripts and odd code points: Arabic, Hebrew, Cyrillic, Thai, emoji with joiners, lone surrogates, CJK extension B. */
const FOREIGN = ['مرحبا بالعالم', 'שלום', 'Привет', 'สวัสดี', '👨‍👩‍👧', '\ud800', '\udfff', '𠀀𠀁', 'Ａ１', 'ǅ'];
/** Enumeration markers the analysis looks for. */
const MARKERS = ['一是', '二是', '第一', '（一）', '一、', '首先，', '①', '1.', '其一'];
/** Markup fragments that break structure: unclosed tags, stray ends, comments, CDATA, unclosed attributes. */
const MARKUP = ['<b>', '</p>', '<table><tr><td>', '</div></div>', '<!--', '-->', '<![CDATA[', '<p class="x', '<script>', '&#xd800;', '&amp', '<svg><p>', '<template>', '<li>'];

/** Puts `piece` at `at` (a fraction of the length) in `text`. */
function insertAt(text: string, at: number, piece: string): string {
  const i = Math.floor(at * text.length);
  return text.slice(0, i) + piece + text.slice(i);
}

/** Sprinkles `pieces` into `text`: `count` insertions at places chosen by `places`. */
function sprinkle(text: string, pieces: readonly string[], places: readonly number[]): string {
  return places.reduce((t, at, k) => insertAt(t, at, pieces[k % pieces.length]!), text);
}

/** A change to the article's paragraphs before they become HTML. */
type TextMutation = (paras: string[]) => string[];
/** A change to the page's HTML source. */
type HtmlMutation = (html: string) => string;

/** Most seed paragraphs a generated page starts from (a run of them, from a random place). */
const MAX_BASE_PARAGRAPHS = 12;
/** How much text the tiny-paragraph mutation cuts up (happy-dom is slow on thousands of elements). */
const TINY_PARAGRAPH_CHARS = 400;
/** Deepest extra nesting a mutation adds (happy-dom walks ancestors slowly; deeper pages have their own tests). */
const MAX_MUTATION_DEPTH = 60;

const places = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 });

/** Mutations of the article text. */
const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  places.map((p): TextMutation => (paras) => paras.map((t) => sprinkle(t, ZERO_WIDTH, p))),
  places.map((p): TextMutation => (paras) => paras.map((t) => sprinkle(t, BIDI, p))),
  places.map((p): TextMutation => (paras) => paras.map((t) => sprinkle(t, FOREIGN, p))),
  fc.constant<TextMutation>((paras) => paras.map((t) => t.replace(/[\p{P}\s]/gu, ''))),
  fc.constant<TextMutation>((paras) => paras.map((t) => t.replace(/[”』」]/g, '').replace(/“/g, '““'))),
  fc.integer({ min: 1, max: 5_000 }).map((n): TextMutation => (paras) => [...paras, MARKERS.map((m) => m.repeat(n)).join('')]),
  fc.integer({ min: 1, max: 3 }).map((size): TextMutation => (paras) => {
    // The first paragraphs cut into pieces of 1–3 characters (the 50,000-paragraph page is its own test).
    const text = paras.join('').slice(0, TINY_PARAGRAPH_CHARS);
    return [...Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size)), ...paras];
  }),
  fc.nat({ max: 40 }).map((n): TextMutation => (paras) => paras.slice(0, n)),
  fc.array(fc.string({ unit: 'binary', maxLength: 200 }), { maxLength: 10 }).map((noise): TextMutation => (paras) => [...paras, ...noise]),
);

/** Mutations of the markup. */
const htmlMutation: fc.Arbitrary<HtmlMutation> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((at): HtmlMutation => (html) => html.slice(0, Math.floor(at * html.length))),
  fc.integer({ min: 1, max: MAX_MUTATION_DEPTH }).map((depth): HtmlMutation => (html) =>
    html.replace('<div id="main">', '<div id="main">' + '<div><span>'.repeat(depth)).replace('</article>', '</article>' + '</span></div>'.repeat(depth)),
  ),
  places.map((p): HtmlMutation => (html) => sprinkle(html, MARKUP, p)),
  fc.constant<HtmlMutation>((html) => html.replace(/<\/p>/g, '')),
  fc.constant<HtmlMutation>((html) => html.replace(/<p>/g, '<p hidden>').replace('<p hidden>', '<p>')),
);

/** A page made of the seed article with a few text and markup mutations. */
export const mutatedPage: fc.Arbitrary<string> = fc
  .record({
    from: fc.nat({ max: SEED_PARAGRAPHS.length - 1 }),
    count: fc.integer({ min: 1, max: MAX_BASE_PARAGRAPHS }),
    text: fc.array(textMutation, { maxLength: 3 }),
    html: fc.array(htmlMutation, { maxLength: 2 }),
  })
  .map(({ from, count, text, html }) => {
    const paras = text.reduce((ps, mutate) => mutate(ps), SEED_PARAGRAPHS.slice(from, from + count));
    return html.reduce((page, mutate) => mutate(page), pageHtml(paras));
  });

/** An article page around `paragraphs`, with the usual navigation and footer. */
export function pageHtml(paragraphs: readonly string[], title = '紧抓工作重点 突出实践特色'): string {
  const body = paragraphs.map((p) => `<p>${escapeText(p)}</p>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}--人民网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/">党建</a></div>
<div id="main"><h1>${title}</h1><article>${body}</article></div>
<div class="footer">版权所有</div></body></html>`;
}

/** Text as HTML text (the page's text, never markup of ours). */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Parses `html` as a browser would load it. */
export function parsePage(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** What reading a page gave: the article and its analysis, or the reason logged for stopping. */
export interface ReadOutcome {
  /** The article, or null (no article, or stopped). */
  article: ExtractedArticle | null;
  /** The analysis of the article, when there is one. */
  analysis: Analysis | null;
  /** The console warnings of 研读 while reading. */
  warnings: string[];
}

/**
 * Reads `doc` as the reader script does (extract, then analyse) and checks that
 * nothing threw and that what came out is consistent: the map's text is the
 * article's text, every item lies inside it.
 */
export function readPage(doc: Document): ReadOutcome {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const article = extractArticle(doc);
    const analysis = article ? analyze({ text: article.text, title: article.title }) : null;
    if (article && analysis) {
      expect(article.map.text).toBe(article.text);
      for (const item of analysis.items) {
        expect(item.start).toBeGreaterThanOrEqual(0);
        expect(item.end).toBeLessThanOrEqual(article.text.length);
        expect(item.end).toBeGreaterThanOrEqual(item.start);
      }
    }
    const warnings = warn.mock.calls.map((call) => call.map(String).join(' ')).filter((line) => line.startsWith('[研读]'));
    return { article, analysis, warnings };
  } finally {
    warn.mockRestore();
  }
}
