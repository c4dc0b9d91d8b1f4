/**
 * Queries of the popup and the notebook: a page of notes under filters and a
 * sort, a page of articles with their counts, the popup's small first view,
 * deleting and restoring many notes, and the study record of a selection for
 * export. Every list is read a page at a time; nothing reads a whole table.
 */
import { articleKey } from '../article-key';
import { studyRecordFromDb, type StoredArticleInput } from '../export/from-db';
import type { StudyRecord } from '../export/types';
import type { ArticleQuery, HighlightColor, OutlineEntryInput } from '../protocol/schema';
import { deleteAnnotation, restoreAnnotation } from './annotations';
import { summaryOf, type SummaryRecord } from './formulations';
import type { AnnotationRecord, ArticleRecord } from './records';
import type { YanduDb } from './schema';
import { searchArticleTitles, searchNotes, withoutTerms, type NoteMatch } from './search';

/**
 * At most this many notes of a site or tag are read and sorted in memory (a few MB); larger sets are
 * read in index order with a filter instead, which scans the whole table when the set is sparse.
 */
const IN_MEMORY_NOTES = 20_000;
/** Notes per article shown in the popup's summary of recent articles: counted, not read. */
const POPUP_RECENT_ARTICLES = 5;

/** What a note is: a plain highlight, one with a note, or one its page could not place. */
export type NoteKind = 'highlight' | 'note' | 'unplaced';

/** The notebook's filters; every field narrows, absent fields do not. */
export interface NoteFilter {
  /** Search words (quote, note, tags). */
  query?: string;
  /** Host name of the article. */
  site?: string;
  /** One article only. */
  articleKey?: string;
  /** Made at or after (ms since epoch). */
  from?: number;
  /** Made before (ms since epoch). */
  to?: number;
  /** Carries this tag. */
  tag?: string;
  /** Has this colour. */
  color?: HighlightColor;
  /** Is of this kind. */
  kind?: NoteKind;
}

/** How notes are ordered; `relevance` applies to searches (else newest). */
export type NoteSort = 'newest' | 'oldest' | 'relevance';

/** A note with where a search query stands in it (no ranges outside searches). */
export type NoteHit = Pick<NoteMatch, 'note' | 'quoteRanges' | 'noteRanges'>;

/** A note as lists show it: with its article and, in a search, where the query stands. */
export interface NoteRow extends NoteHit {
  /** Its article's title (or URL when untitled). */
  articleTitle: string;
  /** Its article's URL. */
  articleUrl: string;
}

/** One page of notes. */
export interface NotePage {
  /** The notes of this page. */
  rows: NoteRow[];
  /** Whether more follow. */
  hasMore: boolean;
}

/** Whether `note` passes the filters other than the query. */
function passes(note: AnnotationRecord, filter: NoteFilter, keys: ReadonlySet<string> | null): boolean {
  if (note.deletedAt !== null) return false;
  if (keys && !keys.has(note.articleKey)) return false;
  if (filter.from !== undefined && note.createdAt < filter.from) return false;
  if (filter.to !== undefined && note.createdAt >= filter.to) return false;
  if (filter.tag !== undefined && !note.tags.includes(filter.tag)) return false;
  if (filter.color !== undefined && note.color !== filter.color) return false;
  if (filter.kind === 'note' && note.note === '') return false;
  if (filter.kind === 'highlight' && note.note !== '') return false;
  if (filter.kind === 'unplaced' && note.unplacedAt === null) return false;
  return true;
}

/** The article keys the filter allows (one article, or a site's), or null for all. */
async function allowedArticles(db: YanduDb, filter: NoteFilter): Promise<Set<string> | null> {
  if (filter.articleKey !== undefined) return new Set([filter.articleKey]);
  if (filter.site === undefined) return null;
  return new Set((await db.articles.where('site').equals(filter.site).primaryKeys()) as string[]);
}

/** Adds article titles and URLs to notes. */
async function withArticles(db: YanduDb, matches: readonly NoteHit[]): Promise<NoteRow[]> {
  const articles = await db.articles.bulkGet([...new Set(matches.map((m) => m.note.articleKey))]);
  const byKey = new Map(articles.filter((a) => a !== undefined).map((a) => [a.key, a]));
  return matches.map((m) => {
    const article = byKey.get(m.note.articleKey);
    return { ...m, articleTitle: article?.title || article?.url || m.note.articleKey, articleUrl: article?.url ?? `http://${m.note.articleKey}` };
  });
}

function noRanges(note: AnnotationRecord): NoteHit {
  return { note: withoutTerms(note), quoteRanges: [], noteRanges: [] };
}

