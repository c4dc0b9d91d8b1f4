import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { BackupError, exportBackup, importBackup, parseBackup, type BackupFile } from '@/lib/backup';
import { withoutDerived } from '@/lib/db/database';
import { deleteAnnotation, saveAnnotation } from '@/lib/db/annotations';
import type { AnnotationRecord } from '@/lib/model/records';
import type { YanduDb } from '@/lib/db/database';
import { openDb } from '@/lib/db/schema';
import { searchNotes } from '@/lib/db/search';
import type { AnnotationDraft } from '@/lib/protocol/schema';

const opened: { db: YanduDb; name: string }[] = [];
function freshDb(): YanduDb {
  const name = `backup-${crypto.randomUUID()}`;
  const db = openDb(name);
  opened.push({ db, name });
  return db;
}
afterEach(async () => {
  for (const { db, name } of opened.splice(0)) {
    db.close();
    await indexedDB.deleteDatabase(name);
  }
});

const SEED_URL = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-14149658.html';
const GOV_URL = 'http://www.gov.cn/zhengce/2026-11/20/content_1.htm';

function draft(exact: string, url = SEED_URL, rest: Partial<AnnotationDraft> = {}): AnnotationDraft {
  return {
    page: { url, title: url === SEED_URL ? '紧抓工作重点 突出实践特色' : '关于加强基层党建工作的意见' },
    quote: { exact, prefix: '前文', suffix: '后文' },
    position: { start: 10, end: 10 + exact.length },
    color: 'yellow',
    note: '',
    ...rest,
  };
}

/** Two articles, three notes with tags, one of them deleted. */
async function populate(db: YanduDb): Promise<AnnotationRecord[]> {
  const a = await saveAnnotation(db, draft('组织创先进、党员争优秀、群众得实惠', SEED_URL, { note: '总要求', tags: ['总要求', '三会一课'] }), 1_000);
  const b = await saveAnnotation(db, draft('要加强组织覆盖', SEED_URL, { color: 'green', tags: ['组织建设'] }), 2_000);
  const c = await saveAnnotation(db, draft('健全组织', GOV_URL, { note: '=1+2' }), 3_000);
  await deleteAnnotation(db, b.id, 4_000);
  return [a, b, c];
}

/** Every backed-up table's records, sorted, as plain JSON (to compare databases). */
/** The reader's data in every table (without bookkeeping such as a note's touchedAt). */
async function snapshot(db: YanduDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of [db.articles, db.annotations, db.tags]) {
    out[table.name] = (await table.toArray()).map((r) => JSON.stringify(withoutDerived(r as unknown as Record<string, unknown>))).sort();
  }
  return out;
}

async function backupText(db: YanduDb): Promise<string> {
  return new TextDecoder().decode((await exportBackup(db, { now: Date.UTC(2026, 10, 28, 8) })).data);
}

let source: YanduDb;
let target: YanduDb;
beforeEach(async () => {
  source = freshDb();
  target = freshDb();
  await populate(source);
});

