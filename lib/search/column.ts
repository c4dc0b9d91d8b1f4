/**
 * The search column: every live note's searchable text (quote, note, tags,
 * folded for search) and the fields the notebook filters by, packed into a few
 * large records ("packs") of PACK_NOTES notes each, newest first. The notebook
 * reads the packs once (a few dozen records instead of one per note) and
 * answers every keystroke from memory: a search is `indexOf` over each pack's
 * one long string, exact (the whole folded query, never its pieces), with the
 * filters checked on typed arrays. Pure: no database here (lib/db/search-store.ts
 * stores the packs and feeds changed notes in).
 *
 * A pack's text holds, per note: quote ␁ note ␁ tag ␂ tag … ␀. A folded query
 * never holds these control characters, so a match never spans two fields or
 * two notes.
 */
import { OWN_NOTES } from '../model/notebook';
import { FIELD_WEIGHTS } from './match';
import { normalizeForSearch } from './normalize';

/** Notes per pack as built; a pack that grows past twice this is split. */
export const PACK_NOTES = 5_000;

/** Separators in a pack's text (see the module comment). */
const NOTE_END = '\u0000';
const FIELD_END = '\u0001';
const TAG_END = '\u0002';
const SEPARATORS = /[\u0000-\u0002]/g;

/** Flags of a note. */
const HAS_NOTE = 1;
const UNPLACED = 2;

/** What the column needs of a note (an AnnotationRecord has all of it). */
export interface ColumnSource {
  id: string;
  articleKey: string;
  quote: { exact: string };
  note: string;
  tags: readonly string[];
  color: string;
  createdAt: number;
  deletedAt: number | null;
  unplacedAt: number | null;
  /** The member who made it (a 学习包's note); absent on the reader's own. */
  author?: { id: string };
}

/** The author of the reader's own notes in the column (lib/model/notebook.ts OWN_NOTES). */
export const OWN_AUTHOR = OWN_NOTES;

/**
 * One pack as stored and as searched: column arrays of its notes (newest
 * first), with the article keys, colours and tags each written once.
 */
export interface Pack {
  /** Note ids. */
  ids: string[];
  /** Creation times, newest first. */
  createdAt: Float64Array;
  /** When each note was last written: packs of format 1 (schema v6–v7) carry it; no longer read or written. */
  touchedAt?: Float64Array;
  /** The article keys of this pack's notes, each once. */
  articles: string[];
  /** Each note's article (index into `articles`). */
  article: Int32Array;
  /** The colours of this pack's notes, each once. */
  colors: string[];
  /** Each note's colour (index into `colors`). */
  color: Uint8Array;
  /** HAS_NOTE | UNPLACED. */
  flags: Uint8Array;
  /** The authors of this pack's notes (OWN_AUTHOR for the reader's own), each once. */
  authors: string[];
  /** Each note's author (index into `authors`). */
  author: Int32Array;
  /** The tags of this pack's notes, each once. */
  tagNames: string[];
  /** Note i's tags are tagIds[tagStart[i] .. tagStart[i + 1]). */
  tagStart: Int32Array;
  /** Tags (indexes into `tagNames`). */
  tagIds: Int32Array;
  /** The folded text (module comment). */
  text: string;
  /** For note i: bounds[3i] quote start, bounds[3i+1] note start, bounds[3i+2] tags start; bounds[3n] = text length. */
  bounds: Int32Array;
}

/** One note in the column's terms (a pack is built from these). */
interface Entry {
  id: string;
  createdAt: number;
  articleKey: string;
  color: string;
  flags: number;
  author: string;
  tags: readonly string[];
  /** quote ␁ note ␁ tags (folded), without the note end. */
  quote: string;
  note: string;
  tagText: string;
}

/** Folds a field for the column (no separators inside). */
function foldField(text: string): string {
  return normalizeForSearch(text).replace(SEPARATORS, '');
}

/** Folds a query as the column's text is folded; '' means no search. */
export function foldQuery(query: string): string {
  return foldField(query);
}

function entryOf(note: ColumnSource): Entry {
  return {
    id: note.id,
    createdAt: note.createdAt,
    articleKey: note.articleKey,
    color: note.color,
    flags: (note.note !== '' ? HAS_NOTE : 0) | (note.unplacedAt !== null ? UNPLACED : 0),
    author: note.author?.id ?? OWN_AUTHOR,
    tags: note.tags,
    quote: foldField(note.quote.exact),
    note: foldField(note.note),
    tagText: note.tags.map(foldField).join(TAG_END),
  };
}

