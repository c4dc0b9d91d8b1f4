/**
 * Queries on the reader's highlights. Each takes the database handle as an
 * argument, so tests run them on fake-indexeddb and the background on the real one.
 */
import { articleKey } from '../article-key';
import type { AnnotationDraft } from '../protocol/schema';
import type { AnnotationRecord, AnnotationWithArticle } from './records';
import type { YanduDb } from './schema';

/** Saves a new highlight and records (or refreshes) its article, in one transaction. */
export async function saveAnnotation(db: YanduDb, draft: AnnotationDraft, now: number = Date.now()): Promise<AnnotationRecord> {
  const key = articleKey(draft.page.url);
  const record: AnnotationRecord = {
    id: crypto.randomUUID(),
    articleKey: key,
    quote: draft.quote,
    position: draft.position,
    color: draft.color,
    note: draft.note,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction('rw', db.articles, db.annotations, async () => {
    const existing = await db.articles.get(key);
    await db.articles.put({
      key,
      url: draft.page.url,
      title: draft.page.title || existing?.title || '',
      site: new URL(draft.page.url).hostname,
      firstSeenAt: existing?.firstSeenAt ?? now,
      lastSeenAt: now,
    });
    await db.annotations.add(record);
  });
  return record;
}

/** The highlights of the article at `url`, oldest first. */
export async function annotationsForArticle(db: YanduDb, url: string): Promise<AnnotationRecord[]> {
  const list = await db.annotations.where('articleKey').equals(articleKey(url)).toArray();
  return list.sort((a, b) => a.createdAt - b.createdAt);
}

/** The `limit` newest highlights of all articles, newest first, with their article's title and URL. */
export async function recentAnnotations(db: YanduDb, limit: number): Promise<AnnotationWithArticle[]> {
  const list = await db.annotations.orderBy('createdAt').reverse().limit(limit).toArray();
  const articles = await db.articles.bulkGet([...new Set(list.map((a) => a.articleKey))]);
  const byKey = new Map(articles.filter((a) => a !== undefined).map((a) => [a.key, a]));
  return list.map((a) => ({
    ...a,
    articleTitle: byKey.get(a.articleKey)?.title ?? '',
    articleUrl: byKey.get(a.articleKey)?.url ?? a.articleKey,
  }));
}
