/**
 * Maps what the database keeps (lib/db/records.ts) and an article's analysis
 * (lib/analysis) to the export's plain StudyRecord.
 *
 * The database does not yet keep an article's source, publication date or
 * outline: the mapper takes the analysis as an argument and reads `source` /
 * `published` when an article record has them. Deleted notes are left out.
 */
import type { Analysis, OutlineNode } from '../analysis/types';
import type { AnnotationRecord, ArticleRecord } from '../model/records';
import { localIsoDate } from './dates';
import type { OutlineEntry, StudyArticle, StudyHighlight, StudyRecord } from './types';

/** One article as stored, with what export needs that the article record may not hold yet. */
export interface StoredArticleInput {
  /** The stored article. */
  article: ArticleRecord & { source?: string; published?: string | null };
  /** Its highlights (any order; deleted ones are left out). */
  annotations: readonly AnnotationRecord[];
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

function toHighlight(a: AnnotationRecord): StudyHighlight {
  return {
    id: a.id,
    quote: a.quote.exact,
    color: a.color,
    position: a.position.start,
    note: a.note,
    tags: [...a.tags],
    createdAt: a.createdAt,
    ...(a.author ? { author: { name: a.author.name, branch: a.author.branch } } : {}),
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
    highlights: input.annotations.filter((a) => a.deletedAt === null).map(toHighlight),
    key: article.key,
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
