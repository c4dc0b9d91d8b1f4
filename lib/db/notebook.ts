/**
 * Queries of the popup and the notebook: a page of notes under filters and a
 * sort, a page of articles with their counts, the popup's small first view,
 * deleting and restoring many notes, and the study record of a selection for
 * export. Lists show a page at a time; searches and filters are answered by the
 * search column in memory (lib/db/search.ts).
 */
import { articleKey } from '../article-key';
import type { ArticleQuery } from '../protocol/schema';
import { deleteAnnotation, restoreAnnotation } from './annotations';
import { summaryOf } from './formulations';
import type { ArticleRow, NoteFilter, NoteHit, NoteRow, NoteSort } from '../model/notebook';
import type { AnnotationRecord, ArticleRecord, SummaryRecord } from '../model/records';
import type { YanduDb } from './database';
import { normalizeForSearch } from '../search';
import { articlesWithNotesMatching, findNotes } from './search';
import { withoutDerived } from './database';

/** Notes per article shown in the popup's summary of recent articles: counted, not read. */
const POPUP_RECENT_ARTICLES = 5;

/** One page of notes. */
export interface NotePage {
  /** The notes of this page. */
  rows: NoteRow[];
  /** Whether more follow. */
  hasMore: boolean;
  /** How many notes match in all (null: a plain list, not counted). */
  total: number | null;
}

/** Adds article titles and URLs to notes (`known`: articles already read). */
async function withArticles(db: YanduDb, matches: readonly NoteHit[], known?: readonly ArticleRecord[]): Promise<NoteRow[]> {
  const articles = known ?? (await db.articles.bulkGet([...new Set(matches.map((m) => m.note.articleKey))]));
  const byKey = new Map(articles.filter((a) => a !== undefined).map((a) => [a.key, a]));
  return matches.map(({ note, quoteRanges, noteRanges }) => {
    const article = byKey.get(note.articleKey);
    return { note, quoteRanges, noteRanges, articleTitle: article?.title || article?.url || note.articleKey, articleUrl: article?.url ?? `http://${note.articleKey}` };
  });
}

/** One page of notes under `filter`, in `sort` order; reads from the notes table only the page it shows (lib/db/search.ts). */
export async function queryNotes(db: YanduDb, filter: NoteFilter, sort: NoteSort, offset: number, limit: number): Promise<NotePage> {
  const { matches, total, more, articles } = await findNotes(db, filter, sort, offset, limit);
  return { rows: await withArticles(db, matches, articles), hasMore: more, total };
}

/** Which articles to list. */
export interface ArticleFilter {
  /** Title words; also lists the articles of notes that match. */
  query?: string;
  /** Host name. */
  site?: string;
}

/** How many live notes an article has. */
function liveNotes(db: YanduDb, key: string): Promise<number> {
  return db.annotations.where('articleKey').equals(key).filter((n) => n.deletedAt === null).count();
}

async function articleRows(db: YanduDb, articles: readonly ArticleRecord[]): Promise<ArticleRow[]> {
  const keys = articles.map((a) => a.key);
  const [summaries, counts] = await Promise.all([db.summaries.bulkGet(keys), Promise.all(keys.map((k) => liveNotes(db, k)))]);
  return articles.map((article, i) => ({ article: withoutDerived(article), summary: summaries[i] ?? null, notes: counts[i]! }));
}

/** One page of articles, the most recently read first. */
export async function queryArticles(db: YanduDb, filter: ArticleFilter, offset: number, limit: number): Promise<{ rows: ArticleRow[]; hasMore: boolean }> {
  const folded = normalizeForSearch(filter.query ?? '');
  const keys = folded === '' ? null : await articlesWithNotesMatching(db, folded);
  const page = await db.articles
    .orderBy('lastSeenAt')
    .reverse()
    .filter((a) => (keys === null || keys.has(a.key) || normalizeForSearch(a.title).includes(folded)) && (filter.site === undefined || a.site === filter.site))
    .offset(offset)
    .limit(limit + 1)
    .toArray();
  return { rows: await articleRows(db, page.slice(0, limit)), hasMore: page.length > limit };
}

