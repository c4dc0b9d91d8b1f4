/**
 * 学习包 and the database: collecting the reader's own notes on a selection
 * into a pack, and importing another member's pack — checked whole first
 * (lib/sync/study-pack.ts), then written in one transaction, so a refusal or a
 * failure halfway changes nothing. Imported notes carry their member as
 * `author`; the reader's own notes are never overwritten by them.
 */
import { MERGE_RULES, type BackupRecord } from '../backup/merge';
import { BackupError } from '../backup/format';
import { buildStudyPack, packNoteAction, parseStudyPack, type PackArticle, type StudyPack } from '../sync/study-pack';
import type { AnnotationRecord, NoteAuthor } from '../model/records';
import { withoutDerived, type YanduDb } from './database';
import type { ExportSelection } from './notebook';

/** What an import of a 学习包 did. */
export interface StudyPackImport {
  /** The member whose notes came in (their name and 支部 as they set them). */
  member: NoteAuthor;
  /** Whether the pack was the reader's own (made on another device). */
  own: boolean;
  /** Articles the database did not have. */
  articlesAdded: number;
  /** Notes added. */
  added: number;
  /** Notes replaced by the member's later edit. */
  updated: number;
  /** Notes left as stored (already current, or someone else's with that id). */
  kept: number;
}

/** The reader's own notes on `selection` as a 学习包 of `member`; whole articles bring their deleted notes too (as tombstones). */
export async function studyPackOf(db: YanduDb, selection: ExportSelection, member: NoteAuthor, now: number = Date.now()): Promise<StudyPack> {
  const chosen = (await db.annotations.bulkGet([...selection.noteIds])).filter((n): n is AnnotationRecord => n !== undefined && n.deletedAt === null);
  const keys = [...new Set([...selection.articleKeys, ...chosen.map((n) => n.articleKey)])];
  const articles: PackArticle[] = [];
  const notes: AnnotationRecord[] = [];
  for (const key of keys) {
    const article = await db.articles.get(key);
    if (!article) continue;
    const summary = await db.summaries.get(key);
    articles.push({ ...withoutDerived(article), source: summary?.source ?? '', published: summary?.published ?? null, outline: summary?.outline ?? [] });
    const whole = selection.articleKeys.includes(key);
    const mine = whole ? await db.annotations.where('articleKey').equals(key).toArray() : chosen.filter((n) => n.articleKey === key);
    notes.push(...mine.filter((n) => n.author === undefined).map(withoutDerived));
  }
  if (notes.every((n) => n.deletedAt !== null)) throw new BackupError('empty', '所选内容里没有您自己的笔记，无法生成学习包。');
  return buildStudyPack(member, articles, notes, now);
}

/**
 * Imports a 学习包 (`input`: the file) for the reader `me`. Throws BackupError
 * with a Chinese message when the file is refused or the write fails; nothing
 * is changed then.
 */
export async function importStudyPack(db: YanduDb, input: string | Uint8Array | Blob, me: NoteAuthor): Promise<StudyPackImport> {
  const pack = await parseStudyPack(input);
  const own = pack.member.id === me.id;
  const authorId = own ? undefined : pack.member.id;
  const result: StudyPackImport = { member: pack.member, own, articlesAdded: 0, added: 0, updated: 0, kept: 0 };
  try {
    await db.transaction('rw', [db.articles, db.annotations, db.summaries], async () => {
      const storedArticles = await db.articles.bulkGet(pack.articles.map((a) => a.key));
      for (const [i, incoming] of pack.articles.entries()) {
        const { source, published, outline, ...article } = incoming;
        const stored = storedArticles[i];
        if (!stored) {
          await db.articles.put(article);
          result.articlesAdded += 1;
        } else {
          const merged = MERGE_RULES.articles!.resolve(stored as unknown as BackupRecord, article as unknown as BackupRecord);
          if (merged) await db.articles.put(withoutDerived(merged) as unknown as typeof article);
        }
        // The member's outline stands in until the reader opens the article themselves.
        if (outline.length > 0 && !(await db.summaries.get(article.key))) {
          await db.summaries.put({
            articleKey: article.key, url: article.url, title: article.title, site: article.site, source, published,
            counts: '', outline, formulations: [], firstReadAt: article.firstSeenAt, lastReadAt: article.lastSeenAt,
          });
        }
      }
      const stored = await db.annotations.bulkGet(pack.notes.map((n) => n.id));
      const puts: AnnotationRecord[] = [];
      pack.notes.forEach((note, i) => {
        const action = packNoteAction(stored[i], note, authorId);
        if (action === 'keep') return void (result.kept += 1);
        puts.push(own ? { ...note } : { ...note, author: pack.member });
        result[action === 'add' ? 'added' : 'updated'] += 1;
      });
      if (puts.length > 0) await db.annotations.bulkPut(puts);
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackupError('write-failed', `导入学习包中途失败，已全部撤销，现有数据未作任何更改（${reason}）。`);
  }
  return result;
}
