/**
 * The 学习包 (study pack): a file that carries a set of articles with one
 * member's highlights and notes to the other members of a 支部, without any
 * server. Pure: building a pack from records, checking a file completely before
 * anything is written (wrong, cut, foreign or newer files are refused with a
 * Chinese message, like a backup), and the rule that decides, note by note,
 * what an import does — so every rule is tested without a database.
 *
 * `{ format: 'yandu-study-pack', version, exportedAt, member, articles, notes }`.
 * The notes are the member's own; deletions travel as notes with `deletedAt`,
 * so a newer pack of the same member takes back what they deleted.
 */
import * as v from 'valibot';
import { localIsoDate } from '../export/dates';
import { safeNamePart } from '../export/filename';
import type { ExportedFile } from '../export/types';
import { AnnotationSchema, ArticleSchema, BackupError } from '../backup/format';
import { issueText, NOTHING_CHANGED, readText } from '../backup/parse';
import type { AnnotationRecord, ArticleRecord, NoteAuthor, OutlineEntry } from '../model/records';
import { withoutDerived } from '../db/database';
import { MAX_SUMMARY_ENTRIES, OutlineEntrySchema } from '../protocol/schema';

/** The envelope's `format` marker: anything else is not a 学习包. */
export const STUDY_PACK_FORMAT = 'yandu-study-pack';
/** The envelope's version; raise it when the file changes shape. */
export const STUDY_PACK_VERSION = 1;
/** The MIME type of 学习包 files (JSON inside; the extension tells them apart). */
export const STUDY_PACK_MIME = 'application/json';
/** Longest member or 支部 name kept: a name, not a text. */
export const MAX_MEMBER_NAME_CHARS = 40;
/** What the messages call the file. */
const WHAT = '研读学习包';

/** One article as a pack carries it: the record, with what the member's page showed of it. */
export interface PackArticle extends ArticleRecord {
  /** The publisher's name (人民网), or empty. */
  source: string;
  /** Publication date YYYY-MM-DD, or null. */
  published: string | null;
  /** The article's outline (主要精神) as the member's reader found it. */
  outline: OutlineEntry[];
}

/** A note as a pack carries it: the member's own, so without an author of its own. */
export type PackNote = Omit<AnnotationRecord, 'author'>;

/** A whole 学习包. */
export interface StudyPack {
  /** Always STUDY_PACK_FORMAT. */
  format: typeof STUDY_PACK_FORMAT;
  /** STUDY_PACK_VERSION when written. */
  version: number;
  /** When it was written (ISO 8601). */
  exportedAt: string;
  /** Whose notes these are. */
  member: NoteAuthor;
  /** The articles, in the order chosen. */
  articles: PackArticle[];
  /** The member's notes on those articles (deleted ones included, as tombstones). */
  notes: PackNote[];
}

const memberName = v.pipe(v.string(), v.trim(), v.maxLength(MAX_MEMBER_NAME_CHARS, `姓名过长（最多 ${MAX_MEMBER_NAME_CHARS} 字）`));

const MemberSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1, '缺少成员编号'), v.maxLength(128)),
  name: memberName,
  branch: memberName,
});

const PackArticleSchema = v.looseObject({
  ...ArticleSchema.entries,
  source: v.optional(v.pipe(v.string(), v.maxLength(200)), ''),
  published: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, '日期无效'))), null),
  outline: v.optional(v.pipe(v.array(OutlineEntrySchema), v.maxLength(MAX_SUMMARY_ENTRIES)), () => []),
});

const MarkerSchema = v.object({ format: v.literal(STUDY_PACK_FORMAT), version: v.pipe(v.number(), v.integer(), v.minValue(1)) });

const EnvelopeSchema = v.object({
  format: v.literal(STUDY_PACK_FORMAT),
  version: v.literal(STUDY_PACK_VERSION),
  exportedAt: v.pipe(v.string(), v.isoTimestamp('导出时间无效')),
  member: MemberSchema,
  articles: v.array(v.unknown()),
  notes: v.array(v.unknown()),
});

function refuse(code: BackupError['code'], message: string): never {
  throw new BackupError(code, `${message}${NOTHING_CHANGED}`);
}

/** Builds a pack of `member`'s notes on `articles` (notes of other articles are left out). */
export function buildStudyPack(member: NoteAuthor, articles: readonly PackArticle[], notes: readonly AnnotationRecord[], now: number): StudyPack {
  const keys = new Set(articles.map((a) => a.key));
  return {
    format: STUDY_PACK_FORMAT,
    version: STUDY_PACK_VERSION,
    exportedAt: new Date(now).toISOString(),
    member: { id: member.id, name: member.name.trim(), branch: member.branch.trim() },
    articles: articles.map((a) => ({ ...a })),
    notes: notes
      .filter((n) => keys.has(n.articleKey) && n.author === undefined)
      .map((record) => {
        const { author: _own, ...note } = withoutDerived(record);
        return note;
      }),
  };
}

