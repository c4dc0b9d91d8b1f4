/**
 * The search column against a plain scan: for random notes, queries, filters,
 * sorts and changes, the column finds exactly the notes a scan of every note
 * finds (the whole folded query in quote, note or a tag), with the scan's
 * scores, in the scan's order.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { rng } from '../../support/random';
import { fieldScore, foldQuery, OWN_AUTHOR, PACK_NOTES, SearchColumn, type ColumnQuery, type ColumnSort, type ColumnSource } from '@/lib/search';

const WORDS = ['基层', '党组织', '组织', '建设', '责任', '层层', '三会一课', '党员', '學習', 'ＡＢＣ', 'abc', '治理', '一岗双责', '，', ' '];
const TAGS = ['三会一课', '基层党建', '学习', '待核实'];
const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'];
const AUTHORS = ['m1', 'm2'];
const KEYS = ['www.gov.cn/a', 'www.gov.cn/b', 'www.12371.cn/c', 'dangjian.people.com.cn/d'];

function notes(count: number, seed: number): ColumnSource[] {
  const r = rng(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const text = (words: number): string => Array.from({ length: words }, () => pick(WORDS)).join('');
  return Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    articleKey: pick(KEYS),
    quote: { exact: text(1 + Math.floor(r() * 6)) },
    note: r() < 0.4 ? text(1 + Math.floor(r() * 4)) : '',
    tags: r() < 0.5 ? [...new Set([pick(TAGS), pick(TAGS)])] : [],
    color: pick(COLORS),
    // Many notes share a time: ties must not lose or repeat notes.
    createdAt: Math.floor(r() * count) * 10,
    deletedAt: r() < 0.05 ? 1 : null,
    unplacedAt: r() < 0.1 ? 1 : null,
    ...(r() < 0.2 ? { author: { id: pick(AUTHORS) } } : {}),
  }));
}

/** The plain scan: every live note, checked in full. */
function scan(all: readonly ColumnSource[], q: ColumnQuery): { id: string; score: number; createdAt: number }[] {
  return all
    .filter((n) => n.deletedAt === null)
    .filter((n) => !q.articles || q.articles.has(n.articleKey))
    .filter((n) => q.from === undefined || n.createdAt >= q.from)
    .filter((n) => q.to === undefined || n.createdAt < q.to)
    .filter((n) => q.tag === undefined || n.tags.includes(q.tag))
    .filter((n) => q.color === undefined || n.color === q.color)
    .filter((n) => q.author === undefined || (n.author?.id ?? OWN_AUTHOR) === q.author)
    .filter((n) => q.kind !== 'note' || n.note !== '')
    .filter((n) => q.kind !== 'highlight' || n.note === '')
    .filter((n) => q.kind !== 'unplaced' || n.unplacedAt !== null)
    .map((n) => ({
      id: n.id,
      createdAt: n.createdAt,
      score: q.query === '' ? 0 : fieldScore('quote', n.quote.exact, q.query) + fieldScore('note', n.note, q.query) + n.tags.reduce((s, t) => s + fieldScore('tags', t, q.query), 0),
    }))
    .filter((m) => q.query === '' || m.score > 0);
}

/** The scan's order: by time (ties by id), or by score then newest. */
function sorted(found: ReturnType<typeof scan>, sort: ColumnSort, searching: boolean): string[] {
  const newest = [...found].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  if (sort === 'oldest') return newest.reverse().map((m) => m.id);
  if (sort === 'relevance' && searching) return [...newest].sort((a, b) => b.score - a.score).map((m) => m.id);
  return newest.map((m) => m.id);
}

const queryArb = fc.record({
  query: fc.oneof(fc.constantFrom('', '基层', '党组织', '层', '层层', '三会一课', '学习', 'abc', '一岗双责', '组织建设', '不存在'), fc.constant('')),
  site: fc.option(fc.constantFrom(...KEYS), { nil: undefined }),
  from: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined }),
  to: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined }),
  tag: fc.option(fc.constantFrom(...TAGS), { nil: undefined }),
  color: fc.option(fc.constantFrom(...COLORS), { nil: undefined }),
  kind: fc.option(fc.constantFrom('note' as const, 'highlight' as const, 'unplaced' as const), { nil: undefined }),
  author: fc.option(fc.constantFrom(OWN_AUTHOR, ...AUTHORS), { nil: undefined }),
  sort: fc.constantFrom<ColumnSort>('newest', 'oldest', 'relevance'),
  offset: fc.integer({ min: 0, max: 30 }),
});