describe('backup round trip', () => {
  test('the file is one JSON document with a format marker, a version and every table but meta', async () => {
    const file = await exportBackup(source, { now: Date.UTC(2026, 10, 28, 8) });
    expect(file.filename).toBe('研读备份-2026-11-28.json');
    expect(file.mime).toBe('application/json');
    const json = JSON.parse(new TextDecoder().decode(file.data)) as BackupFile;
    expect(json).toMatchObject({ format: 'yandu-backup', version: 1, exportedAt: '2026-11-28T08:00:00.000Z', dbVersion: source.verno });
    expect(json.counts).toEqual({ articles: 2, annotations: 3, tags: 3, summaries: 0, formulations: 0, sightings: 0 });
    expect(Object.keys(json.tables).sort()).toEqual(['annotations', 'articles', 'formulations', 'sightings', 'summaries', 'tags']);
  });

  test('an empty database gets everything back, deleted notes and tags included', async () => {
    const summary = await importBackup(target, await backupText(source));
    expect(await snapshot(target)).toEqual(await snapshot(source));
    expect(summary).toMatchObject({ added: 8, updated: 0, skipped: 0 });
    expect(summary.byTable.annotations).toEqual({ added: 3, updated: 0, skipped: 0 });
  });

  test('importing the same backup again adds nothing', async () => {
    const text = await backupText(source);
    await importBackup(target, text);
    const before = await snapshot(target);
    const again = await importBackup(target, text);
    expect(again).toMatchObject({ added: 0, updated: 0, skipped: 8 });
    expect(await snapshot(target)).toEqual(before);
  });

  test('an empty database: two notes of the file with the same article and quote are added once; the restore is searchable at once', async () => {
    const first = (await source.annotations.toArray()).find((n) => n.quote.exact === '组织创先进、党员争优秀、群众得实惠')!;
    await source.annotations.add({ ...first, id: 'same-quote-other-id', note: '另一份' });
    const summary = await importBackup(target, await backupText(source));
    expect(summary.byTable.annotations).toEqual({ added: 3, updated: 0, skipped: 1 });
    expect(await target.annotations.count()).toBe(3);
    // The column was built from the restored notes themselves and stored with them.
    const meta = (await target.searchPacks.get(0)) as { count: number };
    expect(meta.count).toBe(2);
    expect((await searchNotes(target, '党员争优秀')).total).toBe(1);
    expect((await searchNotes(target, '健全组织')).total).toBe(1);
  });

  test('import reads a Blob or bytes as well as text', async () => {
    const text = await backupText(source);
    await importBackup(target, new Blob([text], { type: 'application/json' }));
    await importBackup(target, new TextEncoder().encode(text));
    expect(await target.annotations.count()).toBe(3);
  });
});

describe('merging with what is there', () => {
  test('the same article and quote under another id is not added twice; other notes are', async () => {
    await saveAnnotation(target, draft('组织创先进、党员争优秀、群众得实惠', SEED_URL, { note: '我自己的批注' }), 500);
    await saveAnnotation(target, draft('只在目标库中', GOV_URL), 600);
    const summary = await importBackup(target, await backupText(source));
    expect(summary.byTable.annotations).toEqual({ added: 2, updated: 0, skipped: 1 });
    const notes = await target.annotations.toArray();
    expect(notes).toHaveLength(4);
    expect(notes.filter((n) => n.quote.exact === '组织创先进、党员争优秀、群众得实惠').map((n) => n.note)).toEqual(['我自己的批注']);
  });

  test('the same id: the later edit wins, whichever side has it', async () => {
    const text = await backupText(source);
    await importBackup(target, text);
    const [a, , c] = (await source.annotations.toCollection().sortBy('createdAt')) as AnnotationRecord[];
    await target.annotations.update(a!.id, { note: '目标库里更新的批注', revision: 2, updatedAt: 9_000 });
    await source.annotations.update(c!.id, { note: '源库里更新的批注', revision: 3, updatedAt: 9_500 });
    const summary = await importBackup(target, await backupText(source));
    expect(summary.byTable.annotations).toEqual({ added: 0, updated: 1, skipped: 2 });
    expect((await target.annotations.get(a!.id))!.note).toBe('目标库里更新的批注');
    expect((await target.annotations.get(c!.id))!.note).toBe('源库里更新的批注');
  });

  test('articles merge: first seen is the earliest, last seen the latest', async () => {
    await saveAnnotation(target, draft('别的摘录', SEED_URL), 50);
    await saveAnnotation(target, draft('又一条摘录', SEED_URL), 9_000);
    await importBackup(target, await backupText(source));
    const article = (await target.articles.toArray()).find((a) => a.url === SEED_URL)!;
    expect([article.firstSeenAt, article.lastSeenAt]).toEqual([50, 9_000]);
  });
});

/** Builds a changed copy of the source's backup. */
async function tampered(change: (file: BackupFile) => unknown): Promise<string> {
  const file = JSON.parse(await backupText(source)) as BackupFile;
  return JSON.stringify(change(file) ?? file);
}

