// @vitest-environment happy-dom
/** Multi-page articles: the other pages found in a page's links, pages decoded as a browser would, their paragraphs. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodePage, findPageLinks, pageParagraphs } from '@/lib/extract/pages';

function linksIn(hrefs: string[]): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = hrefs.map((href, i) => `<a href="${href}">${i + 1}</a>`).join(' ');
  return doc;
}

describe('findPageLinks', () => {
  test.each([
    {
      name: '人民网 -2.html from page 1',
      url: 'http://culture.people.com.cn/n1/2019/0615/c1013-31153719.html',
      hrefs: ['/n1/2019/0615/c1013-31153719-2.html', '/n1/2019/0615/c1013-31153719-3.html', '/n1/2019/0615/c1013-31150000.html'],
      pages: ['', '-2', '-3'].map((s) => `http://culture.people.com.cn/n1/2019/0615/c1013-31153719${s}.html`),
    },
    {
      name: '人民网 from page 2, links back to page 1',
      url: 'http://culture.people.com.cn/n1/2019/0615/c1013-31153719-2.html',
      hrefs: ['c1013-31153719.html', 'c1013-31153719-2.html'],
      pages: ['', '-2'].map((s) => `http://culture.people.com.cn/n1/2019/0615/c1013-31153719${s}.html`),
    },
    {
      name: '新华网 _1.htm pager',
      url: 'http://chinaneast.xinhuanet.com/jizhe/2005-08/16/content_4894059.htm',
      hrefs: ['http://chinaneast.xinhuanet.com/jizhe/2005-08/16/content_4894059_1.htm', 'content_4894059_2.htm'],
      pages: ['', '_1', '_2'].map((s) => `http://chinaneast.xinhuanet.com/jizhe/2005-08/16/content_4894059${s}.htm`),
    },
    {
      name: 'index2.html',
      url: 'http://www.example.gov.cn/a/b/index.html',
      hrefs: ['index2.html', 'index3.html?from=pager#top'],
      pages: ['index.html', 'index2.html', 'index3.html'].map((f) => `http://www.example.gov.cn/a/b/${f}`),
    },
  ])('$name', ({ url, hrefs, pages }) => {
    expect(findPageLinks(linksIn(hrefs), url)).toEqual(pages);
  });

  test.each([
    { name: 'no page links', url: 'http://www.people.com.cn/n1/2024/0101/c1-40000000.html', hrefs: ['/n1/2024/0101/c1-40000001.html'] },
    { name: 'another site with the same path', url: 'http://www.people.com.cn/n1/a.html', hrefs: ['http://www.evil.org/n1/a-2.html'] },
    { name: 'another extension', url: 'http://www.people.com.cn/n1/a.html', hrefs: ['/n1/a-2.htm'] },
    { name: 'a page number beyond the bound', url: 'http://www.people.com.cn/n1/a.html', hrefs: ['/n1/a-99.html'] },
    { name: 'not an article address', url: 'http://www.people.com.cn/n1/', hrefs: ['/n1/index2.html'] },
  ])('none: $name', ({ url, hrefs }) => {
    expect(findPageLinks(linksIn(hrefs), url)).toEqual([]);
  });
});

describe('decodePage', () => {
  const gbk = new Uint8Array([0xd1, 0xd0, 0xb6, 0xc1]); // 研读 in GBK
  const utf8 = new TextEncoder().encode('研读');
  test.each([
    ['header charset', gbk, 'text/html; charset=GBK', '研读'],
    ['header beats a lying meta', new TextEncoder().encode('<meta charset="gb2312">研读'), 'text/html; charset=utf-8', '<meta charset="gb2312">研读'],
    ['meta charset gb2312', new Uint8Array([...new TextEncoder().encode('<meta charset="gb2312">'), ...gbk]), 'text/html', '<meta charset="gb2312">研读'],
    ['nothing declared: UTF-8', utf8, null, '研读'],
    ['unknown label: UTF-8', utf8, 'text/html; charset=x-nonsense', '研读'],
  ])('%s', (_name, bytes, contentType, text) => {
    expect(decodePage(bytes, contentType)).toBe(text);
  });
});

describe('pageParagraphs', () => {
  test('page 2 of the fixture article: its paragraphs, without pager, editor line or navigation', () => {
    const url = 'http://www.people.com.cn/n1/2024/0102/c64387-multi-2.html';
    const html = readFileSync('tests/fixtures/site/www.people.com.cn/n1/2024/0102/c64387-multi-2.html', 'utf8');
    const paragraphs = pageParagraphs(html, url);
    expect(paragraphs.map((p) => p.slice(0, 3))).toEqual(['三是要', '四是要', '各级党']);
  });
});
