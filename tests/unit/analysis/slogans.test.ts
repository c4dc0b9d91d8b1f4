import { describe, expect, test } from 'vitest';
import { itemsOf } from './helpers';

const slogansOf = (text: string): string[] => [...new Set(itemsOf(text, 'slogan').map((s) => s.text))];

describe('slogans: formulations that should be found', () => {
  test.each([
    ['a quoted slogan', '达成“组织创先进、党员争优秀、群众得实惠”的总要求。', '组织创先进、党员争优秀、群众得实惠'],
    ['a quoted plan name', '现在是“十二五”开局的关键时期。', '十二五'],
    ['a two-character quoted formulation', '用好“五好”基层党组织载体。', '五好'],
    ['corner quotes', '落实「一岗双责」要求。', '一岗双责'],
    ['single quotes inside double quotes', '唱好新时代西部‘双城记’”。', '双城记'],
    ['quoted slogan ending in ！', '“百年接力，强国有我！”活动启动。', '百年接力，强国有我'],
    ['unquoted 三严三实 by shape', '深入开展三严三实专题教育。', '三严三实'],
    ['unquoted 两学一做 by shape', '推进两学一做学习教育常态化。', '两学一做'],
    ['unquoted N个 formulation', '统筹国内国际两个大局。', '两个大局'],
    ['unquoted N大 formulation', '坚持团结和民主两大主题。', '两大主题'],
    ['unquoted N件大事', '统筹发展安全两件大事。', '两件大事'],
    ['unquoted plan name 十四五', '十四五时期经济社会发展。', '十四五'],
    ['a known formulation from the list', '持之以恒纠治四风问题。', '四风'],
    ['Traditional characters fold to the known list', '堅持四個全面戰略布局。', '四個全面'],
  ])('%s', (_name, text, slogan) => {
    expect(slogansOf(text)).toContain(slogan);
  });
});

describe('slogans: what is not a formulation', () => {
  test.each([
    ['quoted speech with a sentence end', '他说：“我们一定要把工作做好。明天继续。”'],
    ['a single quoted character (scare quote)', '让党员教育“活”起来。'],
    ['a holiday name', '在博物馆里过“七一”。'],
    ['titles in 《》', '发布《军队装备试验鉴定规定》。'],
    ['plain counts', '用了三个月时间，两个人，三个方面的工作，两大部分。'],
    ['number idioms', '一心一意，四面八方，五湖四海，千辛万苦。'],
    ['congress numbers', '党的十九届四中全会，市政协五届一次会议。'],
    ['a quoted number', '增长“3.5%”。'],
    ['an over-long quote', '“这是一个非常非常非常长的引文内容超过了三十个字符的限制所以不是提法啊”'],
  ])('%s', (_name, text) => {
    expect(slogansOf(text)).toEqual([]);
  });

  test('a formulation is marked at every place it occurs, one item per occurrence', () => {
    const text = '针对“十二五”发展，确保“十二五”顺利开局，十二五规划。';
    const items = itemsOf(text, 'slogan');
    expect(items).toHaveLength(3);
    for (const item of items) expect(text.slice(item.start, item.end)).toBe('十二五');
  });

  test('a two-character formulation is marked only where it stands in quotes', () => {
    const items = itemsOf('用好“五好”载体，五好家庭。', 'slogan');
    expect(items).toHaveLength(1);
  });
});