/** Newest first; the same time by id, so the order is total. */
function newestFirst(a: Entry, b: Entry): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** An index of each distinct value, in first-seen order. */
function dictionary(): { values: string[]; of: (value: string) => number } {
  const values: string[] = [];
  const at = new Map<string, number>();
  return {
    values,
    of(value) {
      let i = at.get(value);
      if (i === undefined) {
        i = values.length;
        values.push(value);
        at.set(value, i);
      }
      return i;
    },
  };
}

/** Packs sorted entries (newest first) into one pack. */
function encode(entries: readonly Entry[]): Pack {
  const n = entries.length;
  const articles = dictionary();
  const colors = dictionary();
  const tags = dictionary();
  const authors = dictionary();
  const pack: Pack = {
    ids: new Array<string>(n),
    createdAt: new Float64Array(n),
    articles: articles.values,
    article: new Int32Array(n),
    colors: colors.values,
    color: new Uint8Array(n),
    flags: new Uint8Array(n),
    authors: authors.values,
    author: new Int32Array(n),
    tagNames: tags.values,
    tagStart: new Int32Array(n + 1),
    tagIds: new Int32Array(entries.reduce((sum, e) => sum + e.tags.length, 0)),
    text: '',
    bounds: new Int32Array(3 * n + 1),
  };
  const parts: string[] = [];
  let at = 0;
  let tagAt = 0;
  entries.forEach((e, i) => {
    pack.ids[i] = e.id;
    pack.createdAt[i] = e.createdAt;
    pack.article[i] = articles.of(e.articleKey);
    pack.color[i] = colors.of(e.color);
    pack.flags[i] = e.flags;
    pack.author[i] = authors.of(e.author);
    pack.tagStart[i] = tagAt;
    for (const tag of e.tags) pack.tagIds[tagAt++] = tags.of(tag);
    pack.bounds[3 * i] = at;
    pack.bounds[3 * i + 1] = at + e.quote.length + 1;
    pack.bounds[3 * i + 2] = at + e.quote.length + 1 + e.note.length + 1;
    parts.push(e.quote, FIELD_END, e.note, FIELD_END, e.tagText, NOTE_END);
    at += e.quote.length + e.note.length + e.tagText.length + 3;
  });
  pack.tagStart[n] = tagAt;
  pack.bounds[3 * n] = at;
  pack.text = parts.join('');
  return pack;
}

/** Note i of a pack, back in the column's terms. */
function decode(pack: Pack, i: number): Entry {
  const b = pack.bounds;
  const tags: string[] = [];
  for (let t = pack.tagStart[i]!; t < pack.tagStart[i + 1]!; t++) tags.push(pack.tagNames[pack.tagIds[t]!]!);
  return {
    id: pack.ids[i]!,
    createdAt: pack.createdAt[i]!,
    articleKey: pack.articles[pack.article[i]!]!,
    color: pack.colors[pack.color[i]!]!,
    flags: pack.flags[i]!,
    author: pack.authors[pack.author[i]!]!,
    tags,
    quote: pack.text.slice(b[3 * i]!, b[3 * i + 1]! - 1),
    note: pack.text.slice(b[3 * i + 1]!, b[3 * i + 2]! - 1),
    tagText: pack.text.slice(b[3 * i + 2]!, b[3 * i + 3]! - 1),
  };
}

function decodeAll(pack: Pack): Entry[] {
  return pack.ids.map((_, i) => decode(pack, i));
}

/** Cuts sorted entries into packs of PACK_NOTES. */
function packsOf(entries: readonly Entry[]): Pack[] {
  const packs: Pack[] = [];
  for (let at = 0; at < entries.length; at += PACK_NOTES) packs.push(encode(entries.slice(at, at + PACK_NOTES)));
  return packs;
}

/** What a list asks for, the query already folded (foldQuery). */
export interface ColumnQuery {
  /** Folded query; '' lists without searching. */
  query: string;
  /** Article keys allowed (a site's, or one article), or null for all. */
  articles?: ReadonlySet<string> | null;
  /** Made at or after (ms). */
  from?: number;
  /** Made before (ms). */
  to?: number;
  /** Carries this tag. */
  tag?: string;
  /** Has this colour. */
  color?: string;
  /** With a note, without one, or unplaced. */
  kind?: 'note' | 'highlight' | 'unplaced';
  /** Made by this member (OWN_AUTHOR: the reader). */
  author?: string;
}

/** How a list is ordered; `relevance` ranks a search by score (newest first among equals). */
export type ColumnSort = 'newest' | 'oldest' | 'relevance';

