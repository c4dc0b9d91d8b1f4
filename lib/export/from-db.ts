/**
 * Maps what the database keeps (lib/db/records.ts) and an article's analysis
 * (lib/analysis) to the export's plain StudyRecord.
 *
 * The database does not yet keep an article's source, publication date or
 * outline, nor tags and soft deletion of notes: the mapper takes the outline
 * as an argument and reads `tags` / `deletedAt` when a record has them, so it
 * keeps working as lib/db gains those fields.
 */
import type { Analysis, OutlineNode } from '../analysis/types';
import type { AnnotationRecord, ArticleRecord } from '../db/records';
import { localIsoDate } from './dates';
import type { OutlineEntry, StudyArticle, StudyHighlight, StudyRecord } from './types';

/** A stored highlight, with the fields lib/db is adding (optional until it has them). */
export type StoredAnnotation = AnnotationRecord & {
  /** The reader's tags. */
  tags?: readonly string[];
  /** Set when the reader deleted the note (soft delete); such notes are not exported. */
  deletedAt?: number | null;
};

/** One article as stored, with what export needs that the article record may not hold yet. */
export interface StoredArticleInput {
  /** The stored article. */
  article: ArticleRecord & { source?: string; published?: string | null };
  /** Its highlights (any order; deleted ones are left out). */
  annotations: readonly StoredAnnotation[];
  /** The article's analysis, when the caller has it (the outline of 主要精神). */
  analysis?: Pick<Analysis, 'items' | 'outline'> | null;
}

/** Converts an analysis outline to export entries: full item text, marker as written. */
export function outlineFromAnalysis(analysis: Pick<Analysis, 'items' | 'outline'>): OutlineEntry[] {
  const convert = (node: OutlineNode): OutlineEntry[] => {
    const item = analysis.items[node.item];
    if (!item || (item.kind !== 'lead' && item.kind !== 'directive')) return [];
    return [{ kind: item.kind, marker: item.marker, label: item.text, children: node.children.flatMap(convert) }];
  };
  return analysis.outline.nodes.flatMap(convert);
}

function toHighlight(a: StoredAnnotation): StudyHighlight {
  return {
    id: a.id,
    quote: a.quote.exact,
    color: a.color,
    position: a.position.start,
    note: a.note,
    tags: [...(a.tags ?? [])],
    createdAt: a.createdAt,
  };
}

/** One stored article as an export article. */
export function articleFromDb(input: StoredArticleInput): StudyArticle {
  const { article } = input;
  return {
    title: article.title,
    url: article.url,
    site: article.site,
    source: article.source ?? '',
    published: article.published ?? null,
    outline: input.analysis ? outlineFromAnalysis(input.analysis) : [],
    highlights: input.annotations.filter((a) => a.deletedAt == null).map(toHighlight),
  };
}

/** A study record of the chosen articles, titled by the reader (or 学习笔记), dated `studyDate` or today. */
export function studyRecordFromDb(
  articles: readonly StoredArticleInput[],
  options: { title?: string; studyDate?: string; now?: number } = {},
): StudyRecord {
  return {
    title: options.title ?? '',
    studyDate: options.studyDate ?? localIsoDate(options.now ?? Date.now()),
    articles: articles.map(articleFromDb),
  };
}