/** The pack as a file to save: 学习包-李华-2026-11-29.json. */
export function studyPackFile(pack: StudyPack): ExportedFile {
  const who = safeNamePart(pack.member.name);
  return {
    data: new TextEncoder().encode(JSON.stringify(pack)),
    filename: `学习包${who ? `-${who}` : ''}-${localIsoDate(Date.parse(pack.exportedAt))}.json`,
    mime: STUDY_PACK_MIME,
  };
}

/** Parses and checks a 学习包 completely (text or bytes). Throws BackupError with a Chinese message; never returns part of a file. */
export async function parseStudyPack(input: string | Uint8Array | Blob): Promise<StudyPack> {
  const text = (await readText(input, WHAT)).replace(/^\uFEFF/, '').trim();
  if (text === '') refuse('empty', '学习包文件是空的。');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (text.startsWith('{') && !text.endsWith('}')) refuse('truncated', '学习包文件不完整（可能传输时被截断），无法导入。');
    refuse(text.startsWith('{') ? 'invalid' : 'not-backup', text.startsWith('{') ? '学习包文件已损坏（JSON 格式错误），无法导入。' : `这不是${WHAT}（不是 JSON 格式）。`);
  }
  const marker = v.safeParse(MarkerSchema, json);
  if (!marker.success) {
    const isBackup = typeof json === 'object' && json !== null && (json as { format?: unknown }).format === 'yandu-backup';
    refuse('not-backup', isBackup ? '这是研读的备份文件，不是学习包：请用“导入备份”导入。' : `这不是${WHAT}（缺少学习包标记）。`);
  }
  if (marker.output.version > STUDY_PACK_VERSION) {
    refuse('newer', `这个学习包由更新版本的研读导出（格式版本 ${marker.output.version}），请先更新扩展再导入。`);
  }
  const envelope = v.safeParse(EnvelopeSchema, json);
  if (!envelope.success) refuse('invalid', `学习包格式有误（${issueText(envelope.issues)}）。`);

  const articles = envelope.output.articles.map((record, i) => {
    const result = v.safeParse(PackArticleSchema, record);
    if (!result.success) refuse('invalid', `学习包内容有误：第 ${i + 1} 篇文章（${issueText(result.issues)}）。`);
    return result.output as unknown as PackArticle;
  });
  const keys = new Set<string>();
  articles.forEach((a, i) => {
    if (keys.has(a.key)) refuse('invalid', `学习包内容有误：第 ${i + 1} 篇文章与前面的重复。`);
    keys.add(a.key);
  });
  const ids = new Set<string>();
  const notes = envelope.output.notes.map((record, i) => {
    const result = v.safeParse(AnnotationSchema, record);
    if (!result.success) refuse('invalid', `学习包内容有误：第 ${i + 1} 条笔记（${issueText(result.issues)}）。`);
    const { author: _claimed, ...note } = withoutDerived(result.output as unknown as AnnotationRecord);
    if (ids.has(note.id)) refuse('invalid', `学习包内容有误：第 ${i + 1} 条笔记与前面的重复。`);
    if (!keys.has(note.articleKey)) refuse('invalid', `学习包内容不一致：第 ${i + 1} 条笔记所属的文章不在学习包中。`);
    ids.add(note.id);
    return note;
  });
  return { ...envelope.output, articles, notes };
}

/** What importing one note of a pack does. */
export type PackNoteAction = 'add' | 'update' | 'keep';

/**
 * The rule for one incoming note. `authorId` is the pack member's id as this
 * reader stores it: undefined when the pack is the reader's own (made on
 * another device), the member's id otherwise. A note the database does not have
 * is added; a note of the same author is replaced only by a later edit
 * (revision first, then time), so re-importing an older or the same pack changes
 * nothing; the reader's own notes are never overwritten by another member's,
 * nor one member's by another's (an id that matches is kept as stored).
 */
export function packNoteAction(stored: AnnotationRecord | undefined, incoming: PackNote, authorId: string | undefined): PackNoteAction {
  if (!stored) return 'add';
  if (stored.author?.id !== authorId) return 'keep';
  const later = incoming.revision > stored.revision || (incoming.revision === stored.revision && incoming.updatedAt > stored.updatedAt);
  return later ? 'update' : 'keep';
}
