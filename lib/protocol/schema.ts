/**
 * The shapes of everything that crosses from a web page's content script to the
 * background, as valibot schemas. The background parses every message with
 * these before touching the database: a content script runs beside a page we do
 * not trust, so its messages are input, not facts.
 */
import * as v from 'valibot';
import { HIGHLIGHT_COLORS } from '../model/colors';
import type { OutlineEntry } from '../model/records';
import { MAX_SENTENCES, MAX_SUMMARY_ENTRIES, MAX_SUMMARY_TEXT_CHARS } from './limits';

/** Longest quote we store: a highlight is a passage, not a whole article. */
export const MAX_QUOTE_CHARS = 5_000;
/** Longest note text. */
export const MAX_NOTE_CHARS = 20_000;
/** Longest URL or title we accept. */
export const MAX_URL_CHARS = 2_048;
/** Longest tag: a word or short phrase (“三会一课”), not a sentence. */
export const MAX_TAG_CHARS = 32;
/** Most tags on one note. */
export const MAX_TAGS = 20;
/** Most notes one placement report may name (a page's notes). */
export const MAX_REPORTED_NOTES = 10_000;

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A web page's address: notes belong to http(s) pages only. */
const pageUrl = v.pipe(
  v.string(),
  v.maxLength(MAX_URL_CHARS),
  v.url(),
  v.regex(/^https?:\/\//i, '只接受 http(s) 网页地址'),
);

export const QuoteSelectorSchema = v.strictObject({
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE_CHARS)),
  prefix: v.pipe(v.string(), v.maxLength(64)),
  suffix: v.pipe(v.string(), v.maxLength(64)),
});

export const PositionSelectorSchema = v.pipe(
  v.strictObject({ start: offset, end: offset }),
  v.check((p) => p.end > p.start, '位置无效：结束位置必须在开始位置之后'),
);

export const PageInfoSchema = v.strictObject({
  url: pageUrl,
  /** The page's <link rel=canonical>, when it has one (lib/article-key.ts decides whether to trust it). */
  canonicalUrl: v.optional(v.nullable(pageUrl)),
  title: v.pipe(v.string(), v.maxLength(MAX_URL_CHARS)),
});

const noteId = v.pipe(v.string(), v.uuid('批注编号无效'));
const noteText = v.pipe(v.string(), v.maxLength(MAX_NOTE_CHARS, `批注过长（最多 ${MAX_NOTE_CHARS} 字）`));
const tagList = v.pipe(
  v.array(v.pipe(v.string(), v.maxLength(MAX_TAG_CHARS, `标签过长（最多 ${MAX_TAG_CHARS} 字）`))),
  v.maxLength(MAX_TAGS, `标签过多（最多 ${MAX_TAGS} 个）`),
);

export const AnnotationDraftSchema = v.strictObject({
  /** Made by the sender, so a save retried after a lost answer stores the note once. */
  id: v.optional(v.pipe(v.string(), v.uuid())),
  page: PageInfoSchema,
  quote: QuoteSelectorSchema,
  position: PositionSelectorSchema,
  color: v.picklist(HIGHLIGHT_COLORS),
  note: noteText,
  tags: v.optional(tagList),
});
/** What a content script sends to save a new highlight. */
export type AnnotationDraft = v.InferOutput<typeof AnnotationDraftSchema>;

export const ArticleQuerySchema = v.strictObject({ url: pageUrl, canonicalUrl: v.optional(v.nullable(pageUrl)) });
/** Which article's highlights to list. */
export type ArticleQuery = v.InferOutput<typeof ArticleQuerySchema>;

export const AnnotationEditSchema = v.pipe(
  v.strictObject({
    id: noteId,
    /** The revision the edit started from (AnnotationRecord.revision). */
    revision: v.pipe(v.number(), v.integer(), v.minValue(1)),
    note: v.optional(noteText),
    color: v.optional(v.picklist(HIGHLIGHT_COLORS)),
    tags: v.optional(tagList),
  }),
  v.check((e) => e.note !== undefined || e.color !== undefined || e.tags !== undefined, '没有要修改的内容'),
);
/** A change to a note's text, colour or tags, from the revision it started from. */
export type AnnotationEdit = v.InferOutput<typeof AnnotationEditSchema>;

