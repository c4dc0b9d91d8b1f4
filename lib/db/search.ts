/**
 * Finding notes: a search, the notebook's filters, or both, in one of three
 * orders. Lists that only page through notes by time (no query, no filter)
 * read the `createdAt` index directly; one article's notes its `articleKey`
 * index; everything else is answered by the search column in memory
 * (lib/search/column.ts, loaded and kept current by ./search-store.ts): exact
 * matches of the whole folded query, every match counted, the page shown read
 * from the notes table.
 */
import { foldQuery, matchRanges, type ColumnQuery, type SearchColumn } from '../search';
import type { NoteFilter, NoteSort, TextRange } from '../model/notebook';
import type { AnnotationRecord, ArticleRecord } from '../model/records';
import type { YanduDb } from './database';
import { withoutDerived } from './database';
import { articlesOf, loadedColumn, newestIds, notesIfCurrent, searchColumn, type SeenColumn } from './search-store';

/** One note found, with its score and where the query stands in it. */
export interface NoteMatch {
  /** The note. */
  note: AnnotationRecord;
  /** Higher is more relevant (lib/search FIELD_WEIGHTS); 0 outside searches. */
  score: number;
  /** Where the query stands in the quote. */
  quoteRanges: TextRange[];
  /** Where the query stands in the note text. */
  noteRanges: TextRange[];
}

/** Notes found under a filter, in order. */
export interface FoundNotes {
  /** The page of matches asked for, in order. */
  matches: NoteMatch[];
  /** How many notes match in all (null: not counted, a plain list). */
  total: number | null;
  /** Whether more follow the page. */
  more: boolean;
  /** The articles of the page's notes, when they were read with them. */
  articles?: ArticleRecord[];
}

/** A plain list's page this deep or shallower is read without loading the whole column, while it is not loaded. */
const NEWEST_LIST_MAX = 200;

/** The note as lists show it, with where `folded` stands in it. */
function matchOf(note: AnnotationRecord, folded: string, score: number): NoteMatch {
  const clean = withoutDerived(note);
  return { note: clean, score, quoteRanges: matchRanges(clean.quote.exact, folded), noteRanges: matchRanges(clean.note, folded) };
}

/** Whether the filter names nothing but a query (maybe empty). */
function onlyQuery(filter: NoteFilter): boolean {
  return Object.entries(filter).every(([key, value]) => key === 'query' || value === undefined);
}

/** Each column's article keys per site, while the column is unchanged (a saved note may bring a new article). */
const siteKeys = new WeakMap<SearchColumn, { version: number; sites: Map<string, Set<string>> }>();

/** The article keys the filter allows (one article, or a site's), or null for all. */
async function allowedArticles(db: YanduDb, column: SearchColumn, filter: NoteFilter): Promise<Set<string> | null> {
  if (filter.articleKey !== undefined) return new Set([filter.articleKey]);
  if (filter.site === undefined) return null;
  let cache = siteKeys.get(column);
  if (!cache || cache.version !== column.version) siteKeys.set(column, (cache = { version: column.version, sites: new Map() }));
  let keys = cache.sites.get(filter.site);
  if (!keys) cache.sites.set(filter.site, (keys = new Set((await db.articles.where('site').equals(filter.site).primaryKeys()) as string[])));
  return keys;
}

/** The column's form of a filter. */
async function columnQuery(db: YanduDb, column: SearchColumn, filter: NoteFilter, folded: string): Promise<ColumnQuery> {
  return { query: folded, articles: await allowedArticles(db, column, filter), from: filter.from, to: filter.to, tag: filter.tag, color: filter.color, kind: filter.kind, author: filter.author };
}

/**
 * The notes [offset, offset + limit) under `filter` in `sort` order (`relevance`
 * ranks a search by score, newest first among equals; without a query it is
 * `newest`), and how many match in all.
 */
