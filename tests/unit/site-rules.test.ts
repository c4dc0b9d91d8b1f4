/**
 * Site rules and page metadata (issue 8): host lookup, titles without the site
 * name, dates, source lines, and extraction of small pages written here in the
 * shape of each site's template (wrapper divs added must not matter).
 * When ../shared/corpus exists, its official-site pages are read too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { extractArticle } from '@/lib/extract';
import { cleanTitle, normalizeDate } from '@/lib/extract/metadata';
import { isNonArticleLine, siteRuleFor } from '@/lib/extract/site-rules';
import { decodeHtml } from '../../scripts/analyze';

/** Parses `html` as the page at `url` (the host picks the rule, as in the browser). */
function pageAt(url: string, html: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}

describe('siteRuleFor', () => {
  test.each([
    ['www.people.com.cn', '人民网'],
    ['dangjian.people.com.cn', '人民网'],
    ['js.people.com.cn', '人民网'],
    ['www.news.cn', '新华网'],
    ['www.xinhuanet.com', '新华网'],
    ['www.gov.cn', '政府网站'],
    ['www.shanxi.gov.cn', '政府网站'],
    ['fgw.zj.gov.cn', '政府网站'],
    ['www.qstheory.cn', '求是网'],
    ['www.12371.cn', '共产党员网'],
    ['news.gmw.cn', '光明网'],
    ['news.cctv.com', '央视网'],
    ['news.cnr.cn', '央广网'],
    ['cn.chinadaily.com.cn', '中国日报网'],
    ['www.hndj.gov.cn', '地方党建网站'],
  ])('%s → %s', (host, name) => {
    expect(siteRuleFor(host)?.name).toBe(name);
  });

  test.each(['www.example.org', 'people.com.cn.evil.org', 'notpeople.com.cn', 'www.chinadaily.com.cn', 'gov.cn.example.com'])(
    '%s has no rule',
    (host) => {
      expect(siteRuleFor(host)).toBeNull();
    },
  );
});

describe('cleanTitle', () => {
  test.each([
    ['女儿出嫁，郑板桥画了几笔兰花当嫁妆--文化--人民网', '女儿出嫁，郑板桥画了几笔兰花当嫁妆'],
    ['紧抓工作重点--党建-人民网', '紧抓工作重点'],
    ['山西品牌丝路行（南美站）正式启动 - 山西省人民政府门户网站', '山西品牌丝路行（南美站）正式启动'],
    ['关于批准的决议__2007年第23号国务院公报_中国政府网', '关于批准的决议'],
    ['中央军委主席习近平签署命令 发布《军队装备试验鉴定规定》_央广网', '中央军委主席习近平签署命令 发布《军队装备试验鉴定规定》'],
    ['宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网', '宇航员在太空中喝酒会怎么样？后果很严重'],
    ['法国全国大罢工再次严重影响交通-新华网', '法国全国大罢工再次严重影响交通'],
    ['以党建引领基层治理 | 共产党员网', '以党建引领基层治理'],
    // Government bodies' own sites end their titles with the body's name (invented titles).
    ['关于做好冬季安全生产工作的通知_示例县人民政府', '关于做好冬季安全生产工作的通知'],
    ['全市中小学秋季开学工作部署会召开 - 示例市教育局', '全市中小学秋季开学工作部署会召开'],
    ['解读：新版养老服务补贴办法 -- 政策解读 -- 示例省民政厅', '解读：新版养老服务补贴办法'],
    ['关于公开征求意见的公告_示例市发展和改革委员会', '关于公开征求意见的公告'],
  ])('strips the site: %s', (raw, title) => {
    expect(cleanTitle(raw)).toBe(title);
  });

  test.each([
    '1-10月德清县固定资产投资结构趋稳趋优',
    '为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕',
    '吉林省人民政府关于禁止新增建设项目的通告',
    '人民网',
    // A body named inside the title, with no separator before it, is part of the title.
    '示例县人民政府关于调整公交线路的通告',
    '2023-2024学年第一学期工作安排',
  ])('keeps a title without a site name: %s', (title) => {
    expect(cleanTitle(title)).toBe(title);
  });
});

