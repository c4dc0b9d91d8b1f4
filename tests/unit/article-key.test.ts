import { describe, expect, test } from 'vitest';
import { articleKey, identityUrl, siteOf } from '@/lib/article-key';

describe('articleKey', () => {
  test.each([
    ['drops the fragment', 'http://dangjian.people.com.cn/n1/a.html#p3', 'dangjian.people.com.cn/n1/a.html'],
    ['drops the scheme', 'https://dangjian.people.com.cn/n1/a.html', 'dangjian.people.com.cn/n1/a.html'],
    ['drops utm_ parameters', 'http://www.gov.cn/x.htm?utm_source=wx&utm_medium=share', 'www.gov.cn/x.htm'],
    ['keeps meaningful parameters', 'http://www.gov.cn/x.htm?id=42&from=timeline', 'www.gov.cn/x.htm?id=42'],
    ['sorts parameters', 'http://www.gov.cn/p?b=2&a=1', 'www.gov.cn/p?a=1&b=2'],
    ['adds www to a bare local government site', 'http://beijing.gov.cn/p', 'www.beijing.gov.cn/p'],
    ['lower-cases the host', 'http://WWW.People.COM.cn/a.html', 'www.people.com.cn/a.html'],
    ['maps a mobile host to www', 'http://m.xinhuanet.com/2021-01/01/c_1126.htm', 'www.xinhuanet.com/2021-01/01/c_1126.htm'],
    ['maps a wap host to www', 'http://wap.gmw.cn/2021-01/01/content_1.htm', 'www.gmw.cn/2021-01/01/content_1.htm'],
    ['adds www to a bare site', 'http://gov.cn/zhengce/content_1.htm', 'www.gov.cn/zhengce/content_1.htm'],
    ['drops a page number (gov.cn)', 'http://www.gov.cn/zhengce/content_5412345_2.htm', 'www.gov.cn/zhengce/content_5412345.htm'],
    ['drops a page number (people.com.cn)', 'http://dangjian.people.com.cn/n1/c117092-21345-3.html', 'dangjian.people.com.cn/n1/c117092-21345.html'],
    ['drops index_2 to the directory', 'http://www.12371.cn/2021/01/01/ARTI1/index_2.shtml', 'www.12371.cn/2021/01/01/ARTI1/'],
    ['treats index.html as its directory', 'http://www.12371.cn/2021/01/01/ARTI1/index.shtml', 'www.12371.cn/2021/01/01/ARTI1/'],
    ['drops a print suffix', 'http://www.xinhuanet.com/2021-01/01/c_1126_print.htm', 'www.xinhuanet.com/2021-01/01/c_1126.htm'],
    ['drops a print directory', 'http://www.qstheory.cn/print/2021-01/01/c_1.htm', 'www.qstheory.cn/2021-01/01/c_1.htm'],
    ['drops print and page parameters', 'http://www.gov.cn/x.htm?id=9&print=1&page=2&view=print', 'www.gov.cn/x.htm?id=9'],
  ])('%s', (_case, url, key) => {
    expect(articleKey(url)).toBe(key);
  });

  test.each([
    ['different paths', 'http://www.gov.cn/a.htm', 'http://www.gov.cn/b.htm'],
    ['different hosts', 'http://www.gov.cn/a.htm', 'http://www.people.com.cn/a.htm'],
    ['different ids', 'http://www.gov.cn/p?id=1', 'http://www.gov.cn/p?id=2'],
    ['a name that merely ends in _12', 'http://www.gov.cn/a_12.html', 'http://www.gov.cn/a.html'],
    ['different articles with long numeric names', 'http://www.gov.cn/content_5412345.htm', 'http://www.gov.cn/content_5412346.htm'],
    ['a view parameter that is not print', 'http://www.gov.cn/p?id=1&view=full', 'http://www.gov.cn/p?id=1'],
  ])('keeps apart %s', (_case, a, b) => {
    expect(articleKey(a)).not.toBe(articleKey(b));
  });
});

describe('the canonical link', () => {
  const ARTICLE = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-14136435.html';
  test.each([
    ['another URL of the same article', 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed-m.html', ARTICLE],
    ['a mobile page pointing to the desktop one', 'http://m.people.com.cn/n4/2011/0315/c117092-14136435.html', ARTICLE],
  ])('joins %s to its canonical article', (_case, url, canonical) => {
    expect(articleKey(url, canonical)).toBe(articleKey(ARTICLE));
  });

  test.each([
    ['names another site', 'http://www.example.org/n1/a.html'],
    ['is the site’s home page', 'http://www.people.com.cn/'],
    ['is the site’s index page', 'http://www.people.com.cn/index.html'],
    ['is not a web address', 'javascript:alert(1)'],
    ['is not a URL at all', '不是地址'],
  ])('is ignored when it %s', (_case, canonical) => {
    expect(identityUrl(ARTICLE, canonical)).toBe(ARTICLE);
    expect(articleKey(ARTICLE, canonical)).toBe(articleKey(ARTICLE));
  });
});

describe('siteOf', () => {
  test.each([
    ['dangjian.people.com.cn', 'people.com.cn'],
    ['www.gov.cn', 'www.gov.cn'],
    ['beijing.gov.cn', 'beijing.gov.cn'],
    ['www.news.cn', 'news.cn'],
    ['m.xinhuanet.com', 'xinhuanet.com'],
  ])('%s → %s', (host, site) => {
    expect(siteOf(host)).toBe(site);
  });
});
