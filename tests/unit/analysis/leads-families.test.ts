/**
 * Leads as a general method (docs/ANALYSIS.md "Leads"): one table per family
 * of what must be found and what must not, in texts written for these tests.
 */
import { describe, expect, test } from 'vitest';
import { itemsOf } from './helpers';

const leadsOf = (text: string): string[] => itemsOf(text, 'lead').map((l) => l.text);
/** A body paragraph long enough to stand under a heading. */
const BODY = '这一部分写的是具体做法，既有工作进展，也有存在的不足，还提出了下一步的打算和要求。';
/** A title line over the article. */
const TITLE = '关于做好基层工作的几点思考';

describe('leads: standalone short lines in a series (subheads)', () => {
  test.each([
    ['bold lines', ['**凝心聚力谋发展**', '**真抓实干促落实**', '**守正创新开新局**'], ['凝心聚力谋发展', '真抓实干促落实', '守正创新开新局']],
    ['Markdown headings of one level', ['### 夯实基础筑根基', '### 聚焦重点求突破'], ['夯实基础筑根基', '聚焦重点求突破']],
    ['questions', ['基层治理为何要改？', '基层治理改什么？', '基层治理怎么改？'], ['基层治理为何要改？', '基层治理改什么？', '基层治理怎么改？']],
    ['plain short lines of one length, one after another', ['理念引领方向明', '机制保障底气足', '队伍建设活力强'], ['理念引领方向明', '机制保障底气足', '队伍建设活力强']],
    ['four-plus-four couplets as lines', ['**立足当下，着眼长远**', '**问计于民，问需于民**'], ['立足当下，着眼长远', '问计于民，问需于民']],
  ])('%s', (_name, lines, expected) => {
    // The text's first line is its title (as when no title is given): the subheads come under it.
    expect(leadsOf([TITLE, ...lines.map((l) => `${l}\n${BODY}`)].join('\n'))).toEqual(expected);
  });

  test('a dash series of sentences', () => {
    const lines = ['——担当是干部的本分。', '——实干是成事的根本。'];
    expect(leadsOf(lines.map((l) => `${l}${BODY}`).join('\n'))).toEqual(['担当是干部的本分。', '实干是成事的根本。']);
  });
});

describe('leads: anaphora and shared frames', () => {
  test.each([
    ['the same opening clause, however long the sentence', ['这一年里，我们经受住了汛情的考验', '这一年里，我们办成了群众盼望多年的实事', '这一年里，我们迈出了改革的关键步伐']],
    ['a target-year frame', ['到2027年，基本公共服务覆盖全部村庄', '到2030年，城乡差距明显缩小', '到2040年，城乡融合全面实现']],
    ['short topic sentences opening paragraphs in a row', ['稳住农业基本盘。', '抓好项目建设。', '兜牢民生底线。']],
    ['opening couplets in paragraphs in a row', ['风起于青萍，势成于积累。', '志不求易者成，事不避难者进。', '行之力则知愈进，知之深则行愈达。']],
  ])('%s', (_name, openers) => {
    const text = openers.map((o) => `${o}${/[。]$/.test(o) ? '' : '，'}${BODY}`).join('\n');
    expect(leadsOf(text).map((l) => l.slice(0, 8))).toEqual(openers.map((o) => o.slice(0, 8)));
  });
});

describe('leads: repeats that are not leads', () => {
  test.each([
    ['dates of events', ['3月5日上午，代表团在驻地开会', '3月6日下午，代表团参加小组讨论', '3月7日上午，代表团举行全体会议']],
    ['a source line', ['据统计，全市新增就业两万人', '据统计，全市新开工项目百余个', '据统计，全市接待游客超千万']],
    ['a reporter', ['记者了解到，项目已全面开工', '记者了解到，首批设备已经到位', '记者了解到，配套道路正在施工']],
    ['connectives', ['同时，各地加快推进项目建设', '同时，各部门加强协调配合', '同时，各单位压实工作责任']],
    ['speakers’ turns', ['王明表示，这次培训收获很大', '李华表示，回去后要学以致用', '赵强表示，要把所学用到工作中']],
    ['narration in order', ['第一组同学，围绕乡村治理作了汇报', '第二组同学，围绕社区服务作了汇报', '第三组同学，围绕基层党建作了汇报']],
  ])('%s', (_name, openers) => {
    expect(leadsOf(openers.map((o) => `${o}，${BODY}`).join('\n'))).toEqual([]);
  });

  test.each([
    ['labels with a colon', ['时间：上午九点', '地点：三楼会议室', '主持：办公室主任']],
    ['rows of a table', ['| 项目 | 金额 |', '| 车费 | 三百元 |', '| 餐费 | 二百元 |']],
    ['bylines and captions', ['记者 王明 摄', '图为活动现场', '通讯员 李华']],
  ])('short lines that are not subheads: %s', (_name, lines) => {
    expect(leadsOf(lines.map((l) => `${l}\n${BODY}`).join('\n'))).toEqual([]);
  });

  test('couplets scattered through an article are style, not a series', () => {
    const text = [`春风化雨，润物无声。${BODY}`, BODY, BODY, BODY, BODY, `山高路远，行则将至。${BODY}`, BODY, BODY, BODY, BODY, `日积月累，久久为功。${BODY}`].join('\n');
    expect(leadsOf(text)).toEqual([]);
  });

  test('topic sentences inside the section of a subhead series are a level below', () => {
    const text = ['**筑牢思想根基**', BODY, '**激发队伍活力**', `完善考核办法。${BODY}`, `畅通晋升渠道。${BODY}`, `强化关心关爱。${BODY}`, '**提升服务效能**', BODY].join('\n');
    expect(leadsOf(text)).toEqual(['筑牢思想根基', '激发队伍活力', '提升服务效能']);
  });
});