export async function findNotes(db: YanduDb, filter: NoteFilter, sort: NoteSort, offset: number, limit: number): Promise<FoundNotes> {
  const folded = foldQuery(filter.query ?? '');
  const order: NoteSort = folded === '' && sort === 'relevance' ? 'newest' : sort;
  // One article: its few notes, by the articleKey index.
  if (filter.articleKey !== undefined && folded === '' && Object.keys(filter).every((k) => k === 'articleKey' || k === 'query' || filter[k as keyof NoteFilter] === undefined)) {
    const notes = (await db.annotations.where('articleKey').equals(filter.articleKey).toArray()).filter((n) => n.deletedAt === null);
    notes.sort((a, b) => (order === 'oldest' ? a.createdAt - b.createdAt : b.createdAt - a.createdAt));
    return { matches: notes.slice(offset, offset + limit).map((n) => matchOf(n, '', 0)), total: notes.length, more: notes.length > offset + limit };
  }
  // A plain list's first page before this page loaded the column (the popup; the notebook as it opens): the
  // newest packs and the notes written since (schema v7 has no createdAt index).
  if (folded === '' && onlyQuery(filter) && order === 'newest' && offset + limit <= NEWEST_LIST_MAX && !loadedColumn(db)) {
    const ids = await newestIds(db, offset + limit + 1);
    const notes = await db.annotations.bulkGet(ids.slice(offset, offset + limit));
    const matches = notes.flatMap((note) => (note && note.deletedAt === null ? [matchOf(note, '', 0)] : []));
    return { matches, total: null, more: ids.length > offset + limit };
  }
  // The column as loaded: its page is read in one transaction with the check that nothing was written since
  // (the usual case); else the list is made again on the column brought up to date (searchColumn).
  const seen = loadedColumn(db);
  const found = seen ? await columnPage(db, seen.column, filter, folded, order, offset, limit, seen) : null;
  return found ?? (await columnPage(db, await searchColumn(db), filter, folded, order, offset, limit))!;
}

/**
 * The page [offset, offset + limit) of `column` under `filter`, its notes and their articles read at once; with
 * `seen`, null when the column was not current (notesIfCurrent).
 */
async function columnPage(db: YanduDb, column: SearchColumn, filter: NoteFilter, folded: string, order: NoteSort, offset: number, limit: number, seen?: SeenColumn): Promise<FoundNotes | null> {
  const query = await columnQuery(db, column, filter, folded);
  const { hits, total } = query.articles?.size === 0 ? { hits: [], total: 0 } : column.search(query, order, offset, limit);
  const ids = hits.map((h) => h.id);
  const [read, articles] = await Promise.all([seen ? notesIfCurrent(db, seen, ids) : db.annotations.bulkGet(ids).then((notes) => ({ notes, current: true })), articlesOf(db, [...new Set(hits.map((h) => h.articleKey))])]);
  if (!read.current) return null;
  const notes = read.notes;
  const matches: NoteMatch[] = [];
  hits.forEach((hit, i) => {
    const note = notes[i];
    // A note deleted for good since the column last looked is skipped.
    if (note && note.deletedAt === null) matches.push(matchOf(note, folded, hit.score));
  });
  return { matches, total, more: total > offset + limit, articles };
}

/** Live notes whose quote, note or tags contain `query` (folded), most relevant first (at most `limit`). */
export async function searchNotes(db: YanduDb, query: string, limit = 100): Promise<FoundNotes> {
  return foldQuery(query) === '' ? { matches: [], total: 0, more: false } : findNotes(db, { query }, 'relevance', 0, limit);
}

/** Keys of the articles having a live note whose quote, note or tags contain `query`. */
export async function articlesWithNotesMatching(db: YanduDb, query: string): Promise<Set<string>> {
  const folded = foldQuery(query);
  if (folded === '') return new Set();
  const column = await searchColumn(db);
  return column.search({ query: folded }, 'newest', 0, 0, true).articleKeys ?? new Set();
}
