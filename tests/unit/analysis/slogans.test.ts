import { describe, expect, test } from 'vitest';
import { itemsOf } from './helpers';

const slogansOf = (text: string): string[] => [...new Set(itemsOf(text, 'slogan').map((s) => s.text))];

describe('slogans: formulations that should be found', () => {
  test.each([
    ['a quoted slogan', '朝着“组织创先进、党员争优秀、群众得实惠”的方向努力。', '组织创先进、党员争优秀、群众得实惠'],
    ['a quoted plan name', '回顾“十二五”期间的变化。', '十二五'],
    ['a two-character quoted formulation', '评选“五好”村级组织。', '五好'],
    ['corner quotes', '落实「一岗双责」要求。', '一岗双责'],
    ['single quotes inside double quotes', '他说要“打好‘组合拳’”。', '组合拳'],
    ['quoted slogan ending in ！', '“青春建功，奋斗有我！”主题活动开幕。', '青春建功，奋斗有我'],
    ['unquoted 三严三实 by shape', '深入开展三严三实专题教育。', '三严三实'],
    ['unquoted 两学一做 by shape', '推进两学一做学习教育常态化。', '两学一做'],
    ['unquoted N个 formulation', '心里装着两个大局。', '两个大局'],
    ['unquoted N大 formulation', '围绕两大主题开展协商。', '两大主题'],
    ['unquoted N件大事', '办好民生两件大事。', '两件大事'],
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
    ['titles in 《》', '印发《村级财务管理办法》。'],
    ['plain counts', '用了三个月时间，两个人，三个方面的工作，两大部分。'],
    ['number idioms', '一心一意，四面八方，五湖四海，千辛万苦。'],
    ['congress numbers', '党的十八届六中全会，县政协七届二次会议。'],
    ['a quoted number', '增长“3.5%”。'],
    ['an over-long quote', '“这是一个非常非常非常长的引文内容超过了三十个字符的限制所以不是提法啊”'],
  ])('%s', (_name, text) => {
    expect(slogansOf(text)).toEqual([]);
  });

  test('a formulation is marked at every place it occurs, one item per occurrence', () => {
    const text = '编制“十二五”规划，总结“十二五”成就，十二五时期。';
    const items = itemsOf(text, 'slogan');
    expect(items).toHaveLength(3);
    for (const item of items) expect(text.slice(item.start, item.end)).toBe('十二五');
  });

  test('a two-character formulation is marked only where it stands in quotes', () => {
    const items = itemsOf('用好“五好”载体，五好家庭。', 'slogan');
    expect(items).toHaveLength(1);
  });
});
