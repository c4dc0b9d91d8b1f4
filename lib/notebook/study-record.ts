/**
 * The study record (学习笔记) of what the reader chose in the notebook or the
 * popup: the database's articles, notes and recorded outlines (lib/db) laid out
 * as export's plain StudyRecord (lib/export). Export reads what the database
 * gives it and never the database itself.
 */
import type { YanduDb } from '../db/database';
import { selectedArticles, type ExportSelection } from '../db/notebook';
import { studyRecordFromDb } from '../export/from-db';
import type { StudyRecord } from '../export/types';

/** The study record of a selection: its articles in the order chosen, each with its notes and recorded outline. */
export async function studyRecordOf(db: YanduDb, selection: ExportSelection, now: number = Date.now()): Promise<StudyRecord> {
  const selected = await selectedArticles(db, selection);
  const record = studyRecordFromDb(
    selected.map(({ article, summary, annotations }) => ({
      article: { ...article, source: summary?.source ?? '', published: summary?.published ?? null },
      annotations,
    })),
    { now },
  );
  record.articles.forEach((article, i) => {
    article.outline = selected[i]!.summary?.outline ?? [];
  });
  return record;
}
