/**
 * Page shapes in Node (issue 12): the charset repair of undeclared UTF-8 pages
 * (lib/extract/charset.ts) and the CLI reading an article through the frames
 * of a page (scripts/analyze.ts). The browser side is tests/e2e/shapes.e2e.ts.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, test } from 'vitest';
import { declaresCharset, GBK_ONLY_CHARS, mayBeUndeclaredUtf8, retextFrom, utf8Text } from '@/lib/extract/charset';
import { extractHtml, loadArticle } from '../../scripts/analyze';

const ARTICLE = [
  '<p>各支部要把学习贯彻全会精神作为当前的重要政治任务。</p>',
  '<p>一是要原原本本学，做到学深悟透。<b>二是要</b>联系实际学，做到学以致用。</p>',
  '<p>三是要带着问题学，做到真学真用、<a href="/x">学用结合</a>。</p>',
].join('\n');

/** A document parsed from `html` (scripting off, as DOMParser does). */
function parse(html: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** `html` as a browser reads its UTF-8 bytes when it takes them for GBK. */
function misread(html: string): string {
  return new TextDecoder('gbk').decode(new TextEncoder().encode(html));
}

/** The two GBK bytes of one character (found by decoding every pair). */
function gbkBytes(char: string): number[] {
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (decoder.decode(new Uint8Array([lead, trail])) === char) return [lead, trail];
  }
  throw new Error(`${char} has no two-byte GBK code`);
}

describe('undeclared UTF-8 read as GBK', () => {
  const page = `<div class="content">\n${ARTICLE}\n<noscript><p>请启用脚本</p></noscript></div>`;

  test('the misread page has the same shape, and its text nodes are put right', () => {
    const live = parse(misread(page));
    expect(live.body.textContent).not.toContain('原原本本');
    const changed = retextFrom(live, parse(page));
    expect(changed).toBeGreaterThan(3);
    // Every paragraph reads as written (<noscript> is not walked: no browser with scripts shows it).
    const paragraphs = (doc: Document): string[] => [...doc.querySelectorAll('.content > p')].map((p) => p.textContent ?? '');
    expect(paragraphs(live)).toEqual(paragraphs(parse(page)));
    expect(paragraphs(live)).toHaveLength(3);
  });

  test('a page whose tree changed (a script added an element) is left alone', () => {
    const live = parse(misread(page));
    const before = live.body.textContent;
    live.body.append(live.createElement('div'));
    expect(retextFrom(live, parse(page))).toBe(0);
    expect(live.body.textContent).toBe(before);
  });

  test('only bytes that are UTF-8 beyond doubt are taken for UTF-8', () => {
    expect(utf8Text(new TextEncoder().encode(page))).toBe(page);
    expect(utf8Text(new TextEncoder().encode('<p>plain ASCII</p>'))).toBeNull();
    // GBK bytes of Chinese text are not valid UTF-8.
    expect(utf8Text(new Uint8Array([0xd5, 0xfe, 0xb8, 0xae]))).toBeNull();
  });

  test('a page read in GBK that shows characters UTF-8 bytes cannot make is not read again', () => {
    const asRead = (html: string, characterSet: string): Document => {
      const doc = parse(html);
      Object.defineProperty(doc, 'characterSet', { value: characterSet });
      return doc;
    };
    // Both GBK bytes of each such character are 0xC0 or above (never so in UTF-8).
    for (const char of GBK_ONLY_CHARS) expect(gbkBytes(char).every((b) => b >= 0xc0), char).toBe(true);
    expect(mayBeUndeclaredUtf8(asRead(misread(page), 'GBK'))).toBe(true);
    expect(mayBeUndeclaredUtf8(asRead(page, 'GBK'))).toBe(false);
    // Not read in GBK (a Western default): the characters prove nothing, the bytes are read again.
    expect(mayBeUndeclaredUtf8(asRead(page, 'windows-1252'))).toBe(true);
    expect(mayBeUndeclaredUtf8(asRead(`<meta charset="gbk">${misread(page)}`, 'GBK'))).toBe(false);
    expect(mayBeUndeclaredUtf8(asRead(misread(page), 'UTF-8'))).toBe(false);
  });

  test('a charset in the Content-Type header is the server speaking: no repair', () => {
    expect(declaresCharset('text/html; charset=GBK')).toBe(true);
    expect(declaresCharset('text/html')).toBe(false);
    expect(declaresCharset(null)).toBe(false);
  });
});

describe('the CLI reads the article of a frameset or an iframe through its frames', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yandu-frames-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const article = `<html><head><meta charset="utf-8"><title>学习安排</title></head><body>${ARTICLE}${ARTICLE.replace(/<p>/g, '<p>同时，')}</body></html>`;
  mkdirSync(join(dir, 'content'));
  writeFileSync(join(dir, 'content', 'body.html'), article);
  writeFileSync(join(dir, 'nav.html'), '<html><body><a href="/">首页</a></body></html>');
  writeFileSync(
    join(dir, 'frameset.html'),
    '<html><head><title>某某镇</title></head><frameset rows="80,*"><frame src="nav.html"><frame src="content/body.html"></frameset></html>',
  );
  writeFileSync(join(dir, 'iframe.html'), '<html><body><p>导航</p><iframe src="/site/content/body.html"></iframe></body></html>');
  writeFileSync(join(dir, 'foreign.html'), '<html><body><iframe src="http://other.example/content/body.html"></iframe></body></html>');

  test('a frameset: the frame with the article', () => {
    const input = loadArticle(join(dir, 'frameset.html'));
    expect(input.title).toBe('学习安排');
    expect(input.text).toContain('一是要原原本本学');
  });

  test('an iframe named by an absolute path, resolved against --url', () => {
    expect(loadArticle(join(dir, 'iframe.html'), 'http://www.gov.cn/site/iframe.html').text).toContain('三是要带着问题学');
  });

  test('a frame of another site is not read (the browser does not read it either)', () => {
    expect(loadArticle(join(dir, 'foreign.html'), 'http://www.gov.cn/site/foreign.html').text).toBe('');
  });

  test('without a way to read frames, a frameset has no article', () => {
    expect(extractHtml('<html><frameset><frame src="a.html"></frameset></html>').text).toBe('');
  });
});