describe('a bad file is refused with a clear message and nothing changes', () => {
  test.each<[string, () => Promise<string | Uint8Array>, RegExp]>([
    ['an empty file', async () => '', /备份文件是空的/],
    ['a text file', async () => '会议纪要：学习贯彻', /这不是研读的备份文件（不是 JSON 格式）/],
    ['some other program’s JSON', async () => '{"version":4,"data":[]}', /这不是研读的备份文件（缺少研读备份标记）/],
    ['a Word file', async () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x81]), /这不是研读的备份文件（文件不是文本/],
    ['a file cut in half', async () => (await backupText(source)).slice(0, 300), /备份文件不完整（可能下载或复制时被截断）/],
    ['a file with garbage in the middle', async () => (await backupText(source)).replace('"tables":{', '"tables":{,,'), /备份文件已损坏/],
    ['a table shorter than its count', async () => tampered((f) => void f.tables.annotations!.pop()), /备份文件不完整：笔记应有 3 条，实际只有 2 条/],
    ['a note with an unknown colour', async () => tampered((f) => void (f.tables.annotations![1]!.color = 'black')), /笔记第 2 条（color：颜色无效）/],
    ['a note without its quote', async () => tampered((f) => void delete f.tables.annotations![0]!.quote), /笔记第 1 条（quote/],
    ['the same note twice', async () => tampered((f) => { f.tables.annotations![1] = f.tables.annotations![0]!; }), /笔记第 2 条与前面的重复/],
    ['a note whose article is missing', async () => tampered((f) => { f.tables.articles = []; f.counts.articles = 0; }), /所属的文章不在备份中/],
    ['a newer backup format', async () => tampered((f) => ({ ...f, version: 99 })), /更新版本的研读导出（格式版本 99）/],
    ['a newer database version', async () => tampered((f) => ({ ...f, dbVersion: 99 })), /更新版本的研读（数据库版本 99）/],
    ['a table this version does not have', async () => tampered((f) => { f.tables.mindmaps = [{ id: 1 }]; f.counts.mindmaps = 1; }), /本版本不认识的数据（mindmaps）/],
  ])('%s', async (_case, make, message) => {
    await populate(target);
    const before = await snapshot(target);
    const error = await importBackup(target, await make()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).message).toMatch(message);
    expect((error as BackupError).message).toMatch(/现有数据未作任何更改/);
    expect(await snapshot(target)).toEqual(before);
  });

  test('parseBackup alone accepts a good file and fills fields older backups lack', async () => {
    const file = await parseBackup(
      await tampered((f) => {
        for (const note of f.tables.annotations!) {
          delete note.tags;
          delete note.revision;
        }
      }),
    );
    expect(file.tables.annotations!.map((n) => [n.tags, n.revision])).toEqual([[[], 1], [[], 1], [[], 1]]);
  });
});

