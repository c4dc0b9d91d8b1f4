import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { deleteAnnotation, saveAnnotation } from '@/lib/db/annotations';
import type { YanduDb } from '@/lib/db/database';
import { openDb } from '@/lib/db/schema';
import { studyRecordFromDb } from '@/lib/export/from-db';
import { SEED_TEXT, SEED_TITLE, seedAnalysisResult } from './fixture';

let db: YanduDb;
let name: string;
beforeEach(() => {
  name = `export-${crypto.randomUUID()}`;
  db = openDb(name);
});
afterEach(async () => {
  db.close();
  await indexedDB.deleteDatabase(name);
});

const URL_ = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-14149658.html';

describe('study record from stored notes', () => {
  test('live notes with their tags, deleted ones left out, the outline from the analysis', async () => {
    const save = (exact: string, tags: string[]) => {
      const start = SEED_TEXT.indexOf(exact);
      return saveAnnotation(db, {
        page: { url: URL_, title: SEED_TITLE },
        quote: { exact, prefix: '', suffix: '' },
        position: { start, end: start + exact.length },
        color: 'blue',
        note: '心得',
        tags,
      });
    };
    await save('要加强组织覆盖', ['组织建设']);
    const gone = await save('要丰富实践载体', []);
    await deleteAnnotation(db, gone.id);
    const [article] = await db.articles.toArray();
    const record = studyRecordFromDb(
      [{ article: article!, annotations: await db.annotations.toArray(), analysis: seedAnalysisResult() }],
      { now: new Date(2026, 10, 28, 9).getTime() },
    );
    expect(record.studyDate).toBe('2026-11-28');
    expect(record.title).toBe('');
    const [mapped] = record.articles;
    expect(mapped).toMatchObject({ title: SEED_TITLE, url: URL_, source: '', published: null });
    expect(mapped!.highlights.map((h) => [h.quote, h.tags, h.color])).toEqual([['要加强组织覆盖', ['组织建设'], 'blue']]);
    const analysis = seedAnalysisResult();
    expect(mapped!.outline.map((e) => e.label)).toEqual(analysis.outline.nodes.map((n) => analysis.items[n.item]!.text));
    expect(mapped!.outline.flatMap((e) => e.children).map((e) => e.marker)).toContain('一是');
  });
});
