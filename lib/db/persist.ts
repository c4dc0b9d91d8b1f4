/**
 * Asks the browser to keep our storage (navigator.storage.persist()), so notes
 * are not evicted when the disk runs low, and remembers the answer for the
 * settings page. The storage manager is an argument: tests pass a fake.
 */
import type { PersistenceRecord } from '../model/records';
import type { YanduDb } from './database';

/** The part of StorageManager used here. */
export type PersistApi = Pick<StorageManager, 'persist' | 'persisted'>;

/** Requests persistent storage (if not yet granted) and stores the answer; never throws. */
export async function requestPersistence(db: YanduDb, storage: PersistApi | undefined, now: number = Date.now()): Promise<PersistenceRecord> {
  let record: PersistenceRecord = { key: 'persistence', supported: false, persisted: false, checkedAt: now };
  if (storage) {
    try {
      const persisted = (await storage.persisted()) || (await storage.persist());
      record = { ...record, supported: true, persisted };
    } catch {
      record = { ...record, supported: true, persisted: false };
    }
  }
  await db.meta.put(record);
  return record;
}

/** The last answer, for settings; null when never asked. */
export async function persistenceStatus(db: YanduDb): Promise<PersistenceRecord | null> {
  return (await db.meta.get('persistence')) ?? null;
}
