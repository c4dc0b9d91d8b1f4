/** Settings applied to an analysis: kinds switched off are neither marked nor listed; colours go into CSS only when valid. */
import { describe, expect, test } from 'vitest';
import { analyze, type ItemKind } from '@/lib/analysis';
import { ALL_KINDS } from '@/lib/model/kinds';
import { kindColorStyle, onlyKinds } from '@/lib/reader/mark-kinds';

const TEXT = [
  '要把围绕中心、服务大局摆在更加突出的位置。创先争优活动只有与经济社会发展紧密结合，才能始终保持正确方向。',
  '一是要认真学习领会中央精神，坚持“四个全面”，在活动中掀起学习理论的新热潮；二是要扎实开展调查研究，听民意、解民忧、排民难。',
  '要把抓好基层、打好基础摆在更加突出的位置。三是要立足自身实际谋划具体工作，找准落实上级精神的着力点和切入点。',
].join('\n');

function outlineIds(nodes: readonly { item: number; children: readonly unknown[] }[]): number[] {
  return nodes.flatMap((n) => [n.item, ...outlineIds(n.children as typeof nodes)]);
}

describe('onlyKinds', () => {
  const full = analyze({ text: TEXT, title: '紧抓工作重点', force: true });

  test('all kinds on: the analysis itself', () => {
    expect(onlyKinds(full, new Set(ALL_KINDS))).toBe(full);
  });

  test.each<ItemKind[]>([['directive'], ['lead'], ['slogan', 'parallel'], []])('only %j: items and outline of those kinds', (...kinds) => {
    const on = new Set<ItemKind>(kinds);
    const shown = onlyKinds(full, on);
    expect(shown.items.every((item) => on.has(item.kind))).toBe(true);
    expect(shown.items.length).toBe(full.items.filter((item) => on.has(item.kind)).length);
    const kept = new Set(shown.items.map((item) => item.id));
    expect(outlineIds(shown.outline.nodes).every((id) => kept.has(id))).toBe(true);
  });

  test('directives stay in the outline when their leads are off', () => {
    const directives = onlyKinds(full, new Set<ItemKind>(['directive']));
    expect(outlineIds(directives.outline.nodes).length).toBe(directives.items.length);
  });
});

describe('kindColorStyle', () => {
  test.each([
    [{ directive: '#ff0000' }, /yd-mark\[data-kind="directive"\] \{ background: #ff000038/],
    [{ lead: '#00AA00', slogan: '#123456' }, /data-kind="lead".*\n.*data-kind="slogan"/],
  ])('uses %j', (colors, pattern) => {
    expect(kindColorStyle(colors)).toMatch(pattern);
  });

  test.each([{ directive: 'red; } body { display: none' }, { lead: 'url(x)' }, { slogan: '#12345' }, {}])('ignores %j', (colors) => {
    expect(kindColorStyle(colors)).toBe('');
  });
});
