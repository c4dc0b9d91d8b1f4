/**
 * The search index of notes and articles. Each note's `terms` (a multi-entry
 * index; schema v4, single characters since v5) holds posting keys
 * (lib/search/postings.ts): the bigrams and the characters of its quote, note
 * and tags and its facets (live, colour, site, kind, tags), each
 * followed by the note's time inverted, so that one key range holds the notes of
 * one term or facet newest first. Each article's `terms` holds the plain bigrams
 * and characters of its title. Dexie hooks registered by openDb keep them right on every write
 * (saveAnnotation, edits, deletion, backup import…); upgrades fill them for
 * notes made before.
 *
 * A list (search, filters, both) walks the range of its sparsest term or facet,
 * newest (or oldest) first, in batches, and checks each note it reads in full:
 * the whole folded query, every filter. It stops when the page is full, so it
 * reads about as many notes as it shows, and never the whole table at once.
 * When it names a facet and another term or facet, it walks their keys first:
 * a batch of the sparsest range's primary keys, intersected with the other
 * ranges' keys over the same time window, so that only notes in all are read.
 */
import { Dexie, type Transaction } from 'dexie';
import {
  facetName,
  fieldScore,
  hostOfKey,
  indexTerms,
  matchRanges,
  noteFacets,
  normalizeForSearch,
  postingKey,
  postingRange,
  prefixRange,
  queryTerms,
  timeOfKey,
  type Facet,
  type KeyRange,
  type TextRange,
} from '../search';
import type { HighlightColor } from '../protocol/schema';
import type { AnnotationRecord, ArticleRecord } from './records';
import type { YanduDb } from './schema';

/** A stored record with its search terms (the field only the index uses). */
type Indexed = { terms?: string[] };

/** The posting keys of a note: its text's terms and its facets, at its time. */
export function noteTerms(
  note: Pick<AnnotationRecord, 'quote' | 'note' | 'tags' | 'createdAt' | 'articleKey' | 'color' | 'deletedAt' | 'unplacedAt'>,
): string[] {
  const tags = note.tags ?? [];
  const texts = indexTerms([note.quote?.exact ?? '', note.note ?? '', ...tags]);
  const facets = noteFacets({ ...note, note: note.note ?? '', tags, deletedAt: note.deletedAt ?? null, unplacedAt: note.unplacedAt ?? null });
  return [...texts, ...facets.map(facetName)].map((name) => postingKey(name, note.createdAt ?? 0));
}

/** The search terms of an article (plain bigrams and characters of its title). */
export function articleTerms(article: Pick<ArticleRecord, 'title'>): string[] {
  return indexTerms([article.title ?? '']);
}

/** Fields whose change changes a record's terms (`terms` itself too: a backup may carry stale ones). */
const NOTE_FIELDS = /^(quote|note|tags|terms|createdAt|articleKey|color|deletedAt|unplacedAt)(\.|$)/;
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

