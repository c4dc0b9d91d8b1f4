/**
 * One sync of this device with the reader's WebDAV server: first take in the
 * other devices' change files after the last one taken in (each file checked
 * whole, then applied in one transaction, then its number remembered, so a
 * sync that dies halfway resumes where it stopped), then send this device's
 * dirty notes in numbered files of CHUNK_NOTES. The rules of merging are in
 * changes.ts; the server verbs in webdav.ts. A failure stops the sync with a
 * SyncError and never changes what is stored beyond the files already taken in.
 */
import { MERGE_RULES, type BackupRecord } from '../backup/merge';
import type { AnnotationRecord, ArticleRecord } from '../model/records';
import { withoutDerived } from '../db/database';
import type { YanduDb } from '../db/database';
import {
  batchName,
  CHANGES_FORMAT,
  CHANGES_VERSION,
  isDirty,
  parseBatch,
  parseHead,
  takeRemote,
  travelling,
  type ChangeBatch,
  type DeviceHead,
  type SyncedNote,
} from './changes';
import { SyncError, type DavClient } from './webdav';

/** The folder under the reader's server that holds every device's files. */
export const SYNC_FOLDER = 'yandu-sync/';
/** Notes per change file: small enough to upload quickly and to resume often, large enough for few requests. */
export const CHUNK_NOTES = 500;

/** What a device remembers between syncs (extension storage). */
export interface SyncCursor {
  /** This device's random id (its folder's name). */
  device: string;
  /** The number of this device's last change file on the server. */
  seq: number;
  /** Per other device, the number of its last change file taken in. */
  taken: Record<string, number>;
}

/** How far a sync has come. */
export interface SyncProgress {
  /** 'pull': taking in other devices' files; 'push': sending this device's notes. */
  phase: 'pull' | 'push';
  /** Files (pull) or notes (push) done. */
  done: number;
  /** In all. */
  total: number;
}

/** What a sync did. */
export interface SyncReport {
  /** Notes added or changed here from other devices. */
  received: number;
  /** Notes sent. */
  sent: number;
  /** Conflicts met (each left a 冲突副本). */
  conflicts: number;
  /** Change files of other devices that were refused (cut or foreign), with why; they are retried next time. */
  refused: string[];
}

/** What the engine needs besides the database and the server. */
export interface SyncOptions {
  /** Called after each step with the cursor to keep (so a later sync resumes). */
  saveCursor: (cursor: SyncCursor) => Promise<void>;
  /** Progress, for the settings page. */
  onProgress?: (progress: SyncProgress) => void;
}

/** Applies one checked change file in one transaction; returns [changed notes, conflicts]. */
async function applyBatch(db: YanduDb, batch: ChangeBatch): Promise<[number, number]> {
  return db.transaction('rw', db.articles, db.annotations, async () => {
    const storedArticles = await db.articles.bulkGet(batch.articles.map((a) => a.key));
    const articles: ArticleRecord[] = [];
    batch.articles.forEach((incoming, i) => {
      const stored = storedArticles[i];
      if (!stored) return void articles.push(incoming);
      const merged = MERGE_RULES.articles!.resolve(stored as unknown as BackupRecord, incoming as unknown as BackupRecord);
      if (merged) articles.push(withoutDerived(merged) as unknown as ArticleRecord);
    });
    if (articles.length > 0) await db.articles.bulkPut(articles);
    const stored = (await db.annotations.bulkGet(batch.notes.map((n) => n.id))) as (SyncedNote | undefined)[];
    const puts: SyncedNote[] = [];
    let conflicts = 0;
    batch.notes.forEach((remote, i) => {
      const result = takeRemote(stored[i], remote);
      if (result.length > 1) conflicts += 1;
      puts.push(...result);
    });
    if (puts.length > 0) await db.annotations.bulkPut(puts as AnnotationRecord[]);
    return [puts.length - conflicts, conflicts];
  });
}

async function readHead(client: DavClient, device: string): Promise<DeviceHead | null> {
  const path = `${SYNC_FOLDER}${device}/head.json`;
  const text = await client.get(path);
  return text === null ? null : parseHead(text, path);
}