export const NoteRefSchema = v.strictObject({ id: noteId });
/** Which note to delete or restore. */
export type NoteRef = v.InferOutput<typeof NoteRefSchema>;

export const PlacementReportSchema = v.strictObject({
  placed: v.pipe(v.array(noteId), v.maxLength(MAX_REPORTED_NOTES)),
  unplaced: v.pipe(v.array(noteId), v.maxLength(MAX_REPORTED_NOTES)),
});
/** Which of a page's notes it could and could not place (未定位). */
export type PlacementReport = v.InferOutput<typeof PlacementReportSchema>;

/** A message without a payload. */
export const NoPayloadSchema = v.nullish(v.strictObject({}));

export const CommandSchema = v.strictObject({ command: v.picklist(['highlight-selection', 'note-selection']) });
/** A keyboard shortcut (manifest `commands`) for the active tab's reader script. */
export type CommandRequest = v.InferOutput<typeof CommandSchema>;

export const PageReportSchema = v.strictObject({
  isPolicy: v.boolean(),
  directiveCount: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)),
});
/** What the reader script found on a page (for the toolbar badge). */
export type PageReport = v.InferOutput<typeof PageReportSchema>;

export const TabQuerySchema = v.strictObject({
  tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
/** Which browser tab a request is about. */
export type TabQuery = v.InferOutput<typeof TabQuerySchema>;

export { MAX_SENTENCES, MAX_SUMMARY_ENTRIES, MAX_SUMMARY_TEXT_CHARS } from './limits';

const summaryText = v.pipe(v.string(), v.maxLength(MAX_SUMMARY_TEXT_CHARS));

export const OutlineEntrySchema: v.GenericSchema<OutlineEntry> = v.strictObject({
  kind: v.picklist(['lead', 'directive']),
  marker: v.nullable(v.pipe(v.string(), v.maxLength(16))),
  label: summaryText,
  children: v.pipe(v.array(v.lazy(() => OutlineEntrySchema)), v.maxLength(MAX_SUMMARY_ENTRIES)),
});

export const AnalysisRecordSchema = v.strictObject({
  page: PageInfoSchema,
  /** The publisher as the page names it (og:site_name) or the site's usual name. */
  source: v.pipe(v.string(), v.maxLength(64)),
  /** Publication date as YYYY-MM-DD, when the page gives one. */
  published: v.nullable(v.pipe(v.string(), v.isoDate())),
  /** The outline counts as the panel shows them (4个方面 · 14项举措 · 10个提法). */
  counts: v.pipe(v.string(), v.maxLength(120)),
  outline: v.pipe(v.array(OutlineEntrySchema), v.maxLength(MAX_SUMMARY_ENTRIES)),
  formulations: v.pipe(
    v.array(
      v.strictObject({
        text: v.pipe(v.string(), v.minLength(2), v.maxLength(40)),
        count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000)),
        sentences: v.pipe(v.array(summaryText), v.maxLength(MAX_SENTENCES)),
      }),
    ),
    v.maxLength(MAX_SUMMARY_ENTRIES),
  ),
});
/** What the reader script records about a policy article it analysed: its outline and formulations, never its text. */
export type AnalysisRecord = v.InferOutput<typeof AnalysisRecordSchema>;

/** What the background asks of a tab's reader script. */
export interface RunRequest {
  /** Mark the page even if it does not score as a policy text. */
  forced: boolean;
}

/**
 * Parses `data` with `schema`, or throws an Error whose message says in Chinese
 * what was wrong (the sender shows it to the reader).
 */
export function parseMessage<S extends v.GenericSchema>(schema: S, data: unknown, name: string): v.InferOutput<S> {
  let result: v.SafeParseResult<S>;
  try {
    result = v.safeParse(schema, data);
  } catch (error) {
    // A payload nested deeper than the stack allows (a forged outline) is refused like any other bad payload.
    if (error instanceof RangeError) throw new Error(`消息“${name}”格式无效：内容嵌套过深`);
    throw error;
  }
  if (result.success) return result.output;
  const issue = result.issues[0];
  const where = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
  throw new Error(`消息“${name}”格式无效${where ? `（${where}）` : ''}：${issue?.message ?? '未知错误'}`);
}
