/** Search, the 提法库 and the notebook queries on fake-indexeddb. */
import { Dexie } from 'dexie';
import { describe, expect, test, vi } from 'vitest';
import { importBackup, exportBackup } from '@/lib/backup';
import { saveAnnotation, updateAnnotation, deleteAnnotation } from '@/lib/db/annotations';
import { countFormulations, listFormulations, recordAnalysis, sightingsOf } from '@/lib/db/formulations';
import { deleteNotes, popupSnapshot, queryArticles, queryNotes, restoreNotes } from '@/lib/db/notebook';
import { studyRecordOf } from '@/lib/notebook/study-record';
import type { YanduDb } from '@/lib/db/database';
import { openDb } from '@/lib/db/schema';
import { searchNotes } from '@/lib/db/search';
import type { AnalysisRecord, AnnotationDraft } from '@/lib/protocol/schema';
import { freshDatabases } from './fresh-db';

const fresh = freshDatabases();

const A = 'http://www.gov.cn/zhengce/a.htm';
const B = 'http://dangjian.people.com.cn/n1/b.html';

function draft(url: string, exact: string, rest: Partial<AnnotationDraft> = {}): AnnotationDraft {
  return {
    page: { url, title: url === A ? '关于推进基层治理能力建设的通知' : '紧抓工作重点 突出实践特色' },
    quote: { exact, prefix: '', suffix: '' },
    position: { start: 0, end: exact.length },
    color: 'yellow',
    note: '',
    ...rest,
  };
}

async function populate(db: YanduDb): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  ids.party = (await saveAnnotation(db, draft(A, '一是要健全基层党组织领导的治理机制'), 1_000)).id;
  ids.noteOnly = (await saveAnnotation(db, draft(B, '要加强组织覆盖', { note: '基層黨組織要全覆蓋', color: 'green' }), 2_000)).id;
  ids.chars = (await saveAnnotation(db, draft(A, '打牢基础，层层压实责任', { tags: ['三会一课'] }), 3_000)).id;
  ids.tagged = (await saveAnnotation(db, draft(B, '组织创先进、党员争优秀', { tags: ['基层党组织'], color: 'blue' }), 4_000)).id;
  return ids;
}