/** Takes in every other device's new change files. */
async function pull(db: YanduDb, client: DavClient, cursor: SyncCursor, options: SyncOptions, report: SyncReport): Promise<void> {
  const children = (await client.list(SYNC_FOLDER)) ?? [];
  const devices = children.filter((name) => name.endsWith('/')).map((name) => name.slice(0, -1)).filter((d) => d !== cursor.device);
  const heads: [string, number][] = [];
  for (const device of devices) {
    try {
      const head = await readHead(client, device);
      if (head && head.seq > (cursor.taken[device] ?? 0)) heads.push([device, head.seq]);
    } catch (error) {
      if (!(error instanceof SyncError) || error.code !== 'bad-file') throw error;
      report.refused.push(error.message);
    }
  }
  const total = heads.reduce((sum, [device, seq]) => sum + seq - (cursor.taken[device] ?? 0), 0);
  let done = 0;
  options.onProgress?.({ phase: 'pull', done, total });
  for (const [device, last] of heads) {
    for (let seq = (cursor.taken[device] ?? 0) + 1; seq <= last; seq += 1) {
      const path = `${SYNC_FOLDER}${device}/${batchName(seq)}`;
      const text = await client.get(path);
      let batch: ChangeBatch;
      try {
        if (text === null) throw new SyncError('bad-file', `服务器上缺少同步文件 ${path}，已跳过该设备；本机笔记未受影响。`);
        batch = parseBatch(text, path, device, seq);
      } catch (error) {
        if (!(error instanceof SyncError) || error.code !== 'bad-file') throw error;
        // Refused whole and not marked as taken: this device's later files wait until it is readable.
        report.refused.push(error.message);
        done += last - seq + 1;
        break;
      }
      const [received, conflicts] = await applyBatch(db, batch);
      report.received += received;
      report.conflicts += conflicts;
      cursor.taken = { ...cursor.taken, [device]: seq };
      await options.saveCursor({ ...cursor });
      options.onProgress?.({ phase: 'pull', done: (done += 1), total });
    }
  }
}

/** Sends every dirty note (with its article) in numbered files, then marks each sent note clean. */
async function push(db: YanduDb, client: DavClient, cursor: SyncCursor, options: SyncOptions, report: SyncReport): Promise<void> {
  const dirty = (await db.annotations.filter((note) => isDirty(note as SyncedNote)).toArray()) as SyncedNote[];
  if (dirty.length === 0) return;
  await client.mkcol(SYNC_FOLDER);
  await client.mkcol(`${SYNC_FOLDER}${cursor.device}/`);
  options.onProgress?.({ phase: 'push', done: 0, total: dirty.length });
  for (let i = 0; i < dirty.length; i += CHUNK_NOTES) {
    const chunk = dirty.slice(i, i + CHUNK_NOTES);
    const articles = (await db.articles.bulkGet([...new Set(chunk.map((n) => n.articleKey))])).filter((a): a is ArticleRecord => a !== undefined);
    const keys = new Set(articles.map((a) => a.key));
    const seq = cursor.seq + 1;
    const batch: ChangeBatch = {
      format: CHANGES_FORMAT,
      version: CHANGES_VERSION,
      device: cursor.device,
      seq,
      articles: articles.map(withoutDerived),
      notes: chunk.filter((n) => keys.has(n.articleKey)).map(travelling),
    };
    await client.put(`${SYNC_FOLDER}${cursor.device}/${batchName(seq)}`, JSON.stringify(batch));
    const head: DeviceHead = { format: CHANGES_FORMAT, device: cursor.device, seq };
    await client.put(`${SYNC_FOLDER}${cursor.device}/head.json`, JSON.stringify(head));
    cursor.seq = seq;
    await options.saveCursor({ ...cursor });
    // Clean only what did not change again meanwhile (an edit during the upload stays dirty). A modify of one
    // field leaves the search terms alone.
    const sent = new Map(batch.notes.map((n) => [n.id, n.revision]));
    await db.annotations
      .where(':id')
      .anyOf([...sent.keys()])
      .modify((note) => {
        const synced = note as SyncedNote;
        if (sent.get(synced.id) === synced.revision) synced.syncedRevision = synced.revision;
      });
    report.sent += batch.notes.length;
    options.onProgress?.({ phase: 'push', done: Math.min(i + CHUNK_NOTES, dirty.length), total: dirty.length });
  }
}

/** One whole sync: pull, then push. Throws SyncError; what was taken in before a failure stays (and is remembered). */
export async function syncOnce(db: YanduDb, client: DavClient, cursor: SyncCursor, options: SyncOptions): Promise<SyncReport> {
  const report: SyncReport = { received: 0, sent: 0, conflicts: 0, refused: [] };
  const working = { ...cursor, taken: { ...cursor.taken } };
  await pull(db, client, working, options, report);
  await push(db, client, working, options, report);
  return report;
}