/** Whether two term lists are the same. */
function sameTerms(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((term, i) => term === b[i]);
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

/** Rewrites the terms of every record of `table` whose terms differ from `termsOf`'s (the others are not written). */
async function refreshTerms<T extends object>(tx: Transaction, table: 'annotations' | 'articles', termsOf: (record: T) => string[]): Promise<void> {
  await tx
    .table<T & Indexed, string>(table)
    .toCollection()
    .modify((record) => {
      const terms = termsOf(record);
      if (!sameTerms(record.terms, terms)) record.terms = terms;
    });
}

/** v3 → v4: notes' terms become time-ordered posting keys with facets (only notes whose terms differ are written). */
export async function upgradeToVersion4(tx: Transaction): Promise<void> {
  await refreshTerms<AnnotationRecord>(tx, 'annotations', noteTerms);
}

/** v4 → v5: every character of a note or title becomes a term too (one-character queries walk its postings). */
export async function upgradeToVersion5(tx: Transaction): Promise<void> {
  await refreshTerms<AnnotationRecord>(tx, 'annotations', noteTerms);
  await refreshTerms<ArticleRecord>(tx, 'articles', articleTerms);
}

/** Notes rewritten per transaction by rebuildSearchIndex: a short transaction each, a bounded batch in memory. */
const REBUILD_CHUNK = 2_000;

/**
 * Rebuilds every note's and article's terms (after a change of the tokeniser),
 * a chunk per transaction in key order, writing only records whose terms
 * changed; returns how many notes were read.
 */
export async function rebuildSearchIndex(db: YanduDb): Promise<number> {
  let done = 0;
  for (const [table, termsOf] of [
    ['annotations', noteTerms],
    ['articles', articleTerms],
  ] as const) {
    let after: string | null = null;
    for (;;) {
      const chunk = await db.transaction('rw', db.table(table), async () => {
        const t = db.table<(AnnotationRecord & ArticleRecord) & Indexed, string>(table);
        const records = await (after === null ? t.orderBy(':id') : t.where(':id').above(after)).limit(REBUILD_CHUNK).toArray();
        const stale = records.filter((r) => {
          const terms = termsOf(r);
          if (sameTerms(r.terms, terms)) return false;
          r.terms = terms;
          return true;
        });
        if (stale.length > 0) await t.bulkPut(stale);
        return records;
      });
      if (table === 'annotations') done += chunk.length;
      if (chunk.length < REBUILD_CHUNK) break;
      const last = chunk[chunk.length - 1]!;
      after = table === 'annotations' ? last.id : last.key;
    }
  }
  return done;
}

/** One note found, with its score and where the query stands in it. */
export interface NoteMatch {
  /** The note (without its search terms). */
  note: AnnotationRecord;
  /** Higher is more relevant (lib/search FIELD_WEIGHTS); 0 outside searches. */
  score: number;
  /** Where the query stands in the quote. */
  quoteRanges: TextRange[];
  /** Where the query stands in the note text. */
  noteRanges: TextRange[];
}

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
  /** Made by this member of the 支部 (NoteAuthor.id), or OWN_NOTES for the reader's own. */
  author?: string;
}

/** The `author` filter value of the reader's own notes (imported ones carry their member's id). */
export const OWN_NOTES = 'self';

/** How notes are ordered; `relevance` applies to searches (else newest). */
export type NoteSort = 'newest' | 'oldest' | 'relevance';

/** Notes found under a filter, in order. */
export interface FoundNotes {
  /** The first matches in the order asked for. */
  matches: NoteMatch[];
  /** Whether every matching note was seen (false: more may follow). */
  complete: boolean;
}

/** Drops the index-only field before a record leaves the database layer. */
export function withoutTerms<T extends object>(record: T): T {
  const { terms: _terms, ...rest } = record as T & Indexed;
  return rest as T;
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

/** Whether `note` passes the filters other than the query (`keys`: the articles allowed, or null for all). */
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
  if (filter.author !== undefined && (note.author?.id ?? OWN_NOTES) !== filter.author) return false;
  return true;
}

/**
 * Notes that match, in the order of their walk; the first RANK_WINDOW of a
 * search are ranked by score: the notebook's page (100 rows), so a search reads
 * about one page of matches, and the page shown is ranked whole.
 */
const RANK_WINDOW = 100;
/** Keys read to guess how dense a term or facet is: fewer means the whole range (exact count). */
const PROBE_KEYS = 64;
/** Notes read per batch of a walk: bounded memory, few round trips. */
const WALK_BATCH = 200;
/** The key walk's batches double up to this: keys are cheap (getAllKeys), a thin intersection needs many. */
const KEY_BATCH_MAX = 4_000;
/** Other ranges intersected per batch (facets, then the sparsest terms): more narrows little and costs a read each. */
const MAX_OTHERS = 3;
/** An other range with more keys than this in a batch's window is not intersected (too dense to narrow much). */
const OTHER_CAP = 8_000;
/** A latin word being typed (a prefix) reads its candidates by key when at most this many. */
const PREFIX_CANDIDATES = 2_000;

/** How sparse a range is: an exact count when small, else the time its first PROBE_KEYS keys span. */
interface Density {
  /** The range's name (term or facet). */
  name: string;
  /** Its keys. */
  range: KeyRange;
  /** Keys in it when fewer than PROBE_KEYS, else null. */
  count: number | null;
  /** Milliseconds between its newest and its PROBE_KEYS-th key: larger is sparser. */
  span: number;
}