/** One note found. */
export interface ColumnHit {
  id: string;
  /** Its article's key. */
  articleKey: string;
  /** FIELD_WEIGHTS × occurrences (lib/search/match.ts fieldScore); 0 outside searches. */
  score: number;
}

/** Every note a query matched, and one page of them. */
export interface ColumnResult {
  /** The page asked for, in order. */
  hits: ColumnHit[];
  /** How many notes match in all. */
  total: number;
  /** The article keys of every note that matches. */
  articleKeys?: Set<string>;
}

/** A field's part of a score: occurrences (at most 3), + 1 when the field is the query exactly. */
function weigh(count: number, length: number, queryLength: number): number {
  return count === 0 ? 0 : Math.min(count, 3) + (length === queryLength ? 1 : 0);
}

/** The first occurrence of the query past the note last scored (scoreFrom's second result, kept here: no object per match). */
let nextAt = -1;

/**
 * The score of note i, whose first occurrence of q is at `first` (same as
 * lib/db scoreNote on the stored note: per field FIELD_WEIGHTS × (occurrences,
 * at most 3, + 1 when the field is q exactly)); sets `nextAt` to the first
 * occurrence of q past the note (or -1). Reads only this note's occurrences.
 */
function scoreFrom(pack: Pack, i: number, q: string, first: number): number {
  const { text, bounds } = pack;
  const quoteStart = bounds[3 * i]!;
  const noteStart = bounds[3 * i + 1]!;
  const tagsStart = bounds[3 * i + 2]!;
  const end = bounds[3 * i + 3]! - 1;
  let inQuote = 0;
  let inNote = 0;
  let tagCounts: number[] | null = null;
  let at = first;
  for (; at !== -1 && at < end; at = text.indexOf(q, at + q.length)) {
    if (at < noteStart) inQuote++;
    else if (at < tagsStart) inNote++;
    else {
      let tag = 0;
      for (let k = tagsStart; k < at; k++) if (text.charCodeAt(k) === 2) tag++;
      (tagCounts ??= [])[tag] = (tagCounts[tag] ?? 0) + 1;
    }
  }
  nextAt = at;
  const n = q.length;
  let score = FIELD_WEIGHTS.quote * weigh(inQuote, noteStart - 1 - quoteStart, n) + FIELD_WEIGHTS.note * weigh(inNote, tagsStart - 1 - noteStart, n);
  if (tagCounts) {
    let start = tagsStart;
    for (let tag = 0; start <= end; tag++) {
      let stop = start;
      while (stop < end && text.charCodeAt(stop) !== 2) stop++;
      score += FIELD_WEIGHTS.tags * weigh(tagCounts[tag] ?? 0, stop - start, n);
      start = stop + 1;
    }
  }
  return score;
}