describe('normalizeDate', () => {
  test.each([
    ['2019-06-15', '2019-06-15'],
    ['2019年06月15日08:18', '2019-06-15 08:18'],
    ['2022-02-13 07:00:00', '2022-02-13 07:00'],
    ['2007-08-20-23:59:59', '2007-08-20 23:59'],
    ['发布时间：2022/2/1', '2022-02-01'],
  ])('%s → %s', (text, date) => {
    expect(normalizeDate(text)).toBe(date);
  });

  test.each(['', '二〇二二年', '2022-13-01', '第2019号'])('no date in %j', (text) => {
    expect(normalizeDate(text)).toBeNull();
  });
});

describe('isNonArticleLine', () => {
  test.each(['(责编：汤诗瑶、丁涛)', '[责任编辑:肖春芳]', '【责任编辑：尹世杰】', '[1][2][3][4][5][6]', '上一页 1 2 3 下一页', '点击进入“文艺星青年”>>', '+1'])(
    'drops %j',
    (line) => {
      expect(isNonArticleLine(line)).toBe(true);
    },
  );

  test.each(['2019', '一是要认真学习领会中央精神。', '编辑部全体同志认真学习了讲话精神，大家一致认为：责任编辑要守土有责、守土尽责，把好政治关导向关。这是一段很长的正文，不是编辑署名。'])(
    'keeps %j',
    (line) => {
      expect(isNonArticleLine(line)).toBe(false);
    },
  );
});

const BODY = [
  '　　一是要认真学习领会中央精神，在活动中掀起学习理论的新热潮，把思想和行动统一到中央的决策部署上来。',
  '　　二是要扎实开展调查研究，进一步摸清基层实际，找准落实上级精神的着力点和切入点，推动工作落地见效。',
  '　　三是要立足自身实际谋划具体工作，坚持问题导向，完善制度机制，以钉钉子精神抓好各项任务落实。',
].join('</p><p>');

