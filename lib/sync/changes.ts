/**
 * What devices exchange through the sync server, and how a device takes in
 * another's change. Pure.
 *
 * Each device writes only its own folder: numbered change files
 * (`<device>/00000001.json`, …, each a batch of notes with their articles) and
 * `<device>/head.json` naming the last number. Other devices read the files
 * after the last one they took in. A note travels whole, with its revision;
 * deletions travel as notes with `deletedAt` (tombstones).
 *
 * A note is “dirty” on a device when it was changed there since it was last
 * exchanged (`syncedRevision` < `revision`). Taking in a remote version:
 * - a note the device lacks is added;
 * - a clean local note gives way to a later version (revision, then time);
 * - a dirty local note against a remote version that also changed since their
 *   common base is a conflict: the later edit stays current and the other is
 *   kept as a visible conflict copy (tag 冲突副本) — nothing is lost, and both
 *   devices make the same two records, so they converge.
 */
import * as v from 'valibot';
import { AnnotationSchema, ArticleSchema } from '../backup/format';
import { issueText } from '../backup/parse';
import type { AnnotationRecord, ArticleRecord } from '../model/records';
import { withoutDerived } from '../db/database';
import { SyncError } from './webdav';

/** The `format` marker of change files. */
export const CHANGES_FORMAT = 'yandu-sync-changes';
/** Their version; raise it when they change shape. */
export const CHANGES_VERSION = 1;
/** The tag a conflict copy carries, so the reader can find and resolve them. */
export const CONFLICT_TAG = '冲突副本';

/** A note as sync keeps it: with the revision it was last exchanged at. */
export type SyncedNote = AnnotationRecord & { syncedRevision?: number };

/** One change file. */
export interface ChangeBatch {
  format: typeof CHANGES_FORMAT;
  version: number;
  /** The device that wrote it. */
  device: string;
  /** Its number in that device's sequence (1, 2, …). */
  seq: number;
  /** The articles of its notes. */
  articles: ArticleRecord[];
  /** The notes, whole (without derived search terms or sync bookkeeping). */
  notes: AnnotationRecord[];
}

/** The head file of a device folder. */
export interface DeviceHead {
  format: typeof CHANGES_FORMAT;
  device: string;
  /** The number of its last change file (0 before the first). */
  seq: number;
}

const seqNumber = v.pipe(v.number(), v.integer(), v.minValue(0));
const HeadSchema = v.object({ format: v.literal(CHANGES_FORMAT), device: v.pipe(v.string(), v.minLength(1)), seq: seqNumber });
const BatchSchema = v.object({
  format: v.literal(CHANGES_FORMAT),
  version: v.literal(CHANGES_VERSION),
  device: v.pipe(v.string(), v.minLength(1)),
  seq: seqNumber,
  articles: v.array(ArticleSchema),
  notes: v.array(AnnotationSchema),
});

/** The file name of change file `seq`: 8 digits, so names sort in order. */
export function batchName(seq: number): string {
  return `${String(seq).padStart(8, '0')}.json`;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SyncError('bad-file', `服务器上的同步文件 ${where} 不完整或已损坏，已跳过；本机笔记未受影响。`);
  }
}

/** Checks a head file; throws SyncError('bad-file') when it is not ours or is cut. */
export function parseHead(text: string, where: string): DeviceHead {
  const result = v.safeParse(HeadSchema, parseJson(text, where));
  if (!result.success) throw new SyncError('bad-file', `服务器上的 ${where} 不是研读的同步文件（${issueText(result.issues)}），已跳过；本机笔记未受影响。`);
  return result.output;
}

/** Checks a change file completely before anything of it is applied. */
export function parseBatch(text: string, where: string, device: string, seq: number): ChangeBatch {
  const json = parseJson(text, where);
  const marker = json as { format?: unknown; version?: unknown };
  if (marker?.format === CHANGES_FORMAT && typeof marker.version === 'number' && marker.version > CHANGES_VERSION) {
    throw new SyncError('bad-file', `服务器上的同步文件 ${where} 来自更新版本的研读，请先更新扩展；本机笔记未受影响。`);
  }
  const result = v.safeParse(BatchSchema, json);
  if (!result.success) throw new SyncError('bad-file', `服务器上的同步文件 ${where} 内容有误（${issueText(result.issues)}），已跳过；本机笔记未受影响。`);
  if (result.output.device !== device || result.output.seq !== seq) {
    throw new SyncError('bad-file', `服务器上的同步文件 ${where} 与其位置不符，已跳过；本机笔记未受影响。`);
  }
  const articles = new Set(result.output.articles.map((a) => a.key));
  if (result.output.notes.some((n) => !articles.has(n.articleKey))) {
    throw new SyncError('bad-file', `服务器上的同步文件 ${where} 内容不一致（笔记所属文章缺失），已跳过；本机笔记未受影响。`);
  }
  return result.output as unknown as ChangeBatch;
}

