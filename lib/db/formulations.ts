/**
 * The 提法库: what the analysis found in the policy articles read. Per article a
 * summary (outline, counts, formulations; never the page text); per formulation
 * and article a sighting (how often, the sentences it stood in); per
 * formulation an aggregate (in how many articles, how many times, first and last
 * seen), kept in step in the same transaction so the list pages by an index
 * instead of adding up sightings.
 */
import { articleKey } from '../article-key';
import type { FormulationRecord, SightingRecord, SummaryRecord } from '../model/records';
import type { AnalysisRecord } from '../protocol/schema';
import type { YanduDb } from './database';

function sightingId(text: string, key: string): string {
  return `${text}\n${key}`;
}

/** Records (or re-records, on a later visit) an article's analysis and its formulations. */
export async function recordAnalysis(db: YanduDb, record: AnalysisRecord, now: number = Date.now()): Promise<SummaryRecord> {
  const key = articleKey(record.page.url, record.page.canonicalUrl);
  return db.transaction('rw', db.summaries, db.sightings, db.formulations, async () => {
    const previous = await db.summaries.get(key);
    const summary: SummaryRecord = {
      articleKey: key,
      url: record.page.url,
      title: record.page.title,
      site: new URL(record.page.url).hostname,
      source: record.source,
      published: record.published,
      counts: record.counts,
      outline: record.outline,
      formulations: record.formulations.map((f) => f.text),
      firstReadAt: previous?.firstReadAt ?? now,
      lastReadAt: now,
    };
    const old = new Map((await db.sightings.where('articleKey').equals(key).toArray()).map((s) => [s.text, s]));
    const texts = [...new Set([...old.keys(), ...summary.formulations])];
    const aggregates = new Map((await db.formulations.bulkGet(texts)).filter((f) => f !== undefined).map((f) => [f.text, f]));
    const sightings: SightingRecord[] = [];
    for (const f of record.formulations) {
      const before = old.get(f.text);
      old.delete(f.text);
      sightings.push({
        id: sightingId(f.text, key),
        text: f.text,
        articleKey: key,
        title: summary.title,
        url: summary.url,
        count: f.count,
        sentences: f.sentences,
        firstSeenAt: before?.firstSeenAt ?? now,
      });
      const agg = aggregates.get(f.text) ?? { text: f.text, articles: 0, times: 0, firstSeenAt: now, lastSeenAt: now };
      aggregates.set(f.text, {
        ...agg,
        articles: agg.articles + (before ? 0 : 1),
        times: agg.times + f.count - (before?.count ?? 0),
        lastSeenAt: now,
      });
    }
    // Formulations the article no longer has (the page changed): their counts go.
    for (const gone of old.values()) {
      const agg = aggregates.get(gone.text);
      if (agg) aggregates.set(gone.text, { ...agg, articles: agg.articles - 1, times: agg.times - gone.count });
    }
    await db.sightings.bulkDelete([...old.values()].map((s) => s.id));
    await db.sightings.bulkPut(sightings);
    const all = [...aggregates.values()];
    await db.formulations.bulkDelete(all.filter((f) => f.articles <= 0).map((f) => f.text));
    await db.formulations.bulkPut(all.filter((f) => f.articles > 0));
    await db.summaries.put(summary);
    return summary;
  });
}

/** Which formulations to list. */
export interface FormulationQuery {
  /** Only those first seen at or after this time (ms since epoch): 本月新见. */
  since?: number;
  /** How many to skip (paging). */
  offset: number;
  /** How many to return. */
  limit: number;
}

/** Formulations, in most articles first (or, with `since`, the newest first). */
export async function listFormulations(db: YanduDb, query: FormulationQuery): Promise<FormulationRecord[]> {
  const collection =
    query.since === undefined
      ? db.formulations.orderBy('articles').reverse()
      : db.formulations.where('firstSeenAt').aboveOrEqual(query.since).reverse();
  return collection.offset(query.offset).limit(query.limit).toArray();
}

/** How many formulations (first seen since `since`, when given). */
export function countFormulations(db: YanduDb, since?: number): Promise<number> {
  return since === undefined ? db.formulations.count() : db.formulations.where('firstSeenAt').aboveOrEqual(since).count();
}

/** The articles a formulation stood in, first seen first (at most `limit`). */
export async function sightingsOf(db: YanduDb, text: string, limit: number): Promise<SightingRecord[]> {
  const list = await db.sightings.where('text').equals(text).limit(limit).toArray();
  return list.sort((a, b) => a.firstSeenAt - b.firstSeenAt);
}

/** The recorded analysis of an article, or null. */
export async function summaryOf(db: YanduDb, key: string): Promise<SummaryRecord | null> {
  return (await db.summaries.get(key)) ?? null;
}