describe('search', () => {
  test.each([
    ['基层党组织', ['tagged', 'noteOnly', 'party']],
    ['党组', ['tagged', 'noteOnly', 'party']],
    ['层层', ['chars']],
    ['基', ['tagged', 'noteOnly', 'chars', 'party']],
    ['机制', ['party']],
    ['三会一课', ['chars']],
    ['不存在的词', []],
  ])('%s finds exactly its notes, ranked', async (query, expected) => {
    const db = fresh();
    const ids = await populate(db);
    const { matches } = await searchNotes(db, query);
    const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    expect(matches.map((m) => names[m.note.id])).toEqual(expected);
  });

  test('search follows edits, deletion, restore and backup import', async () => {
    const db = fresh();
    const ids = await populate(db);
    const note = await updateAnnotation(db, { id: ids.party!, revision: 1, note: '学习全面从严治党' });
    expect((await searchNotes(db, '从严治党')).matches.map((m) => m.note.id)).toEqual([ids.party]);
    await deleteAnnotation(db, note.id);
    expect((await searchNotes(db, '从严治党')).matches).toEqual([]);
    const copy = fresh();
    await importBackup(copy, (await exportBackup(db)).data);
    expect((await searchNotes(copy, '层层')).matches.map((m) => m.note.id)).toEqual([ids.chars]);
    expect((await searchNotes(copy, '基层党组织')).matches).toHaveLength(2);
  });

  test('a note saved or deleted in another tab is found (or gone) at the open notebook’s next search', async () => {
    const notebook = fresh();
    await populate(notebook);
    expect((await searchNotes(notebook, '一岗双责')).total).toBe(0);
    // Another page (the background, another tab): its own connection to the same database.
    const other = openDb(notebook.name);
    const saved = await saveAnnotation(other, draft(A, '严格落实一岗双责'), 9_000);
    expect((await searchNotes(notebook, '一岗双责')).matches.map((m) => m.note.id)).toEqual([saved.id]);
    await updateAnnotation(other, { id: saved.id, revision: 1, note: '再学习', tags: ['廉政'] });
    expect((await searchNotes(notebook, '廉政')).total).toBe(1);
    await deleteAnnotation(other, saved.id);
    expect((await searchNotes(notebook, '一岗双责')).total).toBe(0);
    // A third page opening now reads the stored packs and the notes written since.
    const third = openDb(notebook.name);
    expect((await searchNotes(third, '基层党组织')).total).toBe(3);
    expect((await searchNotes(third, '一岗双责')).total).toBe(0);
    other.close();
    third.close();
  });

  test('a list shows each article as stored now: a title written by another page shows at the next list', async () => {
    const notebook = fresh();
    await populate(notebook);
    const titles = async (): Promise<string[]> => (await queryNotes(notebook, { query: '组织' }, 'newest', 0, 10)).rows.map((r) => r.articleTitle);
    expect(await titles()).toEqual(['紧抓工作重点 突出实践特色', '紧抓工作重点 突出实践特色', '关于推进基层治理能力建设的通知']);
    // Once every article is held in memory, lists read them from there.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await titles()).toEqual(['紧抓工作重点 突出实践特色', '紧抓工作重点 突出实践特色', '关于推进基层治理能力建设的通知']);
    const other = openDb(notebook.name);
    const key = (await other.articles.where('site').equals('www.gov.cn').primaryKeys())[0] as string;
    // Written as a sync or an import writes it (no visit, the same lastSeenAt).
    await other.articles.update(key, { title: '关于推进基层治理能力建设的通知（修订）' });
    expect(await titles()).toEqual(['紧抓工作重点 突出实践特色', '紧抓工作重点 突出实践特色', '关于推进基层治理能力建设的通知（修订）']);
    // An article and its note written by the other page show at once too.
    await saveAnnotation(other, draft('http://www.12371.cn/c.htm', '组织生活会要开出质量', { }), 9_000);
    expect((await queryNotes(notebook, { query: '组织生活会' }, 'newest', 0, 10)).rows.map((r) => r.articleUrl)).toEqual(['http://www.12371.cn/c.htm']);
    other.close();
  });

  test('a save and an edit of one note in the same millisecond, read between them, are both seen', async () => {
    // The clock stands still: the two writes get the same Date.now(). Schema v6–v7 found writes by a time
    // stamp, which had to differ (with Date.now() stamps, save, search and edit in a tight loop missed the
    // edit 54 times in 200); v8's write log numbers the writes themselves, and no time is read.
    const notebook = fresh();
    await populate(notebook);
    await searchNotes(notebook, '一岗双责');
    const other = openDb(notebook.name);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      const saved = await saveAnnotation(other, draft(A, '严格落实一岗双责'));
      expect((await searchNotes(notebook, '一岗双责')).total).toBe(1);
      await updateAnnotation(other, { id: saved.id, revision: 1, note: '再学习', tags: ['廉政'] });
      expect((await searchNotes(notebook, '廉政')).matches.map((m) => m.note.id)).toEqual([saved.id]);
    } finally {
      vi.useRealTimers();
      other.close();
    }
  });

  test('matches carry ranges into the original text', async () => {
    const db = fresh();
    const ids = await populate(db);
    const { matches } = await searchNotes(db, '基层党组织');
    const noteOnly = matches.find((m) => m.note.id === ids.noteOnly)!;
    expect(noteOnly.noteRanges).toEqual([{ start: 0, end: 5 }]);
    expect(noteOnly.quoteRanges).toEqual([]);
    expect('terms' in noteOnly.note).toBe(false);
    expect('touchedAt' in noteOnly.note).toBe(false);
  });
});