async function density(db: YanduDb, name: string, range: KeyRange): Promise<Density> {
  const keys = (await db.annotations.where('terms').between(range.lower, range.upper, true, true).limit(PROBE_KEYS).keys()) as string[];
  if (keys.length < PROBE_KEYS) return { name, range, count: keys.length, span: 0 };
  return { name, range, count: null, span: timeOfKey(keys[0]!) - timeOfKey(keys[keys.length - 1]!) };
}

/** The sparsest of the ranges: the smallest exact count, else the widest span. */
function sparsest(ranges: readonly Density[]): Density {
  const counted = ranges.filter((r) => r.count !== null).sort((a, b) => a.count! - b.count!);
  return counted[0] ?? [...ranges].sort((a, b) => b.span - a.span)[0]!;
}

/**
 * Walks the notes of one posting range in time order (newest first unless
 * `oldest`), a batch at a time (`first` notes, then WALK_BATCH). Notes sharing one time are continued past by
 * id, so none is skipped or read twice.
 */
async function* walk(db: YanduDb, target: Density, oldest: boolean, first: number): AsyncGenerator<AnnotationRecord[]> {
  let { lower, upper } = target.range;
  let skip = new Set<string>();
  for (let batch = first; ; batch = WALK_BATCH) {
    const between = db.annotations.where('terms').between(lower, upper, true, true);
    const want = batch + skip.size;
    const notes = await (oldest ? between.reverse() : between).limit(want).toArray();
    yield notes.filter((n) => !skip.has(n.id));
    if (notes.length < want) return;
    const lastKey = postingKey(target.name, notes[notes.length - 1]!.createdAt);
    const boundary = oldest ? upper : lower;
    if (lastKey !== boundary) skip = new Set();
    for (const n of notes) if (postingKey(target.name, n.createdAt) === lastKey) skip.add(n.id);
    if (oldest) upper = lastKey;
    else lower = lastKey;
  }
}

/** A batch of a key walk: the ids read from the walked range, newest (or oldest) first, and the key window they span. */
interface KeyBatch {
  /** Ids of the walked range in this batch, in walk order, none seen before. */
  ids: string[];
  /** The keys (of the walked range) the batch spans, bounds included. */
  window: KeyRange;
}

/** The same window of keys in another term's or facet's range (same times). */
function windowOf(window: KeyRange, from: string, to: string): KeyRange {
  return { lower: to + window.lower.slice(from.length), upper: to + window.upper.slice(from.length) };
}

/**
 * Walks the primary keys of one posting range in time order, batches of
 * `first` keys doubling up to KEY_BATCH_MAX; like `walk`, ids sharing the last
 * key of a batch are continued past, so none is skipped or given twice.
 */
async function* walkKeys(db: YanduDb, target: Density, oldest: boolean, first: number): AsyncGenerator<KeyBatch> {
  let { lower, upper } = target.range;
  let skip = new Set<string>();
  for (let batch = first; ; batch = Math.min(batch * 2, KEY_BATCH_MAX)) {
    const want = batch + skip.size;
    const range = { lower, upper };
    const read = await db.transaction('r', db.annotations, async () => {
      const between = (): ReturnType<YanduDb['annotations']['toCollection']> => db.annotations.where('terms').between(range.lower, range.upper, true, true);
      const inOrder = oldest ? between().reverse() : between();
      const ids = (await inOrder.limit(want).primaryKeys()) as string[];
      if (ids.length < want) return { ids, lastKey: null, atLast: new Set<string>() };
      const lastKey = (await (oldest ? between().reverse() : between()).offset(want - 1).limit(1).keys())[0] as string;
      const atLast = new Set((await db.annotations.where('terms').equals(lastKey).primaryKeys()) as string[]);
      return { ids, lastKey, atLast };
    });
    const ids = read.ids.filter((id) => !skip.has(id));
    if (read.lastKey === null) {
      yield { ids, window: range };
      return;
    }
    const { lastKey } = read;
    yield { ids, window: oldest ? { lower: lastKey, upper } : { lower, upper: lastKey } };
    if (lastKey !== (oldest ? upper : lower)) skip = new Set();
    for (const id of read.ids) if (read.atLast.has(id)) skip.add(id);
    if (oldest) upper = lastKey;
    else lower = lastKey;
  }
}