describe('search column', () => {
  const all = notes(400, 7);
  const column = SearchColumn.build(all);

  test('holds the live notes', () => {
    expect(column.size).toBe(all.filter((n) => n.deletedAt === null).length);
  });

  test('finds what a plain scan finds, with its scores and in its order', () => {
    fc.assert(
      fc.property(queryArb, (p) => {
        const q: ColumnQuery = { query: foldQuery(p.query), articles: p.site ? new Set([p.site]) : null, from: p.from, to: p.to, tag: p.tag, color: p.color, kind: p.kind, author: p.author };
        const truth = scan(all, q);
        const result = column.search(q, p.sort, p.offset, 20, true);
        expect(result.total).toBe(truth.length);
        expect(result.articleKeys).toEqual(new Set(truth.map((m) => all.find((n) => n.id === m.id)!.articleKey)));
        const expected = sorted(truth, p.sort, q.query !== '').slice(p.offset, p.offset + 20);
        expect(result.hits.map((h) => h.id)).toEqual(expected);
        const scores = new Map(truth.map((m) => [m.id, m.score]));
        for (const hit of result.hits) expect(hit.score).toBe(scores.get(hit.id));
        // Without the article keys (a list: filters alone keep only the page), the same page and count.
        const list = column.search(q, p.sort, p.offset, 20);
        expect(list.total).toBe(truth.length);
        expect(list.hits).toEqual(result.hits);
      }),
      { numRuns: 300 },
    );
  });

  test('folds the query like the text: width, script, case, white space', () => {
    const one = SearchColumn.build([{ id: 'x', articleKey: 'k', quote: { exact: '加強基層黨組織 建設' }, note: 'ＡＢＣ', tags: [], color: 'yellow', createdAt: 1, deletedAt: null, unplacedAt: null }]);
    for (const query of ['基层党组织建设', '基層 黨組', 'abc', 'Abc']) expect(one.search({ query: foldQuery(query) }, 'relevance', 0, 10).total).toBe(1);
    expect(one.search({ query: foldQuery('组织建设党') }, 'relevance', 0, 10).total).toBe(0);
  });
});

test('a plain list deep in a column of several packs: the page and the count of a scan', () => {
  const all = notes(2 * PACK_NOTES + 300, 11);
  const column = SearchColumn.build(all);
  const truth = scan(all, { query: '' });
  for (const sort of ['newest', 'oldest'] as const) {
    for (const offset of [0, PACK_NOTES - 10, PACK_NOTES, 2 * PACK_NOTES + 100, 3 * PACK_NOTES]) {
      const page = column.search({ query: '' }, sort, offset, 40);
      expect(page.total).toBe(truth.length);
      expect(page.hits.map((h) => h.id)).toEqual(sorted(truth, sort, false).slice(offset, offset + 40));
    }
  }
});

describe('changes', () => {
  test('new, edited, deleted and restored notes, a few or many at once, leave the column as if built anew', () => {
    for (const [count, changes] of [
      [300, 20],
      [2 * PACK_NOTES + 50, 30],
      [900, 700],
    ] as const) {
      const before = notes(count, count);
      const column = SearchColumn.build(before);
      const r = rng(changes);
      const fresh = notes(changes, 99).map((n, i) => ({ ...n, id: `new${i}`, createdAt: Math.floor(r() * count * 12) }));
      const edited = before.slice(0, changes).map((n, i) => ({ ...n, note: i % 2 ? '改为一岗双责' : n.note, deletedAt: i % 3 === 0 ? 5 : null }));
      // Deleted for good (gone from the notes table): named by id only; one the column never held.
      const gone = [...before.slice(changes, changes + 5).map((n) => n.id), 'never-held'];
      const after = new Map(before.map((n) => [n.id, n]));
      for (const n of [...fresh, ...edited]) after.set(n.id, n);
      for (const id of gone) after.delete(id);
      const rebuilt = SearchColumn.build(after.values());
      const same = (): void => {
        for (const query of ['', '一岗双责', '基层', '层']) {
          for (const sort of ['newest', 'oldest', 'relevance'] as const) {
            const q = { query: foldQuery(query) };
            expect(column.search(q, sort, 0, 50).total).toBe(rebuilt.search(q, sort, 0, 50).total);
            expect(column.search(q, sort, 0, 50).hits).toEqual(rebuilt.search(q, sort, 0, 50).hits);
          }
        }
        expect(column.size).toBe(rebuilt.size);
        for (const pack of column.packs) expect(pack.ids.length).toBeLessThanOrEqual(2 * PACK_NOTES);
      };
      column.apply([...fresh, ...edited], gone);
      same();
      // The same changes again (a note named by two rows of the write log) leave it as it is.
      column.apply([...fresh, ...edited], gone);
      same();
    }
  });
});
