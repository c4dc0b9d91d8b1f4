/**
 * The search index of notes and articles (schema v3): each note's `terms` (a
 * multi-entry index) holds the bigrams of its quote, note and tags; each
 * article's, those of its title (lib/search/tokens.ts). Dexie hooks registered
 * by openDb keep them right on every write (saveAnnotation, edits, backup
 * import…), and the v3 upgrade fills them for notes made before. A query looks
 * up its rarest term, narrows by the others while many candidates remain, then
 * checks each candidate for the whole folded query and ranks it.
 */
import { Dexie, type Transaction } from 'dexie';
import { fieldScore, indexTerms, matchRanges, normalizeForSearch, queryTerms, type TextRange } from '../search';
import type { AnnotationRecord, ArticleRecord } from './records';
import type { YanduDb } from './schema';

/** Candidates at most read and checked per query: beyond, the newest-scored are shown and the total is marked as partial. */
export const MAX_CHECKED = 3_000;
/** Keep narrowing by more terms while more candidates than this remain. */
const NARROW_ABOVE = 200;

/** A stored record with its search terms (the field only the index uses). */
type Indexed = { terms?: string[] };

/** The search terms of a note. */
export function noteTerms(note: Pick<AnnotationRecord, 'quote' | 'note' | 'tags'>): string[] {
  return indexTerms([note.quote?.exact ?? '', note.note ?? '', ...(note.tags ?? [])]);
}

/** The search terms of an article. */
export function articleTerms(article: Pick<ArticleRecord, 'title'>): string[] {
  return indexTerms([article.title ?? '']);
}

/** Fields whose change changes a record's terms (`terms` itself too: a backup may carry stale ones). */
const NOTE_FIELDS = /^(quote|note|tags|terms)(\.|$)/;
const ARTICLE_FIELDS = /^(title|terms)(\.|$)/;

/** Registers hooks on `table` that set `terms` from `termsOf` on create and on a change of `fields`. */
function keepTerms<T extends object>(db: YanduDb, table: 'annotations' | 'articles', fields: RegExp, termsOf: (record: T) => string[]): void {
  const t = db.table<T & Indexed>(table);
  t.hook('creating', (_key, record) => {
    record.terms = termsOf(record);
  });
  t.hook('updating', (mods, _key, record) => {
    const changes = mods as Record<string, unknown>;
    if (!Object.keys(changes).some((path) => fields.test(path))) return undefined;
    const next = Dexie.deepClone(record) as T & Indexed;
    for (const [path, value] of Object.entries(changes)) Dexie.setByKeyPath(next, path, value);
    return { terms: termsOf(next) };
  });
}

/** Keeps the search terms of notes and articles up to date on every write (called by openDb). */
export function registerSearchHooks(db: YanduDb): void {
  keepTerms<AnnotationRecord>(db, 'annotations', NOTE_FIELDS, noteTerms);
  keepTerms<ArticleRecord>(db, 'articles', ARTICLE_FIELDS, articleTerms);
}

/** v2 → v3: fills the search terms of every note and article already stored (nothing else changes). */
export async function upgradeToVersion3(tx: Transaction): Promise<void> {
  await tx
    .table<AnnotationRecord & Indexed, string>('annotations')
    .toCollection()
    .modify((note) => {
      note.terms = noteTerms(note);
    });
  await tx
    .table<ArticleRecord & Indexed, string>('articles')
    .toCollection()
    .modify((article) => {
      article.terms = articleTerms(article);
    });
}

/** Rebuilds every note's and article's terms (after a change of the tokeniser); returns how many notes. */
export async function rebuildSearchIndex(db: YanduDb): Promise<number> {
  return db.transaction('rw', db.annotations, db.articles, async () => {
    await upgradeToVersion3(Dexie.currentTransaction as Transaction);
    return db.annotations.count();
  });
}

/** One note found, with its score and where the query stands in it. */
export interface NoteMatch {
  /** The note (without its search terms). */
  note: AnnotationRecord;
  /** Higher is more relevant (lib/search FIELD_WEIGHTS). */
  score: number;
  /** Where the query stands in the quote. */
  quoteRanges: TextRange[];
  /** Where the query stands in the note text. */
  noteRanges: TextRange[];
}