function byTime(sort: NoteSort): (a: { note: AnnotationRecord }, b: { note: AnnotationRecord }) => number {
  return sort === 'oldest' ? (a, b) => a.note.createdAt - b.note.createdAt : (a, b) => b.note.createdAt - a.note.createdAt;
}

/** One page of notes under `filter`, in `sort` order. */
export async function queryNotes(db: YanduDb, filter: NoteFilter, sort: NoteSort, offset: number, limit: number): Promise<NotePage> {
  const keys = await allowedArticles(db, filter);
  const query = filter.query?.trim() ?? '';
  if (query !== '') {
    const { matches } = await searchNotes(db, query);
    const kept = matches.filter((m) => passes(m.note, filter, keys));
    if (sort !== 'relevance') kept.sort(byTime(sort));
    return { rows: await withArticles(db, kept.slice(offset, offset + limit)), hasMore: kept.length > offset + limit };
  }
  // A selective index first: the notes of a tag, or of the allowed articles.
  let ids: string[] | null = null;
  if (filter.tag !== undefined) ids = (await db.annotations.where('tags').equals(filter.tag).primaryKeys()) as string[];
  else if (keys !== null && keys.size <= IN_MEMORY_NOTES) ids = (await db.annotations.where('articleKey').anyOf([...keys]).primaryKeys()) as string[];
  if (ids !== null && ids.length <= IN_MEMORY_NOTES) {
    const notes = (await db.annotations.bulkGet(ids)).filter((n): n is AnnotationRecord => n !== undefined && passes(n, filter, keys));
    const rows = notes.map(noRanges).sort(byTime(sort));
    return { rows: await withArticles(db, rows.slice(offset, offset + limit)), hasMore: rows.length > offset + limit };
  }
  // Otherwise in time order by the index, filtering as it goes; only this page is kept.
  const idSet = ids === null ? null : new Set(ids);
  let collection = db.annotations.where('createdAt').between(filter.from ?? 0, filter.to ?? Infinity, true, false);
  if (sort !== 'oldest') collection = collection.reverse();
  const page = await collection
    .filter((n) => (idSet === null || idSet.has(n.id)) && passes(n, filter, keys))
    .offset(offset)
    .limit(limit + 1)
    .toArray();
  return { rows: await withArticles(db, page.slice(0, limit).map(noRanges)), hasMore: page.length > limit };
}

/** An article as lists show it. */
export interface ArticleRow {
  /** The stored article. */
  article: ArticleRecord;
  /** Its recorded analysis, when it was read as a policy article. */
  summary: SummaryRecord | null;
  /** Its live notes. */
  notes: number;
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
  return articles.map((article, i) => ({ article: withoutTerms(article), summary: summaries[i] ?? null, notes: counts[i]! }));
}

/** One page of articles, the most recently read first. */
export async function queryArticles(db: YanduDb, filter: ArticleFilter, offset: number, limit: number): Promise<{ rows: ArticleRow[]; hasMore: boolean }> {
  const query = filter.query?.trim() ?? '';
  let keys: Set<string> | null = null;
  if (query !== '') {
    const [titles, notes] = await Promise.all([searchArticleTitles(db, query), searchNotes(db, query)]);
    keys = new Set([...titles, ...notes.matches.map((m) => m.note.articleKey)]);
  }
  const page = await db.articles
    .orderBy('lastSeenAt')
    .reverse()
    .filter((a) => (keys === null || keys.has(a.key)) && (filter.site === undefined || a.site === filter.site))
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
  return { page: await withArticles(db, notes.map(noRanges)), summary, recentArticles: await articleRows(db, recent) };
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

/** The study record of a selection: its articles in the order chosen, each with its notes and recorded outline. */
export async function studyRecordOf(db: YanduDb, selection: ExportSelection, now: number = Date.now()): Promise<StudyRecord> {
  const chosen = (await db.annotations.bulkGet([...selection.noteIds])).filter((n): n is AnnotationRecord => n !== undefined);
  const keys = [...new Set([...selection.articleKeys, ...chosen.map((n) => n.articleKey)])];
  const inputs: (StoredArticleInput & { outline: OutlineEntryInput[] })[] = [];
  for (const key of keys) {
    const article = await db.articles.get(key);
    if (!article) continue;
    const summary = await summaryOf(db, key);
    const whole = selection.articleKeys.includes(key);
    const notes = whole ? await db.annotations.where('articleKey').equals(key).toArray() : chosen.filter((n) => n.articleKey === key);
    inputs.push({ article: { ...article, source: summary?.source ?? '', published: summary?.published ?? null }, annotations: notes, outline: summary?.outline ?? [] });
  }
  const record = studyRecordFromDb(inputs, { now });
  record.articles.forEach((article, i) => {
    article.outline = inputs[i]!.outline;
  });
  return record;
}
