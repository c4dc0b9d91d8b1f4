import { describe, expect, test } from 'vitest';
import { analyze } from '../../../lib/analysis/index';
import type { Analysis, AnalysisItem, ItemKind } from '../../../lib/analysis/index';
import { precisionRecall, scoreFile } from '../../../lib/analysis/score';
import type { Gold } from '../../../lib/analysis/score';

function item(kind: ItemKind, text: string, marker: string | null = null): AnalysisItem {
  return { kind, marker, text, start: 0, end: 0, id: 0, parent: null };
}

function result(items: AnalysisItem[], isPolicy = true): Analysis {
  const outline = { nodes: [], sections: 0, measures: 0, formulations: 0, parallels: 0, counts: '' };
  return { isPolicy, score: isPolicy ? 1 : 0, title: null, items, outline };
}

const gold: Gold = {
  file: 'a.txt',
  isPolicy: true,
  leads: [{ starts: '——八项规定影响深远' }],
  directives: [
    { marker: '其一', starts: '是推进工作实践' },
    { marker: '第一', starts: '坚持系统谋划' },
  ],
  slogans: ['十二五', '五好'],
  parallels: ['党建带团建、工建、妇建'],
};

describe('scoreFile (LABELING.md scoring rules)', () => {
  test('directives match without punctuation and across the marker boundary', () => {
    const score = scoreFile(gold, result([item('directive', '是推进工作实践', '其一'), item('directive', '，坚持系统谋划。', '第一')]), '');
    expect(score.kinds.directive).toMatchObject({ truePositives: 2, falsePositives: 0, falseNegatives: 0 });
  });

  test('a directive sharing fewer than marker + 4 characters does not match', () => {
    const score = scoreFile(gold, result([item('directive', '是推进', '其一')]), '');
    expect(score.kinds.directive).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 2 });
  });

  test('leads compare their first 8 characters, opening dashes set aside', () => {
    const score = scoreFile(gold, result([item('lead', '八项规定影响深远。')]), '');
    expect(score.kinds.lead.truePositives).toBe(1);
  });

  test('an unlabelled slogan counts against precision only when it is not quoted in the article', () => {
    const found = [item('slogan', '十二五'), item('slogan', '两张皮'), item('slogan', '三个月')];
    const score = scoreFile(gold, result(found), '不搞“两张皮”，用了三个月。');
    expect(score.kinds.slogan).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1, extras: ['三个月'] });
  });

  test('parallels match by containment within 4 characters', () => {
    const score = scoreFile(gold, result([item('parallel', '团建、工建、妇建')]), '');
    expect(score.kinds.parallel.truePositives).toBe(1);
    const far = scoreFile(gold, result([item('parallel', '工建、妇建')]), '');
    expect(far.kinds.parallel.truePositives).toBe(0);
  });

  test('a non-policy gold article is scored on isPolicy and marks only', () => {
    const negative = { ...gold, isPolicy: false };
    const score = scoreFile(negative, result([item('directive', '是推进工作实践', '其一')]), '');
    expect(score.policyCorrect).toBe(false);
    expect(score.marksOnNonPolicy).toBe(1);
    expect(score.kinds.directive.truePositives).toBe(0);
  });

  test('precisionRecall', () => {
    expect(precisionRecall({ truePositives: 3, falsePositives: 1, falseNegatives: 3 })).toEqual({ precision: 0.75, recall: 0.5 });
    expect(precisionRecall({ truePositives: 0, falsePositives: 0, falseNegatives: 0 })).toEqual({ precision: 1, recall: 1 });
  });
});

describe('isPolicy from the text itself', () => {
  test.each([
    ['a party-building commentary', '各级党组织要深入贯彻落实党中央决策部署，坚持全面从严治党，推进党的建设。一是加强党员教育。二是完善制度机制。'],
    ['a government notice', '吉林省人民政府关于禁止新增建设项目的通告。各有关部门要严格执行国家和省政府相关规定，依法查处。特此通告。'],
    ['an author line naming an office beside party words', '做好基层党建工作需要久久为功，各级党组织要坚持问题导向，把党员群众的事办好。（作者：中共石景山区委常委、组织部长）'],
  ])('policy: %s', (_name, text) => {
    expect(analyze({ text }).isPolicy).toBe(true);
  });

  test.each([
    ['sports news', '姚明对周琦说了啥？周琦上下半场判若两人，球迷热议，球员表示比赛很艰难。'],
    ['business news with 一是/二是', '公司总经理表示，合资企业的产品定位有两条路线：一是取高端，二是高质低价，市场反应积极。'],
    ['science news', '科学家发现宇航员在太空中饮酒后果严重，研究团队发表了论文。'],
  ])('not policy: %s (and then no marks)', (_name, text) => {
    const result = analyze({ text });
    expect(result.isPolicy).toBe(false);
    expect(result.items).toEqual([]);
  });

  test('force shows the marks of a text that is not policy', () => {
    const text = '公司表示有两条路线：一是取高端，二是高质低价。';
    expect(analyze({ text, force: true }).items.map((i) => i.marker)).toEqual(['一是', '二是']);
  });
});
