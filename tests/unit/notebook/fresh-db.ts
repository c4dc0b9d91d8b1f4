/** Fresh databases on fake-indexeddb for the notebook tests, closed and deleted after each test. */
import { afterEach } from 'vitest';
import type { YanduDb } from '@/lib/db/database';
import { openDb } from '@/lib/db/schema';

/** Returns a factory of fresh databases (optionally under a given name, e.g. one a test made at v2). */
export function freshDatabases(): (name?: string) => YanduDb {
  const live: YanduDb[] = [];
  afterEach(async () => {
    const dbs = live.splice(0);
    dbs.forEach((db) => db.close());
    await Promise.all(dbs.map((db) => indexedDB.deleteDatabase(db.name)));
  });
  return (name = `notebook-${crypto.randomUUID()}`) => {
    const db = openDb(name);
    live.push(db);
    return db;
  };
}