/** One fixture page per site template: url, html, expected metadata, text that must not be in the article. */
const SITE_PAGES = [
  {
    name: '人民网 n1',
    url: 'http://dangjian.people.com.cn/n1/2024/0101/c117092-40000000.html',
    html: `<title>学习贯彻会议精神--党建-人民网</title><meta name="source" content="来源：人民网－中国共产党新闻网"><meta name="author" content="104363">
      <div class="nav">首页 党建 理论 一是导航</div>
      <div class="rm_txt"><h1>学习贯彻会议精神</h1><div class="col-1-1">2024年01月01日08:18 | 来源：人民网－中国共产党新闻网</div>
      <div class="rm_txt_con"><p>${BODY}</p><div class="box_pic"></div><div class="edit">(责编：张三、李四)</div><p class="paper_num">分享让更多人看到</p></div></div>
      <div class="footer">人民网版权所有，未经书面授权禁止使用</div>`,
    meta: { title: '学习贯彻会议精神', source: '人民网－中国共产党新闻网', published: '2024-01-01 08:18', author: null },
    absent: ['责编', '分享让更多人看到', '版权所有', '导航'],
  },
  {
    name: '新华网',
    url: 'http://www.news.cn/politics/2024-01/01/c_1130000000.htm',
    html: `<title>会议精神解读-新华网</title>
      <div class="header"><div class="head-line"><span class="title">会议精神解读</span></div><div class="header-time">2024-01-01 10:00:00</div><div class="source">来源：新华社</div></div>
      <div id="detail"><p>${BODY}</p><div id="articleEdit"><span class="editor">【责任编辑:王五】</span></div><div class="share">分享到微信</div></div>
      <div class="foot">新华网版权所有</div>`,
    meta: { title: '会议精神解读', source: '新华社', published: '2024-01-01 10:00', author: null },
    absent: ['责任编辑', '分享到', '版权'],
  },
  {
    name: '中国政府网',
    url: 'https://www.gov.cn/zhengce/content/202401/content_6900000.htm',
    html: `<title>国务院关于推进工作的意见_政策_中国政府网</title><meta name="ArticleTitle" content="国务院关于推进工作的意见"><meta name="PubDate" content="2024-01-02 17:00"><meta name="ContentSource" content="中国政府网">
      <div class="article"><h1>国务院关于推进工作的意见</h1><div class="pages-date">2024-01-02 17:00 来源：中国政府网</div>
      <div class="pages_content" id="UCAP-CONTENT"><p>${BODY}</p></div><div class="pages_print">【我要打印】【关闭窗口】</div></div>`,
    meta: { title: '国务院关于推进工作的意见', source: '中国政府网', published: '2024-01-02 17:00', author: null },
    absent: ['我要打印'],
  },
  {
    name: '共产党员网',
    url: 'https://www.12371.cn/2024/01/03/ARTI1704000000000000.shtml',
    html: `<title>党建引领基层治理_共产党员网</title>
      <div class="big_title">党建引领基层治理</div><div class="time">来源：共产党员网 2024年01月03日 作者：赵六</div>
      <div id="font_area"><p>${BODY}</p><div class="bianji">责任编辑：孙七</div></div><div class="dyfx">打印 分享</div>`,
    meta: { title: '党建引领基层治理', source: '共产党员网', published: '2024-01-03', author: '赵六' },
    absent: ['孙七', '打印'],
  },
  {
    name: '央广网',
    url: 'http://news.cnr.cn/native/gd/20240104/t20240104_520000000.shtml',
    html: `<title>签署命令_央广网</title><meta name="author" content="李楠">
      <div class="article"><div class="article-header"><h1>签署命令</h1><div class="source"><span>2024-01-04 07:00:00</span><span>来源：央广网</span></div></div>
      <div class="article-main"><div class="article-content"><p>${BODY}</p></div><div class="article-editer">编辑：周八</div><div class="article-copyright">央广网版权所有</div></div></div>`,
    meta: { title: '签署命令', source: '央广网', published: '2024-01-04 07:00', author: '李楠' },
    absent: ['周八', '版权所有'],
  },
  {
    name: '求是网',
    url: 'http://www.qstheory.cn/dukan/qs/2024-01/01/c_1130000000.htm',
    html: `<title>全面从严治党永远在路上 - 求是网</title>
      <div class="inner"><h1>全面从严治党永远在路上</h1><span class="appellation">来源：《求是》2024/01　作者：求是杂志编辑部</span><span class="pubtime">2024-01-01 09:00:00</span>
      <div class="highlight"><p>${BODY}</p><p class="fs-text">字号：大 中 小</p></div></div>`,
    meta: { title: '全面从严治党永远在路上', source: '《求是》2024/01', published: '2024-01-01 09:00', author: '求是杂志编辑部' },
    absent: ['字号'],
  },
  {
    name: '央视网',
    url: 'https://news.cctv.com/2024/01/05/ARTI0000000000000000.shtml',
    html: `<title>推进基层治理现代化_新闻频道_央视网(cctv.com)</title>
      <div class="title_area"><h1>推进基层治理现代化</h1><div class="info">来源：央视网 | 2024年01月05日 20:01</div></div>
      <div class="content_area" id="content_area"><p>${BODY}</p><div class="zebian">编辑：吴九 责任编辑：郑十</div></div>`,
    meta: { title: '推进基层治理现代化', source: '央视网', published: '2024-01-05 20:01', author: null },
    absent: ['吴九', '郑十'],
  },
  {
    name: '中国日报网（中文）',
    url: 'https://cn.chinadaily.com.cn/a/202401/06/WS65900000a3100000000000.html',
    html: `<title>加强党的建设 - 中国日报网</title>
      <h1 class="dabiaoti">加强党的建设</h1><div class="fenx"><div class="xinf-le">来源：中国日报网 2024-01-06 10:10</div><div class="xinf-ri">分享</div></div>
      <div id="Content"><p>${BODY}</p><div class="bianji">【责任编辑：钱一】</div></div>`,
    meta: { title: '加强党的建设', source: '中国日报网', published: '2024-01-06 10:10', author: null },
    absent: ['钱一', '分享'],
  },
];