/** The note as it travels: without derived fields and without sync bookkeeping. */
export function travelling(note: SyncedNote): AnnotationRecord {
  const { syncedRevision: _base, ...rest } = withoutDerived(note);
  return rest;
}

/** Whether the note changed on this device since it was last exchanged. */
export function isDirty(note: SyncedNote): boolean {
  return (note.syncedRevision ?? 0) < note.revision;
}

/** Whether `a` is a later version than `b` (revision, then time). */
function later(a: AnnotationRecord, b: AnnotationRecord): boolean {
  return a.revision > b.revision || (a.revision === b.revision && a.updatedAt > b.updatedAt);
}

/** What the reader sees of a note: two versions that agree on it are the same. */
function sameContent(a: AnnotationRecord, b: AnnotationRecord): boolean {
  return (
    a.note === b.note &&
    a.color === b.color &&
    a.deletedAt === b.deletedAt &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i])
  );
}

/** The edit that stays current in a conflict: the later in time; on a tie, the one whose text sorts last (the same on every device). */
function winnerOf(a: AnnotationRecord, b: AnnotationRecord): [AnnotationRecord, AnnotationRecord] {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? [a, b] : [b, a];
  return JSON.stringify(travelling(a)) >= JSON.stringify(travelling(b)) ? [a, b] : [b, a];
}

/**
 * The id of a conflict copy: the note's UUID with its last 48 bits mixed with
 * the losing version's time, so that every device derives the same id (and
 * the result is still a UUID, as messages require).
 */
export function conflictCopyId(id: string, updatedAt: number): string {
  const last = id.slice(-12);
  const HALF = 2 ** 24;
  const hi = (parseInt(last.slice(0, 6), 16) ^ Math.floor(updatedAt / HALF) % HALF) >>> 0;
  const lo = (parseInt(last.slice(6), 16) ^ updatedAt % HALF) >>> 0;
  return `${id.slice(0, -12)}${hi.toString(16).padStart(6, '0')}${lo.toString(16).padStart(6, '0')}`;
}

/** The conflict copy of the losing version: an id that every device derives alike, the tag 冲突副本, never deleted by the conflict. */
export function conflictCopy(loser: AnnotationRecord): AnnotationRecord {
  return {
    ...travelling(loser),
    id: conflictCopyId(loser.id, loser.updatedAt),
    tags: loser.tags.includes(CONFLICT_TAG) ? [...loser.tags] : [...loser.tags, CONFLICT_TAG],
    revision: 1,
  };
}

/**
 * The records to store when a remote version of a note comes in (empty: keep
 * what is stored). Records that must travel on are dirty (no syncedRevision at
 * their revision); records that all devices reach alike are clean.
 */
export function takeRemote(local: SyncedNote | undefined, remote: AnnotationRecord): SyncedNote[] {
  if (!local) return [{ ...remote, syncedRevision: remote.revision }];
  if (local.revision === remote.revision && local.updatedAt === remote.updatedAt) {
    return isDirty(local) ? [{ ...local, syncedRevision: local.revision }] : [];
  }
  if (!isDirty(local)) return later(remote, local) ? [{ ...remote, syncedRevision: remote.revision }] : [];
  // Local was changed here. A remote version from before our base is old news: ours travels on.
  if (remote.revision <= (local.syncedRevision ?? 0)) return [];
  if (sameContent(local, remote)) {
    const [winner] = winnerOf(local, remote);
    const revision = Math.max(local.revision, remote.revision);
    return [{ ...travelling(winner), revision, syncedRevision: revision }];
  }
  const [winner, loser] = winnerOf(local, remote);
  const revision = Math.max(local.revision, remote.revision) + 1;
  // Both devices make these two records from the same two versions; both travel on (the device that sent the
  // losing version before it met the other has no copy yet).
  return [{ ...travelling(winner), revision }, conflictCopy(loser)];
}