/** The note whose span holds text offset `at`, at or after note `from` (matches come in order: a gallop, then a binary search). */
function noteAt(bounds: Int32Array, n: number, at: number, from: number): number {
  // Dense matches: the note is usually `from` or one of the next few. bounds[3 * lo] <= at throughout.
  let lo = from;
  let hi = from + 1;
  for (let step = 1; hi < n && bounds[3 * hi]! <= at; step *= 2) {
    lo = hi;
    hi = lo + step;
  }
  // The note is in [lo, min(hi, n) - 1].
  hi = Math.min(hi, n) - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[3 * mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A pack's filter, prepared once per query: null when no note of the pack can pass. */
function prepare(pack: Pack, q: ColumnQuery): ((i: number) => boolean) | null {
  const n = pack.ids.length;
  if (n === 0) return null;
  if (q.from !== undefined && pack.createdAt[0]! < q.from) return null;
  if (q.to !== undefined && pack.createdAt[n - 1]! >= q.to) return null;
  let color = -1;
  if (q.color !== undefined && (color = pack.colors.indexOf(q.color)) === -1) return null;
  let tag = -1;
  if (q.tag !== undefined && (tag = pack.tagNames.indexOf(q.tag)) === -1) return null;
  let author = -1;
  if (q.author !== undefined && (author = pack.authors.indexOf(q.author)) === -1) return null;
  // Whether each of the pack's articles is allowed, looked up when a note of it is first checked (1 yes, 2 no):
  // a search checks only its matches' articles, not all of the pack's (a few thousand lookups per pack).
  const articles = q.articles ?? null;
  const allowed = articles ? new Uint8Array(pack.articles.length) : null;
  const keys = pack.articles;
  const { from, to, kind } = q;
  const { createdAt, flags, article, tagStart, tagIds } = pack;
  const c = pack.color;
  const by = pack.author;
  return (i) => {
    if (from !== undefined && createdAt[i]! < from) return false;
    if (to !== undefined && createdAt[i]! >= to) return false;
    if (color !== -1 && c[i] !== color) return false;
    if (author !== -1 && by[i] !== author) return false;
    if (allowed !== null) {
      const a = article[i]!;
      if (allowed[a] === 0) allowed[a] = articles!.has(keys[a]!) ? 1 : 2;
      if (allowed[a] === 2) return false;
    }
    if (kind === 'note' && (flags[i]! & HAS_NOTE) === 0) return false;
    if (kind === 'highlight' && (flags[i]! & HAS_NOTE) !== 0) return false;
    if (kind === 'unplaced' && (flags[i]! & UNPLACED) === 0) return false;
    if (tag !== -1) {
      for (let t = tagStart[i]!; t < tagStart[i + 1]!; t++) if (tagIds[t] === tag) return true;
      return false;
    }
    return true;
  };
}

/**
 * The live notes of a reader, in packs, searched in memory. Built from notes
 * (`build`) or from stored packs (`new SearchColumn(packs)`); `apply` takes
 * notes written since (a deleted note leaves the column).
 */
export class SearchColumn {
  /** The packs, newest notes first, each pack newest first. */
  packs: Pack[];
  /** Which pack holds each id, and at which index (made when first needed). */
  private where: Map<string, { pack: Pack; at: number }> | null = null;
  /** Counts the changes applied (what is derived from the column can tell it is current). */
  version = 0;

  constructor(packs: Pack[] = []) {
    this.packs = packs;
  }

  /** A column of `notes` (deleted ones are left out). */
  static build(notes: Iterable<ColumnSource>): SearchColumn {
    const entries: Entry[] = [];
    for (const note of notes) if (note.deletedAt === null) entries.push(entryOf(note));
    return new SearchColumn(packsOf(entries.sort(newestFirst)));
  }

  /** Live notes held. */
  get size(): number {
    return this.packs.reduce((sum, p) => sum + p.ids.length, 0);
  }

  private locate(): Map<string, { pack: Pack; at: number }> {
    if (!this.where) {
      this.where = new Map();
      for (const pack of this.packs) pack.ids.forEach((id, at) => this.where!.set(id, { pack, at }));
    }
    return this.where;
  }

  /**
   * Takes notes written since the column was made (new, edited, deleted,
   * restored) and the ids of notes deleted for good (`gone`). Returns how many
   * changed the column (a deleted note it did not hold changes nothing).
   */
  apply(notes: readonly ColumnSource[], gone: readonly string[] = []): number {
    const where = this.locate();
    const changed = notes.filter((note) => note.deletedAt === null || where.has(note.id));
    const leaving = gone.filter((id) => where.has(id));
    if (changed.length + leaving.length === 0) return 0;
    this.version++;
    const ids = new Set([...changed.map((n) => n.id), ...leaving]);
    const incoming = changed.filter((n) => n.deletedAt === null).map(entryOf);
    if (ids.size > PACK_NOTES / 5) {
      // Many changes (a restore): decode everything once and pack anew.
      const kept = this.packs.flatMap(decodeAll).filter((e) => !ids.has(e.id));
      this.packs = packsOf([...kept, ...incoming].sort(newestFirst));
      this.where = null;
      return ids.size;
    }
    // A few: only the packs they leave or join are packed anew.
    const touched = new Map<Pack, Entry[]>();
    const entriesOf = (pack: Pack): Entry[] => {
      let list = touched.get(pack);
      if (!list) touched.set(pack, (list = decodeAll(pack)));
      return list;
    };
    const leavingPacks = new Map<Pack, Set<string>>();
    for (const id of ids) {
      const held = where.get(id);
      if (!held) continue;
      let set = leavingPacks.get(held.pack);
      if (!set) leavingPacks.set(held.pack, (set = new Set()));
      set.add(id);
    }
    for (const [pack, out] of leavingPacks) touched.set(pack, entriesOf(pack).filter((e) => !out.has(e.id)));
    for (const entry of incoming) {
      // The first pack (newest first) whose oldest note is not newer than this one; else the oldest pack.
      let target = this.packs.find((p) => p.ids.length > 0 && p.createdAt[p.ids.length - 1]! <= entry.createdAt) ?? this.packs[this.packs.length - 1];
      if (!target) {
        target = encode([]);
        this.packs.push(target);
      }
      entriesOf(target).push(entry);
    }
    const next: Pack[] = [];
    for (const pack of this.packs) {
      const entries = touched.get(pack);
      if (!entries) {
        next.push(pack);
        continue;
      }
      for (const old of pack.ids) where.delete(old);
      entries.sort(newestFirst);
      const pieces = entries.length > 2 * PACK_NOTES ? [entries.slice(0, entries.length >> 1), entries.slice(entries.length >> 1)] : [entries];
      for (const piece of pieces) {
        if (piece.length === 0) continue;
        const made = encode(piece);
        made.ids.forEach((id, at) => where.set(id, { pack: made, at }));
        next.push(made);
      }
    }
    this.packs = next;
    return ids.size;
  }

  /**
   * The notes matching `q` (the folded query in quote, note or a tag, and every
   * filter): their count, the article keys of all when `withArticles`, and the
   * page [offset, offset + limit) in `sort` order.
   */
  search(q: ColumnQuery, sort: ColumnSort, offset: number, limit: number, withArticles = false): ColumnResult {
    if (q.query === '' && !withArticles) return this.list(q, sort === 'oldest', offset, limit);
    const found: number[] = [];
    const scores: number[] = [];
    const packOf: Pack[] = [];
    const articleKeys = withArticles ? new Set<string>() : undefined;
    const query = q.query;
    for (const pack of this.packs) {
      const pass = prepare(pack, q);
      if (!pass) continue;
      const n = pack.ids.length;
      if (query === '') {
        for (let i = 0; i < n; i++) {
          if (!pass(i)) continue;
          found.push(i);
          scores.push(0);
          packOf.push(pack);
          articleKeys?.add(pack.articles[pack.article[i]!]!);
        }
        continue;
      }
      const { text, bounds } = pack;
      let i = 0;
      for (let at = text.indexOf(query); at !== -1; ) {
        i = noteAt(bounds, n, at, i);
        if (pass(i)) {
          found.push(i);
          scores.push(scoreFrom(pack, i, query, at));
          packOf.push(pack);
          articleKeys?.add(pack.articles[pack.article[i]!]!);
          at = nextAt;
        } else at = text.indexOf(query, bounds[3 * i + 3]!);
      }
    }
    const total = found.length;
    const order = pageOrder(scores, sort, query !== '', offset, limit);
    return { hits: order.map((k) => ({ id: packOf[k]!.ids[found[k]!]!, articleKey: packOf[k]!.articles[packOf[k]!.article[found[k]!]!]!, score: scores[k]! })), total, articleKeys };
  }

  /**
   * A list without a query (filters only), newest or oldest first: the notes
   * that pass are counted, and only the page's are kept (a search keeps every
   * match, to rank them). Oldest first walks the packs from their end.
   */
  private list(q: ColumnQuery, oldest: boolean, offset: number, limit: number): ColumnResult {
    const end = offset + limit;
    const hits: ColumnHit[] = [];
    let total = 0;
    const unfiltered = q.articles == null && q.from === undefined && q.to === undefined && q.tag === undefined && q.color === undefined && q.kind === undefined && q.author === undefined;
    const count = this.packs.length;
    for (let p = 0; p < count; p++) {
      const pack = this.packs[oldest ? count - 1 - p : p]!;
      const n = pack.ids.length;
      // Without a filter, a pack wholly before or after the page is only counted.
      if (unfiltered && (total + n <= offset || total >= end)) {
        total += n;
        continue;
      }
      const pass = prepare(pack, q);
      if (!pass) continue;
      for (let k = 0; k < n; k++) {
        const i = oldest ? n - 1 - k : k;
        if (!pass(i)) continue;
        if (total >= offset && total < end) hits.push({ id: pack.ids[i]!, articleKey: pack.articles[pack.article[i]!]!, score: 0 });
        total++;
      }
    }
    return { hits, total };
  }
}

/** Indexes of the page [offset, offset + limit) of matches found newest first, in `sort` order. */
function pageOrder(scores: readonly number[], sort: ColumnSort, searching: boolean, offset: number, limit: number): number[] {
  const total = scores.length;
  const end = Math.min(total, offset + limit);
  const page: number[] = [];
  if (sort === 'oldest') {
    for (let k = offset; k < end; k++) page.push(total - 1 - k);
    return page;
  }
  if (sort === 'newest' || !searching) {
    for (let k = offset; k < end; k++) page.push(k);
    return page;
  }
  // Relevance: a stable counting sort by score, highest first (found order is newest first).
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  const starts = new Int32Array(max + 2);
  for (const s of scores) starts[max - s + 1]! += 1;
  for (let s = 1; s <= max + 1; s++) starts[s]! += starts[s - 1]!;
  const ranked = new Int32Array(total);
  for (let k = 0; k < total; k++) ranked[starts[max - scores[k]!]!++] = k;
  for (let k = offset; k < end; k++) page.push(ranked[k]!);
  return page;
}