/**
 * The ids of `batch` that every other range holds too, in walk order. Only the
 * sparsest MAX_OTHERS ranges whose window is likely to hold at most OTHER_CAP
 * keys are read (the notes are checked in full anyway).
 */
async function intersect(db: YanduDb, target: Density, others: readonly Density[], batch: KeyBatch): Promise<string[]> {
  const expected = (other: Density): number => (other.count ?? (target.count !== null ? 0 : (batch.ids.length * target.span) / Math.max(1, other.span)));
  const narrowing = others.filter((o) => expected(o) <= OTHER_CAP).slice(0, MAX_OTHERS);
  const sets = await Promise.all(
    narrowing.map(async (other) => {
      const window = windowOf(batch.window, target.name, other.name);
      const ids = (await db.annotations.where('terms').between(window.lower, window.upper, true, true).limit(OTHER_CAP + 1).primaryKeys()) as string[];
      return ids.length > OTHER_CAP ? null : new Set(ids);
    }),
  );
  return batch.ids.filter((id) => sets.every((set) => set === null || set.has(id)));
}

/** The article keys the filter allows (one article, or a site's), or null for all. */
async function allowedArticles(db: YanduDb, filter: NoteFilter): Promise<Set<string> | null> {
  if (filter.articleKey !== undefined) return new Set([filter.articleKey]);
  if (filter.site === undefined) return null;
  return new Set((await db.articles.where('site').equals(filter.site).primaryKeys()) as string[]);
}

/** The name of the facet every live note has. */
const LIVE = facetName({ kind: 'live' });

/** The facets a filter names (each is a posting range the walk may start from). */
function filterFacets(filter: NoteFilter, keys: ReadonlySet<string> | null): Facet[] {
  const facets: Facet[] = [];
  if (filter.tag !== undefined) facets.push({ kind: 'tag', value: filter.tag });
  if (filter.color !== undefined) facets.push({ kind: 'color', value: filter.color });
  if (filter.kind !== undefined) facets.push({ kind: filter.kind });
  // A site's notes: by the host of their article keys, when its articles share one (the usual case).
  const hosts = new Set([...(keys ?? [])].map(hostOfKey));
  if (filter.site !== undefined && hosts.size === 1) facets.push({ kind: 'site', value: [...hosts][0]! });
  return facets;
}

/** Puts matches in `sort` order: a search's first RANK_WINDOW by score (newest first among equals), the rest as walked. */
function ordered(matches: NoteMatch[], sort: NoteSort, searching: boolean): NoteMatch[] {
  if (sort !== 'relevance' || !searching) return matches;
  const ranked = matches.slice(0, RANK_WINDOW).sort((a, b) => b.score - a.score || b.note.createdAt - a.note.createdAt);
  return [...ranked, ...matches.slice(RANK_WINDOW)];
}

/**
 * The first `want` notes under `filter` (query and filters) in `sort` order.
 * Reads the notes of the filter's sparsest term or facet in time order until
 * `want` matched (a search ranks its first RANK_WINDOW matches, so reads at
 * least that many when there are).
 */
