/** Sync's merge rule, one case per row, and the refusal of change files that are cut or foreign. */
import { describe, expect, test } from 'vitest';
import type { AnnotationRecord } from '@/lib/model/records';
import { conflictCopyId, CONFLICT_TAG, parseBatch, parseHead, takeRemote, type SyncedNote } from '@/lib/sync/changes';
import { SyncError } from '@/lib/sync/webdav';

const ID = '3f2a9c4e-1b7d-4e8a-9c0f-5a6b7c8d9e0f';

function version(revision: number, updatedAt: number, note: string, extra: Partial<SyncedNote> = {}): SyncedNote {
  return {
    id: ID, articleKey: 'www.gov.cn/a', quote: { exact: '摘录', prefix: '', suffix: '' }, position: { start: 0, end: 2 }, color: 'yellow',
    note, createdAt: 1, updatedAt, tags: [], revision, deletedAt: null, unplacedAt: null, ...extra,
  };
}

describe('taking in a remote version of a note', () => {
  const clean = (r: number, t: number, note: string): SyncedNote => version(r, t, note, { syncedRevision: r });
  type Row = [string, SyncedNote | undefined, AnnotationRecord, (result: SyncedNote[]) => void];
  const rows: Row[] = [
    ['a note the device lacks is added, clean', undefined, version(1, 10, '甲'), (r) => expect(r).toEqual([{ ...version(1, 10, '甲'), syncedRevision: 1 }])],
    ['a clean note gives way to a later remote edit', clean(1, 10, '甲'), version(2, 20, '乙'), (r) => expect(r.map((n) => n.note)).toEqual(['乙'])],
    ['a clean note stays when the remote one is older', clean(3, 30, '丙'), version(2, 20, '乙'), (r) => expect(r).toEqual([])],
    ['the same version again changes nothing', clean(2, 20, '乙'), version(2, 20, '乙'), (r) => expect(r).toEqual([])],
    ['our own sent version coming back marks it clean', version(2, 20, '乙', { syncedRevision: 1 }), version(2, 20, '乙'), (r) => expect(r).toEqual([{ ...version(2, 20, '乙'), syncedRevision: 2 }])],
    ['a remote version from before our edit is old news', version(3, 30, '丙', { syncedRevision: 2 }), version(2, 20, '乙'), (r) => expect(r).toEqual([])],
    ['both edited alike: one record, clean', version(2, 30, '同', { syncedRevision: 1 }), version(2, 20, '同'), (r) => expect(r).toEqual([{ ...version(2, 30, '同'), syncedRevision: 2 }])],
  ];
  test.each(rows)('%s', (_name, local, remote, check) => check(takeRemote(local, remote)));

  test('both edited differently: the later stays current, the other becomes a tagged copy; both devices make the same records', () => {
    const base = 1;
    const mine = version(2, 100, '本机的修改', { syncedRevision: base });
    const theirs = version(2, 200, '另一台电脑的修改');
    const here = takeRemote(mine, theirs);
    const there = takeRemote({ ...theirs, syncedRevision: base }, mine);
    expect(here).toHaveLength(2);
    const [current, copy] = here;
    expect(current!.note).toBe('另一台电脑的修改');
    expect(current!.revision).toBe(3);
    expect(copy!.note).toBe('本机的修改');
    expect(copy!.tags).toContain(CONFLICT_TAG);
    expect(copy!.id).not.toBe(ID);
    expect(copy!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const strip = ({ syncedRevision: _base, ...n }: SyncedNote): Omit<SyncedNote, 'syncedRevision'> => n;
    expect(there.map(strip)).toEqual(here.map(strip));
  });

  test('an edit against a deletion keeps the edit visible', () => {
    const deletedHere = version(2, 300, '甲', { syncedRevision: 1, deletedAt: 300 });
    const editedThere = version(2, 200, '修改后的批注');
    const result = takeRemote(deletedHere, editedThere);
    const live = result.filter((n) => n.deletedAt === null);
    expect(live.map((n) => n.note)).toEqual(['修改后的批注']);
  });

  test('conflict copy ids differ by the losing time and are stable', () => {
    expect(conflictCopyId(ID, 1_700_000_000_000)).toBe(conflictCopyId(ID, 1_700_000_000_000));
    expect(conflictCopyId(ID, 1_700_000_000_000)).not.toBe(conflictCopyId(ID, 1_700_000_000_001));
  });
});

describe('change files are checked whole before anything is applied', () => {
  const good = {
    format: 'yandu-sync-changes', version: 1, device: 'dev-a', seq: 3,
    articles: [{ key: 'www.gov.cn/a', url: 'http://www.gov.cn/a', title: '通知', site: 'www.gov.cn', firstSeenAt: 1, lastSeenAt: 2 }],
    notes: [version(1, 10, '甲')],
  };
  const cases: [string, string, RegExp][] = [
    ['cut short', JSON.stringify(good).slice(0, 100), /不完整或已损坏/],
    ['another program', JSON.stringify({ hello: 'world' }), /内容有误/],
    ['a newer version', JSON.stringify({ ...good, version: 2 }), /更新版本/],
    ['in the wrong place', JSON.stringify({ ...good, seq: 4 }), /与其位置不符/],
    ['a note without its article', JSON.stringify({ ...good, articles: [] }), /内容不一致/],
  ];
  test.each(cases)('%s', (_name, text, message) => {
    let error: unknown;
    try {
      parseBatch(text, 'yandu-sync/dev-a/00000003.json', 'dev-a', 3);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).code).toBe('bad-file');
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/本机笔记未受影响/);
  });
  test('a good file and head parse', () => {
    expect(parseBatch(JSON.stringify(good), 'p', 'dev-a', 3).notes).toHaveLength(1);
    expect(parseHead(JSON.stringify({ format: 'yandu-sync-changes', device: 'dev-a', seq: 3 }), 'h').seq).toBe(3);
  });
});
