/**
 * 全文网页 and the full-text Markdown: the seed article's text with the reader's
 * highlights and notes, read back — the HTML with happy-dom's parser, the
 * Markdown through markdown-it with its ==mark== plugin.
 */
import { Window } from 'happy-dom';
import MarkdownIt from 'markdown-it';
import mark from 'markdown-it-mark';
import { describe, expect, test } from 'vitest';
import { renderFullTextHtml, renderFullTextMarkdown, type FullTextInput } from '@/lib/export/fulltext';
import type { StudyHighlight } from '@/lib/export/types';
import { MARKUP_NOTE, SEED_TEXT, seedArticle, seedAnalysisResult, seedHighlights } from './fixture';

const parser = new new Window().DOMParser();
const parse = (html: string): Document => parser.parseFromString(html, 'text/html') as unknown as Document;
const markdown = new MarkdownIt().use(mark);

function input(overrides: Partial<FullTextInput> = {}): FullTextInput {
  return { article: seedArticle(), text: SEED_TEXT, highlights: seedHighlights(), ...overrides };
}

/** The text of every <mark> element, in document order, touching ones joined (as the Markdown joins them). */
function markTexts(doc: Document): string[] {
  return [...doc.querySelectorAll('mark')].map((m) => m.textContent ?? '');
}

describe('全文网页 (offline HTML)', () => {
  const doc = parse(renderFullTextHtml(input({ structure: seedAnalysisResult().items })));

  test('the whole article text is there, in order', () => {
    const withoutRefs = (p: Element): string => {
      const copy = p.cloneNode(true) as Element;
      copy.querySelectorAll('sup.ref').forEach((sup) => sup.remove());
      return (copy.textContent ?? '').replace(/\s/g, '');
    };
    const shown = [...doc.querySelectorAll('main .row > p')].map(withoutRefs);
    const paragraphs = SEED_TEXT.split('\n').map((p) => p.replace(/\s/g, '')).filter(Boolean);
    expect(shown).toEqual(paragraphs);
  });

  test('each highlight is marked in its colour over exactly its quote, its note beside its paragraph', () => {
    for (const h of seedHighlights()) {
      const marks = [...doc.querySelectorAll(`mark[data-annotation="${h.id}"]`)];
      expect(marks.map((m) => m.textContent).join(''), h.id).toBe(h.quote);
      expect(new Set(marks.map((m) => m.getAttribute('data-color')))).toEqual(new Set([h.color]));
      if (h.note === '') continue;
      const note = doc.querySelector(`.note[data-note="${h.id}"]`)!;
      expect(note.textContent).toContain(h.note.split('\n')[0]!.slice(0, 10));
      expect(note.closest('.row')).toBe(marks[0]!.closest('.row'));
    }
  });

  test('page text and notes stay text: no element comes from them, no script, nothing remote', () => {
    expect(doc.querySelector('.note[data-note="h-serve"]')!.textContent).toContain(MARKUP_NOTE);
    expect(doc.querySelectorAll('img, script, link, iframe, object, embed')).toHaveLength(0);
    expect(doc.querySelectorAll('[src], [href], [onerror]')).toHaveLength(0);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    );
    expect(doc.querySelector('style')!.textContent).not.toMatch(/url\(|@import/);
  });

  test('the automatic structure shows when asked for, and not otherwise', () => {
    const kinds = new Set([...doc.querySelectorAll('[data-kind]')].map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(new Set(['lead', 'directive', 'slogan', 'parallel'].filter((k) => seedAnalysisResult().items.some((i) => i.kind === k))));
    expect(parse(renderFullTextHtml(input())).querySelectorAll('[data-kind]')).toHaveLength(0);
  });

  test('a highlight whose text is gone is listed as 未定位, not dropped', () => {
    const lost: StudyHighlight = { ...seedHighlights()[1]!, id: 'h-lost', quote: '这句话不在文中', position: 5 };
    const page = parse(renderFullTextHtml(input({ highlights: [...seedHighlights(), lost] })));
    expect(page.querySelector('.unplaced')!.textContent).toContain('这句话不在文中');
    expect(page.querySelector('.unplaced')!.textContent).toContain(lost.note);
  });
});

describe('full text as Markdown', () => {
  test('round-trips through markdown-it: every highlight a <mark> of exactly its quote, its note under it', () => {
    const md = renderFullTextMarkdown(input());
    const html = parse(markdown.render(md));
    const quotes = [...seedHighlights()].sort((a, b) => a.position - b.position).map((h) => h.quote);
    expect(markTexts(html)).toEqual(quotes);
    const blockquotes = [...html.querySelectorAll('blockquote')].map((b) => b.textContent ?? '');
    for (const h of seedHighlights().filter((x) => x.note !== '')) {
      expect(blockquotes.some((b) => b.includes(h.note.split('\n')[0]!))).toBe(true);
    }
    // The note stands right after the paragraph that holds its highlight.
    const paragraphWithGoal = [...html.querySelectorAll('p')].find((p) =>
      [...p.querySelectorAll('mark')].some((m) => m.textContent === '组织创先进、党员争优秀、群众得实惠'),
    )!;
    let next = paragraphWithGoal.nextElementSibling;
    while (next && next.tagName !== 'BLOCKQUOTE') next = next.nextElementSibling;
    expect(next!.textContent).toContain('这是总要求');
    expect(html.body.textContent).toContain(MARKUP_NOTE.split('\n')[0]);
    expect(html.querySelectorAll('img')).toHaveLength(0);
  });

  test('page text that looks like markup stays text; touching highlights make one mark', () => {
    const text = '甲==乙==丙，*强调*与<b>粗</b>。\n一是加强学习。二是抓好落实。';
    const at = (quote: string): number => text.indexOf(quote);
    const base = seedHighlights()[0]!;
    const highlights: StudyHighlight[] = [
      { ...base, id: 'a', quote: '一是加强学习。', position: at('一是加强学习。'), note: '' },
      { ...base, id: 'b', quote: '二是抓好落实。', position: at('二是抓好落实。'), note: '第二条' },
    ];
    const html = parse(markdown.render(renderFullTextMarkdown(input({ text, highlights }))));
    expect(markTexts(html)).toEqual(['一是加强学习。二是抓好落实。']);
    expect(html.body.textContent).toContain('甲==乙==丙，*强调*与<b>粗</b>。');
    expect(html.querySelectorAll('b, em, strong')).toHaveLength(0);
  });
});