export async function findNotes(db: YanduDb, filter: NoteFilter, sort: NoteSort, want: number): Promise<FoundNotes> {
  const folded = normalizeForSearch(filter.query ?? '');
  const searching = folded !== '';
  const keys = await allowedArticles(db, filter);
  if (keys !== null && keys.size === 0) return { matches: [], complete: true };
  const check = (note: AnnotationRecord | undefined): NoteMatch | null => {
    if (!note || !passes(note, filter, keys)) return null;
    return searching ? scoreNote(note, folded) : { note: withoutTerms(note), score: 0, quoteRanges: [], noteRanges: [] };
  };
  const byTime = sort === 'oldest' ? (a: NoteMatch, b: NoteMatch) => a.note.createdAt - b.note.createdAt : (a: NoteMatch, b: NoteMatch) => b.note.createdAt - a.note.createdAt;
  const fromSet = (notes: (AnnotationRecord | undefined)[]): FoundNotes => {
    const matches = notes.map(check).filter((m): m is NoteMatch => m !== null).sort(byTime);
    return { matches: ordered(matches, sort, searching).slice(0, want), complete: matches.length <= want };
  };
  // One article: its few notes, by the articleKey index.
  if (filter.articleKey !== undefined) return fromSet(await db.annotations.where('articleKey').equals(filter.articleKey).toArray());

  const { exact, prefixes } = queryTerms(folded);
  if (searching && exact.length + prefixes.length === 0) return { matches: [], complete: true };
  // A latin word being typed has no time-ordered term: its candidates by key, when few.
  if (exact.length === 0 && prefixes.length > 0) {
    const sets = await Promise.all(prefixes.map((p) => prefixRange(p)).map((r) => db.annotations.where('terms').between(r.lower, r.upper, true, true).limit(PREFIX_CANDIDATES + 1).primaryKeys()));
    const fewest = sets.sort((a, b) => a.length - b.length)[0]!;
    if (fewest.length <= PREFIX_CANDIDATES) return fromSet(await db.annotations.bulkGet([...new Set(fewest as string[])]));
  }
  // Every note of a list is live: the live facet is walked only when nothing narrower is named.
  const facets = filterFacets(filter, keys).map(facetName);
  const named = [...exact, ...facets];
  const names = named.length > 0 ? named : [LIVE];
  const ranges = await Promise.all(names.map((name) => density(db, name, postingRange(name, filter.from, filter.to))));
  const target = sparsest(ranges);
  if (target.count === 0) return { matches: [], complete: true };
  const enough = sort === 'relevance' && searching ? Math.max(want, RANK_WINDOW) : want;
  const matches: NoteMatch[] = [];
  const take = (notes: readonly (AnnotationRecord | undefined)[]): boolean => {
    for (const note of notes) {
      const match = check(note);
      if (match) matches.push(match);
    }
    return matches.length >= enough;
  };
  const done = (complete: boolean): FoundNotes => ({ matches: ordered(matches, sort, searching).slice(0, want), complete: complete && matches.length <= want });
  // Facets first (a query's terms mostly come together, a facet is independent of them), each kind sparsest first.
  const isFacet = (r: Density): number => (facets.includes(r.name) ? 0 : 1);
  const others = ranges.filter((r) => r !== target).sort((a, b) => isFacet(a) - isFacet(b) || (a.count ?? Infinity) - (b.count ?? Infinity) || b.span - a.span);
  // Terms alone: reading the notes of the sparsest one is cheaper than intersecting terms that come together.
  if (facets.length === 0 || others.length === 0) {
    for await (const batch of walk(db, target, sort === 'oldest', Math.min(enough, WALK_BATCH))) if (take(batch)) return done(false);
    return done(true);
  }
  // Several ranges: their keys intersected a batch at a time, only the notes in every one read.
  for await (const batch of walkKeys(db, target, sort === 'oldest', enough)) {
    const ids = await intersect(db, target, others, batch);
    for (let at = 0; at < ids.length; at += WALK_BATCH) {
      if (take(await db.annotations.bulkGet(ids.slice(at, at + WALK_BATCH)))) return done(false);
    }
  }
  return done(true);
}

/** Live notes whose quote, note or tags contain `query` (folded), most relevant first (at most `limit`). */
export async function searchNotes(db: YanduDb, query: string, limit: number = RANK_WINDOW): Promise<FoundNotes> {
  return normalizeForSearch(query) === '' ? { matches: [], complete: true } : findNotes(db, { query }, 'relevance', limit);
}

/** Keys of the articles whose title contains `query` (folded): few articles, their title bigrams intersected. */
export async function searchArticleTitles(db: YanduDb, query: string): Promise<Set<string>> {
  const folded = normalizeForSearch(query);
  const { exact, prefixes } = queryTerms(folded);
  if (exact.length + prefixes.length === 0) return new Set();
  const index = db.articles.where('terms');
  const lists = await Promise.all([...exact.map((t) => index.equals(t).primaryKeys()), ...prefixes.map((p) => index.startsWith(p).primaryKeys())]);
  const [first, ...rest] = lists.sort((a, b) => a.length - b.length).map((l) => new Set(l as string[]));
  const keys = [...first!].filter((k) => rest.every((other) => other.has(k)));
  const articles = await db.articles.bulkGet(keys);
  return new Set(articles.filter((a) => a && normalizeForSearch(a.title).includes(folded)).map((a) => a!.key));
}
