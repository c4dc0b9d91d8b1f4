/**
 * 学习包: the file checked whole before anything is written, the rule per
 * note, and import into a real (fake-indexeddb) database between two readers.
 */
import { describe, expect, test } from 'vitest';
import { BackupError } from '@/lib/backup';
import { deleteAnnotation, saveAnnotation, updateAnnotation } from '@/lib/db/annotations';
import { findNotes } from '@/lib/db/search';
import { OWN_NOTES } from '@/lib/model/notebook';
import type { AnnotationRecord, NoteAuthor } from '@/lib/model/records';
import type { YanduDb } from '@/lib/db/database';
import { freshDatabases } from '../notebook/fresh-db';
import { importStudyPack, studyPackOf } from '@/lib/db/study-pack';
import { studyRecordOf } from '@/lib/notebook/study-record';
import { layoutRecord } from '@/lib/export/layout';
import type { AnnotationDraft } from '@/lib/protocol/schema';
import { packNoteAction, parseStudyPack, STUDY_PACK_FORMAT, type PackNote } from '@/lib/sync/study-pack';

const freshDb = freshDatabases();

const URL_A = 'http://dangjian.people.com.cn/n1/2026/1101/c1-1.html';
const URL_B = 'http://www.gov.cn/zhengce/2026-11/02/content_2.htm';
const ALICE: NoteAuthor = { id: 'member-alice', name: '李华', branch: '机关第一党支部' };
const BOB: NoteAuthor = { id: 'member-bob', name: '王强', branch: '机关第一党支部' };

function draft(exact: string, url = URL_A, rest: Partial<AnnotationDraft> = {}): AnnotationDraft {
  return {
    page: { url, title: url === URL_A ? '扎实推进基层组织建设' : '关于改进调查研究的通知' },
    quote: { exact, prefix: '前', suffix: '后' },
    position: { start: 5, end: 5 + exact.length },
    color: 'yellow',
    note: '',
    ...rest,
  };
}

async function packText(db: YanduDb, member: NoteAuthor, articleKeys: string[], now = 50_000): Promise<string> {
  return JSON.stringify(await studyPackOf(db, { articleKeys, noteIds: [] }, member, now));
}

describe('the file is checked whole, with a Chinese message, before anything is written', () => {
  const good = {
    format: STUDY_PACK_FORMAT,
    version: 1,
    exportedAt: '2026-11-29T08:00:00.000Z',
    member: ALICE,
    articles: [{ key: 'example.gov.cn/a', url: 'http://example.gov.cn/a', title: '标题', site: 'example.gov.cn', firstSeenAt: 1, lastSeenAt: 2 }],
    notes: [
      {
        id: 'n1', articleKey: 'example.gov.cn/a', quote: { exact: '摘录', prefix: '', suffix: '' }, position: { start: 0, end: 2 },
        color: 'green', note: '体会', createdAt: 1, updatedAt: 1, tags: [], revision: 1, deletedAt: null, unplacedAt: null,
      },
    ],
  };
  const cases: [string, string, RegExp][] = [
    ['empty', '', /空的/],
    ['not JSON', '你好', /不是研读学习包/],
    ['cut short', JSON.stringify(good).slice(0, 80), /不完整/],
    ['a backup instead', JSON.stringify({ format: 'yandu-backup', version: 1 }), /备份文件，不是学习包/],
    ['another program', JSON.stringify({ hello: 1 }), /缺少学习包标记/],
    ['newer', JSON.stringify({ ...good, version: 9 }), /更新版本/],
    ['no member id', JSON.stringify({ ...good, member: { ...ALICE, id: '' } }), /成员编号/],
    ['a note of an article left out', JSON.stringify({ ...good, articles: [] }), /不在学习包中/],
    ['a bad colour', JSON.stringify({ ...good, notes: [{ ...good.notes[0], color: 'black' }] }), /第 1 条笔记/],
  ];
  test.each(cases)('%s is refused', async (_name, text, message) => {
    const error = await parseStudyPack(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/现有数据未作任何更改/);
  });

  test('a good file parses, and a note cannot claim an author of its own', async () => {
    const pack = await parseStudyPack(JSON.stringify({ ...good, notes: [{ ...good.notes[0], author: BOB }] }));
    expect(pack.member).toEqual(ALICE);
    expect(pack.notes[0]).not.toHaveProperty('author');
    expect(pack.articles[0]!.outline).toEqual([]);
  });
});

describe('what importing one note does', () => {
  const note = (revision: number, updatedAt: number, author?: NoteAuthor): AnnotationRecord => ({
    id: 'x', articleKey: 'k', quote: { exact: 'q', prefix: '', suffix: '' }, position: { start: 0, end: 1 }, color: 'yellow',
    note: '', createdAt: 1, updatedAt, tags: [], revision, deletedAt: null, unplacedAt: null, ...(author ? { author } : {}),
  });
  const incoming: PackNote = note(2, 10);
  const cases: [string, AnnotationRecord | undefined, string | undefined, string][] = [
    ['new note', undefined, ALICE.id, 'add'],
    ['same member, older stored', note(1, 5, ALICE), ALICE.id, 'update'],
    ['same member, same revision, older time', note(2, 5, ALICE), ALICE.id, 'update'],
    ['same member, already current', note(2, 10, ALICE), ALICE.id, 'keep'],
    ['same member, stored is later', note(3, 20, ALICE), ALICE.id, 'keep'],
    ["the reader's own note is never overwritten by a member", note(1, 5), ALICE.id, 'keep'],
    ["one member's note is never overwritten by another's", note(1, 5, BOB), ALICE.id, 'keep'],
    ["the reader's own pack updates their own older note", note(1, 5), undefined, 'update'],
  ];
  test.each(cases)('%s', (_name, stored, authorId, action) => {
    expect(packNoteAction(stored, incoming, authorId)).toBe(action);
  });
});