describe('long imports: progress, cancellation, and all or nothing', () => {
  /** A backup of `n` notes on one article (several chunks of writing). */
  async function bigBackup(n: number): Promise<string> {
    const big = freshDb();
    const base = await saveAnnotation(big, draft('第0条', SEED_URL), 1);
    await big.annotations.bulkAdd(
      Array.from({ length: n - 1 }, (_, i) => ({ ...base, id: `note-${i + 1}`, quote: { ...base.quote, exact: `第${i + 1}条` } })),
    );
    return backupText(big);
  }

  test('progress rises to the total', async () => {
    const seen: number[] = [];
    await importBackup(target, await bigBackup(1_200), { onProgress: (p) => seen.push(p.done / p.total) });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await target.annotations.count()).toBe(1_200);
  });

  test('a failure halfway (after notes were written) rolls everything back', async () => {
    await populate(target);
    const before = await snapshot(target);
    const text = await bigBackup(1_200);
    const failing = importBackup(target, text, {
      onProgress: (p) => {
        if (p.done > 500) throw new Error('磁盘已满');
      },
    });
    await expect(failing).rejects.toThrow(/导入中途失败，已全部撤销.*磁盘已满/);
    expect(await snapshot(target)).toEqual(before);
  });

  test('a write the database refuses halfway rolls everything back', async () => {
    await populate(target);
    const before = await snapshot(target);
    let writes = 0;
    target.annotations.hook('creating', () => {
      writes += 1;
      if (writes === 700) throw new Error('写入被拒绝');
    });
    await expect(importBackup(target, await bigBackup(1_200))).rejects.toBeInstanceOf(BackupError);
    expect(writes).toBe(700);
    expect(await snapshot(target)).toEqual(before);
  });

  test('cancelling halfway rejects with AbortError and keeps nothing', async () => {
    const controller = new AbortController();
    const run = importBackup(target, await bigBackup(1_200), {
      signal: controller.signal,
      onProgress: (p) => p.done > 500 && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(await target.annotations.count()).toBe(0);
  });

  test('an export reports progress and can be cancelled', async () => {
    const seen: number[] = [];
    await exportBackup(source, { onProgress: (p) => seen.push(p.done) });
    expect(seen[seen.length - 1]).toBe(8);
    const controller = new AbortController();
    controller.abort();
    await expect(exportBackup(source, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('backups carry data, not derived index data', () => {
  test('a backup holds no search column and no index fields; an older backup with terms still imports, without them', async () => {
    const json = JSON.parse(await backupText(source)) as BackupFile;
    expect(Object.keys(json.tables)).not.toContain('searchPacks');
    for (const record of [...json.tables.annotations!, ...json.tables.articles!]) {
      expect(record).not.toHaveProperty('terms');
      expect(record).not.toHaveProperty('touchedAt');
    }
    // A backup as schema v5 wrote it: every note and article with its index terms.
    const old = await tampered((f) => {
      f.dbVersion = 5;
      for (const note of f.tables.annotations!) note.terms = ['组织␁䀀䀀䀀', '组', '\u0002*␁䀀䀀䀀'];
      for (const article of f.tables.articles!) article.terms = ['紧抓', '紧'];
    });
    const summary = await importBackup(target, old);
    expect(summary.byTable.annotations).toEqual({ added: 3, updated: 0, skipped: 0 });
    expect(await snapshot(target)).toEqual(await snapshot(source));
    for (const record of [...(await target.annotations.toArray()), ...(await target.articles.toArray())]) expect(record).not.toHaveProperty('terms');
    expect((await searchNotes(target, '党员争优秀')).total).toBe(1);
  });

  test('a restore is searchable at once, also from a page that had the column loaded; a cancelled one leaves the search as it was', async () => {
    await populate(target);
    expect((await searchNotes(target, '第1条')).total).toBe(0);
    const controller = new AbortController();
    const text = await (async () => {
      const big = freshDb();
      const base = await saveAnnotation(big, draft('第0条', SEED_URL), 1);
      await big.annotations.bulkAdd(Array.from({ length: 1_499 }, (_, i) => ({ ...base, id: `note-${i + 1}`, quote: { ...base.quote, exact: `第${i + 1}条` } })));
      return backupText(big);
    })();
    const packsBefore = await target.searchPacks.toArray();
    await expect(importBackup(target, text, { signal: controller.signal, onProgress: (p) => p.done > 1_000 && controller.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await target.searchPacks.toArray()).toEqual(packsBefore);
    expect((await searchNotes(target, '第1条')).total).toBe(0);
    await importBackup(target, text);
    // “第1条” is in 第1条 and 第10…第19条, 第100…第199条, 第1000…第1499条.
    expect((await searchNotes(target, '第1条')).total).toBe(1);
    expect((await searchNotes(target, '第1')).total).toBe(1 + 10 + 100 + 500);
    // The packs were stored by the restore: they hold every note, and the write log holds nothing on top
    // of them (populate's notes and the 1,500 restored are in the packs), so a page opening now reads no note.
    const meta = (await target.searchPacks.get(0)) as { seq: number; count: number };
    expect(meta.count).toBe(1_500 + 2);
    expect(await target.noteWrites.where('seq').above(meta.seq).count()).toBe(0);
    expect(await target.noteWrites.count()).toBe(0);
    const opening = openDb(target.name);
    expect((await searchNotes(opening, '第1')).total).toBe(1 + 10 + 100 + 500);
    opening.close();
  });
});
