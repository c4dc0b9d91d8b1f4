import { describe, expect, test } from 'vitest';
import { articleKey } from '@/lib/article-key';

describe('articleKey', () => {
  test.each([
    ['drops the fragment', 'http://dangjian.people.com.cn/n1/a.html#p3', 'http://dangjian.people.com.cn/n1/a.html'],
    ['drops utm_ parameters', 'http://www.gov.cn/x.htm?utm_source=wx&utm_medium=share', 'http://www.gov.cn/x.htm'],
    ['keeps meaningful parameters', 'http://www.gov.cn/x.htm?id=42&from=timeline', 'http://www.gov.cn/x.htm?id=42'],
    ['sorts parameters', 'http://a.gov.cn/p?b=2&a=1', 'http://a.gov.cn/p?a=1&b=2'],
    ['lower-cases the host', 'http://WWW.People.COM.cn/a.html', 'http://www.people.com.cn/a.html'],
  ])('%s', (_case, url, key) => {
    expect(articleKey(url)).toBe(key);
  });

  test.each([
    ['different paths', 'http://www.gov.cn/a.htm', 'http://www.gov.cn/b.htm'],
    ['different hosts', 'http://www.gov.cn/a.htm', 'http://www.people.com.cn/a.htm'],
    ['different ids', 'http://www.gov.cn/p?id=1', 'http://www.gov.cn/p?id=2'],
  ])('keeps apart %s', (_case, a, b) => {
    expect(articleKey(a)).not.toBe(articleKey(b));
  });
});
