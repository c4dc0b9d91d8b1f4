import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '@/lib/analysis';
import { panelModel } from '@/lib/reader/panel-model';

const SEED_PAGE = 'tests/fixtures/site/dangjian.people.com.cn/n1/2011/0315/c117092-seed.html';

/** The seed article's paragraphs, read from the fixture page. */
function seedText(): string {
  const html = readFileSync(SEED_PAGE, 'utf8');
  return [...html.matchAll(/<p>([^<]*)<\/p>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<')).join('\n');
}

describe('panelModel', () => {
  const analysis = analyze({ text: seedText() });
  const model = panelModel(analysis);

  test('the tree has the four leads on top and their directives under them', () => {
    expect(model.nodes.map((n) => n.kind)).toEqual(['lead', 'lead', 'lead', 'lead']);
    expect(model.nodes[0]!.label).toContain('围绕中心、服务大局');
    expect(model.nodes.map((n) => n.children.length)).toEqual([3, 7, 4, 0]);
    expect(model.nodes[1]!.children.every((c) => c.kind === 'directive')).toBe(true);
  });

  test('formulations are distinct, counted, in order of first occurrence', () => {
    const texts = model.formulations.map((f) => f.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts[0]).toBe('组织创先进、党员争优秀、群众得实惠');
    const shierwu = model.formulations.find((f) => f.text === '十二五')!;
    expect(shierwu.count).toBe(analysis.items.filter((i) => i.kind === 'slogan' && i.text === '十二五').length);
    expect(shierwu.count).toBeGreaterThan(1);
    const first = analysis.items.find((i) => i.kind === 'slogan' && i.text === '十二五')!;
    expect(shierwu.id).toBe(first.id);
  });
});
