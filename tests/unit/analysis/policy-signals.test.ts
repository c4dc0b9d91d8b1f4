/**
 * isPolicy rests on several independent signals (lib/analysis/policy.ts):
 * vocabulary, register, structure, rhetoric, title genre, author line. No one
 * word of the vocabulary may decide a verdict: each text below keeps its
 * verdict when any single word is taken out of the vocabulary. The texts are
 * written for this test (none is taken from an article).
 */
import { describe, expect, test } from 'vitest';
import { POLICY_TERMS } from '../../../lib/analysis/data/policy-vocabulary';
import { analyze, judgeText } from '../../../lib/analysis/index';
import { vocabularyOf } from '../../../lib/analysis/policy';

const POLICY_TEXTS: readonly [string, string][] = [
  [
    'a county party committee arranges the year’s work',
    [
      '关于做好今年基层治理工作的安排',
      '今年是推进基层治理的关键一年。各乡镇、各部门要坚持问题导向，把工作重心放在群众最关心的事情上。',
      '一是压实责任。各乡镇党委要把基层治理列入重要议事日程，主要负责同志亲自抓，分管同志具体抓，做到有部署、有检查、有考核。',
      '二是健全机制。要完善网格化管理，推动干部下沉一线，切实做到小事不出村、大事不出镇、矛盾不上交。',
      '三是强化保障。要加大经费投入，加强队伍建设，进一步落实激励措施，让基层干部干事有劲头、工作有奔头。',
      '各单位要认真贯彻落实本安排的要求，结合实际制定具体方案，确保各项任务落到实处。',
    ].join('\n'),
  ],
  [
    'a commentary with parallel leads and no enumeration',
    [
      '以实干担当书写新的答卷（评论员文章）',
      '抓落实，贵在真抓。面对新形势新任务，党员干部必须坚持实事求是，从群众的急难愁盼出发，扑下身子解决问题。',
      '抓落实，重在常态。要把功夫下在平时，把标准立在日常，以钉钉子精神推动各项部署落地见效，不搞一阵风。',
      '抓落实，成在担当。面对矛盾不回避，遇到困难不退缩，切实把为民造福的事情办好办实。',
      '新征程上，我们要坚持以人民为中心，深化改革、狠抓落实，以优异成绩回应人民期待。',
    ].join('\n'),
  ],
];

const OTHER_TEXTS: readonly [string, string][] = [
  [
    'an academic essay about politics, with 第一/第二',
    [
      '论公共选择中的搭便车问题',
      '我们知道，集体行动的困境早已是学者们讨论的题目。在我看来，规范理论和结构理论各有所长，但都难以单独解释个体为何参与。',
      '由此引出两个问题。第一，个体的道德动机能否替代选择性激励？第二，组织的规模如何影响参与的成本？',
      '对于第一个问题，理论上存在两种回答。一种认为道德约束足以维持合作，另一种则认为没有奖惩，合作终将瓦解。诚然，两种论证都能找到经验支持。',
      '本文认为，讨论政治参与不能脱离制度环境。换言之，动机与结构应当放在同一个框架中加以论证。',
    ].join('\n'),
  ],
  [
    'a business report with 一是/二是 and policy words',
    [
      '新能源车企三季度业绩分化',
      '据公司公告，三季度该企业营收同比增长百分之十二，净利润略有下滑。分析师认为，市场竞争加剧是主要原因。',
      '公司管理层表示，下一阶段将从两方面发力：一是加快新车型投放，二是优化海外销售渠道。',
      '受政策预期影响，板块股价本周走强，投资者对补贴延续的期待升温。多家券商上调了全年销量预测，但也提示价格战风险。',
      '业内人士指出，消费者对续航和价格更为敏感，产品迭代速度将决定企业能否守住市场份额。',
    ].join('\n'),
  ],
];

/** The vocabulary with one term left out, for every term. */
const WITHOUT_ONE: readonly [string, ReturnType<typeof vocabularyOf>][] = Object.keys(POLICY_TERMS).map((term) => [
  term,
  vocabularyOf(Object.fromEntries(Object.entries(POLICY_TERMS).filter(([t]) => t !== term))),
]);

/** The terms whose removal changes the text's verdict. */
function deciders(text: string): string[] {
  const verdict = judgeText({ text }).isPolicy;
  return WITHOUT_ONE.filter(([, vocabulary]) => judgeText({ text }, vocabulary).isPolicy !== verdict).map(([term]) => term);
}

describe('isPolicy on several signals', () => {
  test.each(POLICY_TEXTS)('policy: %s', (_name, text) => {
    expect(analyze({ text }).isPolicy).toBe(true);
  });

  test.each(OTHER_TEXTS)('not policy: %s', (_name, text) => {
    const result = analyze({ text });
    expect(result.isPolicy).toBe(false);
    expect(result.items).toEqual([]);
  });

  test.each([...POLICY_TEXTS, ...OTHER_TEXTS])('no single vocabulary word decides: %s', (_name, text) => {
    expect(deciders(text)).toEqual([]);
  });

  test('every signal is bounded: repeating one word a hundred times does not make a text policy', () => {
    const text = `${'党委'.repeat(100)}今天天气晴朗，球迷们去看了一场比赛。`;
    expect(judgeText({ text }).signals.vocabulary).toBeLessThanOrEqual(2);
    expect(analyze({ text }).isPolicy).toBe(false);
  });

  test('an author line naming an office tips a modest party text, and is not enough alone', () => {
    const body = '做好基层党建工作需要久久为功，要坚持问题导向，把党员群众的事办好。';
    const line = '（作者：中共某区委常委、组织部长）';
    expect(judgeText({ text: body }).signals.author).toBe(0);
    expect(judgeText({ text: body + line }).signals.author).toBeGreaterThan(0);
    expect(analyze({ text: line }).isPolicy).toBe(false);
  });

  test('the argument register takes points away, exhortation adds them', () => {
    expect(judgeText({ text: OTHER_TEXTS[0]![1] }).signals.register).toBeLessThan(0);
    expect(judgeText({ text: POLICY_TEXTS[0]![1] }).signals.register).toBeGreaterThan(0);
  });
});