/** Every site with notes, for the site filter. */
export async function listSites(db: YanduDb): Promise<string[]> {
  return (await db.articles.orderBy('site').uniqueKeys()) as string[];
}

/** What the popup shows first: this page's notes and analysis, and the recent articles. */
export interface PopupSnapshot {
  /** This page's live notes, oldest first (with the article's title and URL). */
  page: NoteRow[];
  /** This page's recorded analysis, or null. */
  summary: SummaryRecord | null;
  /** The most recently read articles with notes. */
  recentArticles: ArticleRow[];
}

/** The popup's first view for the page of `query` (null: not a web page). Reads only what it shows. */
export async function popupSnapshot(db: YanduDb, query: ArticleQuery | null): Promise<PopupSnapshot> {
  const key = query ? articleKey(query.url, query.canonicalUrl) : null;
  const [notes, summary, recent] = await Promise.all([
    key ? db.annotations.where('articleKey').equals(key).filter((n) => n.deletedAt === null).toArray() : [],
    key ? summaryOf(db, key) : null,
    db.articles.orderBy('lastSeenAt').reverse().limit(POPUP_RECENT_ARTICLES).toArray(),
  ]);
  notes.sort((a, b) => a.createdAt - b.createdAt);
  return { page: await withArticles(db, notes.map((note) => ({ note: withoutDerived(note), quoteRanges: [], noteRanges: [] }))), summary, recentArticles: await articleRows(db, recent) };
}

/** Deletes notes softly (restorable, lib/db/annotations.ts), in one transaction; returns their ids. */
export async function deleteNotes(db: YanduDb, ids: readonly string[], now: number = Date.now()): Promise<string[]> {
  return db.transaction('rw', db.annotations, async () => {
    const live = (await db.annotations.bulkGet([...ids])).filter((n) => n && n.deletedAt === null).map((n) => n!.id);
    for (const id of live) await deleteAnnotation(db, id, now);
    return live;
  });
}

/** Undoes `deleteNotes`. */
export async function restoreNotes(db: YanduDb, ids: readonly string[], now: number = Date.now()): Promise<void> {
  await db.transaction('rw', db.annotations, async () => {
    for (const id of ids) await restoreAnnotation(db, id, now);
  });
}

/** What to export: whole articles, and single notes. */
export interface ExportSelection {
  /** Articles whose every live note goes in. */
  articleKeys: readonly string[];
  /** Further notes (of any article). */
  noteIds: readonly string[];
}

/** One article of a selection as stored: the article, its recorded analysis, and the notes chosen of it. */
export interface SelectedArticle {
  /** The stored article. */
  article: ArticleRecord;
  /** Its recorded analysis (source, date, outline), or null. */
  summary: SummaryRecord | null;
  /** Its notes that go in: all of them for a whole article (deleted ones included), else the chosen ones. */
  annotations: AnnotationRecord[];
}

/** The articles of a selection in the order chosen (whole articles first, then those of single notes). */
export async function selectedArticles(db: YanduDb, selection: ExportSelection): Promise<SelectedArticle[]> {
  const chosen = (await db.annotations.bulkGet([...selection.noteIds])).filter((n): n is AnnotationRecord => n !== undefined);
  const keys = [...new Set([...selection.articleKeys, ...chosen.map((n) => n.articleKey)])];
  const selected: SelectedArticle[] = [];
  for (const key of keys) {
    const article = await db.articles.get(key);
    if (!article) continue;
    const summary = await summaryOf(db, key);
    const whole = selection.articleKeys.includes(key);
    const annotations = whole ? await db.annotations.where('articleKey').equals(key).toArray() : chosen.filter((n) => n.articleKey === key);
    selected.push({ article, summary, annotations });
  }
  return selected;
}
