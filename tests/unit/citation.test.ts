import { describe, expect, test } from 'vitest';
import { formatCitation, formatDate, siteNameOf } from '@/lib/citation';

describe('siteNameOf', () => {
  test.each([
    ['dangjian.people.com.cn', null, '人民网'],
    ['www.news.cn', null, '新华网'],
    ['www.gov.cn', null, '中国政府网'],
    ['www.beijing.gov.cn', null, 'www.beijing.gov.cn'],
    ['www.12371.cn', null, '共产党员网'],
    ['www.qstheory.cn', '求是网 ', '求是网'],
    ['www.example.org', '', 'www.example.org'],
  ])('%s (declared %s) → %s', (host, declared, name) => {
    expect(siteNameOf(host, declared)).toBe(name);
  });
});

describe('formatDate', () => {
  test.each([
    ['2011-03-15', '2011年3月15日'],
    ['李文起　2011年03月15日　来源：人民网', '2011年3月15日'],
    ['2021-07-01T10:00:00+08:00', '2021年7月1日'],
    ['发布时间：2020/12/9 08:00', '2020年12月9日'],
    ['没有日期', null],
    [null, null],
  ])('%s → %s', (text, date) => {
    expect(formatDate(text)).toBe(date);
  });
});

describe('formatCitation', () => {
  test('quote in Chinese quotation marks, then title, site, date, and the address', () => {
    expect(
      formatCitation({
        quote: '要把围绕中心、服务大局摆在更加突出的位置。',
        title: '紧抓工作重点 突出实践特色',
        site: '人民网',
        date: '2011年3月15日',
        url: 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html',
      }),
    ).toBe(
      '“要把围绕中心、服务大局摆在更加突出的位置。”\n——《紧抓工作重点 突出实践特色》，人民网，2011年3月15日\nhttp://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html',
    );
  });

  test('leaves out an unknown date and tidies line breaks inside the quote', () => {
    expect(formatCitation({ quote: ' 一是 \n 二是 ', title: '', site: '新华网', date: null, url: 'http://www.news.cn/a.htm' })).toBe(
      '“一是\n二是”\n——《（无标题）》，新华网\nhttp://www.news.cn/a.htm',
    );
  });
});