describe('extractArticle with site rules', () => {
  test.each(SITE_PAGES)('$name: article text, metadata, no chrome', ({ url, html, meta, absent }) => {
    const article = extractArticle(pageAt(url, html))!;
    expect(article).not.toBeNull();
    expect({ title: article.title, source: article.source, published: article.published, author: article.author }).toEqual(meta);
    expect(article.text).toContain('一是要认真学习领会中央精神');
    expect(article.text).toContain('三是要立足自身实际');
    for (const text of absent) expect(article.text).not.toContain(text);
  });

  test.each(SITE_PAGES)('$name: the same article when the page gains wrapper divs', ({ url, html }) => {
    const plain = extractArticle(pageAt(url, html))!;
    const wrapped = extractArticle(pageAt(url, `<div class="wrap"><div id="outer">${html}</div></div>`))!;
    expect(wrapped.text).toBe(plain.text);
    expect(wrapped.title).toBe(plain.title);
  });

  test('full-width indentation (U+3000) stays in the text, one for one with the page', () => {
    const article = extractArticle(pageAt(SITE_PAGES[0]!.url, SITE_PAGES[0]!.html))!;
    expect(article.text.split('\n')[0]).toMatch(/^\u3000\u3000一是/);
  });

  test('a rule whose container is missing falls back to Readability, and still drops editor lines', () => {
    const html = `<title>会议精神--人民网</title><div class="nav">首页</div><div class="unknown-template"><h1>会议精神</h1>
      <p>${BODY}</p><p>${BODY}</p><div>(责编：张三)</div></div>`;
    const article = extractArticle(pageAt('http://www.people.com.cn/n1/2024/0101/c1-1.html', html))!;
    expect(article.text).toContain('二是要扎实开展调查研究');
    expect(article.text).not.toContain('责编');
    expect(article.title).toBe('会议精神');
  });
});

const CORPUS_DIR = resolve('../shared/corpus');
const corpusPresent = existsSync(CORPUS_DIR);
if (!corpusPresent) console.log(`site-rules unit: ${CORPUS_DIR} does not exist — the corpus pages were not read`);

describe.runIf(corpusPresent)('corpus official-site pages (read in place)', () => {
  test.each([
    ['01-people-banqiao-culture', 'http://culture.people.com.cn/n1/2019/0615/c1013-31153719.html', '女儿出嫁，郑板桥画了几笔兰花当嫁妆', '人民网-文化频道', '2019-06-15 08:18'],
    ['03-shanxi-gov-brand-silkroad', 'http://www.shanxi.gov.cn/yw/sxyw/201909/t20190918_9500000.shtml', '山西品牌丝路行（南美站）正式启动', '山西日报', '2019-09-18 06:23'],
    ['10-npc-special-treasury-bonds', 'http://www.gov.cn/gongbao/content/2007/content_700000.htm', '全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007 年末国债余额限额的决议', null, '2007-08-20 23:59'],
    ['15-cnr-gbk-junwei-order', 'http://news.cnr.cn/native/gd/20220210/t20220210_525737000.shtml', '中央军委主席习近平签署命令 发布《军队装备试验鉴定规定》', '央广网', '2022-02-13 07:00'],
    ['17-nmg-gov-tax-relief', 'http://www.nmg.gov.cn/zwyw/gzdt/bmdt/202301/t20230101_2200000.html', '内蒙古延续部分到期税收优惠政策助企纾困预计4年为纳税人减负180亿元', '内蒙古日报', '2022-02-11 08:52'],
    ['19-bynr-gov-zhengxie-opening', 'http://www.bynr.gov.cn/xwzx/bmdt/202201/t20220101_400000.html', '为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕', '巴彦淖尔日报', '2022-02-11 09:52'],
    ['24-gmw-astronaut-science', 'http://www.gmw.cn/xueshu/2019-06/01/content_32800000.htm', '宇航员在太空中喝酒会怎么样？后果很严重', '网易科学人', '2017-03-10 09:58'],
  ])('%s', (file, url, title, source, published) => {
    const article = extractArticle(pageAt(url, decodeHtml(readFileSync(`${CORPUS_DIR}/${file}.html`))))!;
    expect({ title: article.title, source: article.source, published: article.published }).toEqual({ title, source, published });
    expect(article.text).not.toMatch(/责编|责任编辑|版权所有/);
  });
});