describe('between two readers', () => {
  test("B gets A's notes under A's name; a newer pack updates them without duplicates; B's own stay", async () => {
    const a = freshDb();
    const b = freshDb();
    const first = await saveAnnotation(a, draft('把调查研究作为基本功', URL_A, { note: '要下沉一线' }), 1_000);
    const second = await saveAnnotation(a, draft('问需于民', URL_A, { color: 'green' }), 2_000);
    await saveAnnotation(a, draft('别的文章', URL_B, { note: '不在包里' }), 3_000);
    const mine = await saveAnnotation(b, draft('深入基层', URL_A, { note: '我自己的体会' }), 4_000);
    const keyA = first.articleKey;

    const one = await importStudyPack(b, await packText(a, ALICE, [keyA]), BOB);
    expect(one).toMatchObject({ own: false, added: 2, updated: 0, kept: 0, articlesAdded: 0 });
    const stored = await b.annotations.get(first.id);
    expect(stored?.author).toEqual(ALICE);
    expect(stored?.note).toBe('要下沉一线');
    expect(await b.annotations.count()).toBe(3);

    // A edits one note and deletes the other, then sends a newer pack.
    await updateAnnotation(a, { id: first.id, revision: first.revision, note: '要下沉一线，摸清实情' }, 5_000);
    await deleteAnnotation(a, second.id, 6_000);
    const again = await importStudyPack(b, await packText(a, ALICE, [keyA], 60_000), BOB);
    expect(again).toMatchObject({ added: 0, updated: 2 });
    expect(await b.annotations.count()).toBe(3);
    expect((await b.annotations.get(first.id))?.note).toBe('要下沉一线，摸清实情');
    expect((await b.annotations.get(second.id))?.deletedAt).toBe(6_000);
    expect(await b.annotations.get(mine.id)).toEqual(expect.objectContaining({ note: '我自己的体会' }));
    expect((await b.annotations.get(mine.id))?.author).toBeUndefined();

    // The same pack again changes nothing.
    const same = await importStudyPack(b, await packText(a, ALICE, [keyA], 60_000), BOB);
    expect(same).toMatchObject({ added: 0, updated: 0, kept: 2 });

    // The notebook filters by member, and search finds A's note.
    const byAlice = await findNotes(b, { author: ALICE.id }, 'newest', 0, 10);
    expect(byAlice.matches.map((m) => m.note.id)).toEqual([first.id]);
    const own = await findNotes(b, { author: OWN_NOTES }, 'newest', 0, 10);
    expect(own.matches.map((m) => m.note.id)).toEqual([mine.id]);
    const searched = await findNotes(b, { query: '摸清实情' }, 'relevance', 0, 10);
    expect(searched.matches.map((m) => m.note.id)).toEqual([first.id]);
  });

  test("the study record lists each member's 重点摘录 and 心得体会 under their name", async () => {
    const a = freshDb();
    const b = freshDb();
    const note = await saveAnnotation(a, draft('坚持问题导向', URL_A, { note: '甲的体会' }), 1_000);
    await saveAnnotation(b, draft('坚持系统观念', URL_A, { note: '乙的体会' }), 2_000);
    await importStudyPack(b, await packText(a, ALICE, [note.articleKey]), BOB);
    const record = await studyRecordOf(b, { articleKeys: [note.articleKey], noteIds: [] });
    const blocks = layoutRecord({ ...record, reader: BOB });
    const texts = blocks.map((block) => ('text' in block ? block.text : ''));
    const excerpts = texts.indexOf('四、重点摘录');
    const reflections = texts.indexOf('五、心得体会');
    const inExcerpts = texts.slice(excerpts, reflections);
    const inReflections = texts.slice(reflections);
    expect(inExcerpts).toContain('（一）王强（机关第一党支部）');
    expect(inExcerpts).toContain('（二）李华（机关第一党支部）');
    expect(inExcerpts.indexOf('坚持系统观念')).toBeLessThan(inExcerpts.indexOf('（二）李华（机关第一党支部）'));
    expect(inExcerpts.indexOf('坚持问题导向')).toBeGreaterThan(inExcerpts.indexOf('（二）李华（机关第一党支部）'));
    expect(inReflections.indexOf('甲的体会')).toBeGreaterThan(inReflections.indexOf('（二）李华（机关第一党支部）'));
    expect(inReflections.indexOf('乙的体会')).toBeGreaterThan(inReflections.indexOf('（一）王强（机关第一党支部）'));
  });

  test('a pack with none of the reader’s own notes is not made; a failing write changes nothing', async () => {
    const a = freshDb();
    const b = freshDb();
    const note = await saveAnnotation(a, draft('抓落实', URL_A), 1_000);
    await expect(studyPackOf(b, { articleKeys: [note.articleKey], noteIds: [] }, BOB)).rejects.toThrow(/没有您自己的笔记/);
    const text = await packText(a, ALICE, [note.articleKey]);
    b.close();
    await expect(importStudyPack(b, text, BOB)).rejects.toThrow(/导入学习包中途失败/);
  });
});