/** The result of a search. */
export interface NoteSearchResult {
  /** Matching live notes, most relevant first (newest first among equals). */
  matches: NoteMatch[];
  /** Whether more candidates existed than were checked (MAX_CHECKED). */
  partial: boolean;
}

/** Drops the index-only field before a record leaves the database layer. */
export function withoutTerms<T extends object>(record: T): T {
  const { terms: _terms, ...rest } = record as T & Indexed;
  return rest as T;
}

/** Primary keys of `table` having the term (or a term starting with `prefix`). */
async function keysOf(db: YanduDb, table: 'annotations' | 'articles', term: { value: string; prefix: boolean }): Promise<Set<string>> {
  const where = db.table(table).where('terms');
  const keys = await (term.prefix ? where.startsWith(term.value) : where.equals(term.value)).primaryKeys();
  return new Set(keys as string[]);
}

/**
 * Candidate keys in `table` for a folded query: every indexed term of the query,
 * the rarest first, intersected until few remain. Null when the query has no
 * indexable term (punctuation only).
 */
export async function candidateKeys(db: YanduDb, table: 'annotations' | 'articles', folded: string): Promise<Set<string> | null> {
  const { exact, prefixes } = queryTerms(folded);
  const terms = [...exact.map((value) => ({ value, prefix: false })), ...prefixes.map((value) => ({ value, prefix: true }))];
  if (terms.length === 0) return null;
  const index = db.table(table).where('terms');
  const counts = await Promise.all(terms.map((t) => (t.prefix ? index.startsWith(t.value) : index.equals(t.value)).count()));
  const order = terms.map((term, i) => ({ term, count: counts[i]! })).sort((a, b) => a.count - b.count);
  if (order[0]!.count === 0) return new Set();
  let keys = await keysOf(db, table, order[0]!.term);
  for (const { term } of order.slice(1)) {
    if (keys.size <= NARROW_ABOVE) break;
    const other = await keysOf(db, table, term);
    keys = new Set([...keys].filter((k) => other.has(k)));
  }
  return keys;
}

/** Scores a note against a folded query; null when the whole query is in none of its fields. */
export function scoreNote(note: AnnotationRecord, folded: string): NoteMatch | null {
  const score =
    fieldScore('quote', note.quote.exact, folded) +
    fieldScore('note', note.note, folded) +
    note.tags.reduce((sum, tag) => sum + fieldScore('tags', tag, folded), 0);
  if (score === 0) return null;
  return {
    note: withoutTerms(note),
    score,
    quoteRanges: matchRanges(note.quote.exact, folded),
    noteRanges: matchRanges(note.note, folded),
  };
}

/** Live notes whose quote, note or tags contain `query` (folded), most relevant first. */
export async function searchNotes(db: YanduDb, query: string): Promise<NoteSearchResult> {
  const folded = normalizeForSearch(query);
  if (folded === '') return { matches: [], partial: false };
  const keys = await candidateKeys(db, 'annotations', folded);
  if (keys === null) return { matches: [], partial: false };
  const checked = [...keys].slice(0, MAX_CHECKED);
  const notes = await db.annotations.bulkGet(checked);
  const matches: NoteMatch[] = [];
  for (const note of notes) {
    if (!note || note.deletedAt !== null) continue;
    const match = scoreNote(note, folded);
    if (match) matches.push(match);
  }
  matches.sort((a, b) => b.score - a.score || b.note.createdAt - a.note.createdAt);
  return { matches, partial: keys.size > MAX_CHECKED };
}

/** Keys of the articles whose title contains `query` (folded). */
export async function searchArticleTitles(db: YanduDb, query: string): Promise<Set<string>> {
  const folded = normalizeForSearch(query);
  const keys = folded === '' ? null : await candidateKeys(db, 'articles', folded);
  if (!keys || keys.size === 0) return new Set();
  const articles = await db.articles.bulkGet([...keys].slice(0, MAX_CHECKED));
  return new Set(articles.filter((a) => a && normalizeForSearch(a.title).includes(folded)).map((a) => a!.key));
}