describe('upgrade from version 2', () => {
  test('a version 2 database with notes is searchable, nothing else changed', async () => {
    const name = `v2-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores({ articles: 'key, lastSeenAt, site', annotations: 'id, articleKey, createdAt, deletedAt', tags: 'name', meta: 'key' });
    const notes = Array.from({ length: 30 }, (_, i) => ({
      id: crypto.randomUUID(),
      articleKey: 'www.gov.cn/a.htm',
      quote: { exact: i % 3 === 0 ? `第${i}条 基层党组织建设` : `第${i}条 组织生活`, prefix: '', suffix: '' },
      position: { start: i, end: i + 5 },
      color: 'yellow',
      note: '',
      createdAt: i,
      updatedAt: i,
      tags: [],
      revision: 1,
      deletedAt: null,
      unplacedAt: null,
    }));
    await v2.table('articles').add({ key: 'www.gov.cn/a.htm', url: A, title: '通知', site: 'www.gov.cn', firstSeenAt: 0, lastSeenAt: 1 });
    await v2.table('annotations').bulkAdd(notes);
    v2.close();
    const db = fresh(name);
    expect(await db.annotations.count()).toBe(30);
    expect((await searchNotes(db, '基层党组织')).matches).toHaveLength(10);
    const stored = await db.annotations.get(notes[1]!.id);
    expect({ ...stored, touchedAt: undefined }).toEqual({ ...notes[1], touchedAt: undefined });
  });
});

function analysis(url: string, formulations: [string, number][]): AnalysisRecord {
  return {
    page: { url, title: url === A ? '关于推进基层治理能力建设的通知' : '紧抓工作重点 突出实践特色' },
    source: '中国政府网',
    published: '2026-11-20',
    counts: '2个方面 · 3项举措',
    outline: [{ kind: 'lead', marker: null, label: '要把夯实基层基础摆在更加突出的位置', children: [{ kind: 'directive', marker: '一是', label: '要健全治理机制', children: [] }] }],
    formulations: formulations.map(([text, count]) => ({ text, count, sentences: [`句子里有${text}。`] })),
  };
}

describe('提法库', () => {
  test('counts articles and times, first and last seen; a re-read replaces the article’s counts', async () => {
    const db = fresh();
    await recordAnalysis(db, analysis(A, [['一线工作法', 2], ['接诉即办', 1]]), 1_000);
    await recordAnalysis(db, analysis(B, [['一线工作法', 1], ['五好', 3]]), 2_000);
    let list = await listFormulations(db, { offset: 0, limit: 10 });
    expect(list[0]).toEqual({ text: '一线工作法', articles: 2, times: 3, firstSeenAt: 1_000, lastSeenAt: 2_000 });
    expect(list).toHaveLength(3);
    await recordAnalysis(db, analysis(A, [['一线工作法', 1]]), 3_000);
    list = await listFormulations(db, { offset: 0, limit: 10 });
    expect(list.find((f) => f.text === '一线工作法')).toMatchObject({ articles: 2, times: 2, firstSeenAt: 1_000, lastSeenAt: 3_000 });
    expect(list.find((f) => f.text === '接诉即办')).toBeUndefined();
    expect((await sightingsOf(db, '一线工作法', 10)).map((s) => s.url)).toEqual([A, B]);
    expect(await countFormulations(db, 1_500)).toBe(1);
    expect((await listFormulations(db, { since: 1_500, offset: 0, limit: 10 })).map((f) => f.text)).toEqual(['五好']);
  });
});

describe('notebook queries', () => {
  test.each([
    [{}, ['tagged', 'chars', 'noteOnly', 'party']],
    [{ site: 'www.gov.cn' }, ['chars', 'party']],
    [{ tag: '三会一课' }, ['chars']],
    [{ color: 'green' as const }, ['noteOnly']],
    [{ kind: 'note' as const }, ['noteOnly']],
    [{ from: 2_000, to: 4_000 }, ['chars', 'noteOnly']],
    [{ query: '组织', site: 'dangjian.people.com.cn' }, ['tagged', 'noteOnly']],
  ])('filter %j', async (filter, expected) => {
    const db = fresh();
    const ids = await populate(db);
    const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    const { rows } = await queryNotes(db, filter, 'newest', 0, 50);
    expect(rows.map((r) => names[r.note.id])).toEqual(expected);
  });

  test('pages, oldest first, delete many and undo, popup snapshot, articles with counts, study record', async () => {
    const db = fresh();
    const ids = await populate(db);
    const first = await queryNotes(db, {}, 'oldest', 0, 3);
    expect(first.hasMore).toBe(true);
    expect((await queryNotes(db, {}, 'oldest', 3, 3)).rows.map((r) => r.note.id)).toEqual([ids.tagged]);
    await deleteNotes(db, [ids.party!, ids.chars!]);
    expect((await queryNotes(db, {}, 'newest', 0, 50)).rows).toHaveLength(2);
    await restoreNotes(db, [ids.party!, ids.chars!]);
    expect((await queryNotes(db, {}, 'newest', 0, 50)).rows).toHaveLength(4);

    await recordAnalysis(db, analysis(A, [['一线工作法', 1]]), 5_000);
    const popup = await popupSnapshot(db, { url: `${A}#yd-note=x` });
    expect(popup.page.map((r) => r.note.id)).toEqual([ids.party, ids.chars]);
    expect(popup.summary?.counts).toBe('2个方面 · 3项举措');
    expect(popup.recentArticles.map((r) => [r.article.title, r.notes])).toEqual([
      ['紧抓工作重点 突出实践特色', 2],
      ['关于推进基层治理能力建设的通知', 2],
    ]);
    expect((await queryArticles(db, { query: '治理能力' }, 0, 10)).rows.map((r) => r.article.url)).toEqual([A]);

    const record = await studyRecordOf(db, { articleKeys: [popup.recentArticles[1]!.article.key], noteIds: [ids.tagged!] }, Date.UTC(2026, 10, 28));
    expect(record.articles.map((a) => [a.title, a.highlights.length, a.outline.length, a.published])).toEqual([
      ['关于推进基层治理能力建设的通知', 2, 1, '2026-11-20'],
      ['紧抓工作重点 突出实践特色', 1, 0, null],
    ]);
  });
});
