/**
 * The one message table: every message the background answers, in one entry
 * each — who may send it, the schema its payload must pass, and what answers
 * it. The background loops over the table (`answerers`); the senders' types
 * come from it (lib/messaging.ts imports them as types only, so no validator
 * reaches the reader script). Adding a message is one entry here plus its
 * tests (a bad payload refused: tests/unit/faults/messages.test.ts).
 *
 * A content script runs beside a page we do not trust, so every payload is
 * input, not fact: it is parsed before anything reads it.
 */
import type * as v from 'valibot';
import {
  annotationsForArticle,
  deleteAnnotation,
  recordPlacement,
  restoreAnnotation,
  saveAnnotation,
  updateAnnotation,
} from '../db/annotations';
import type { YanduDb } from '../db/database';
import { guardStorage } from '../db/errors';
import { recordAnalysis } from '../db/formulations';
import { persistenceStatus } from '../db/persist';
import { listTags } from '../db/tags';
import {
  AnalysisRecordSchema,
  AnnotationDraftSchema,
  AnnotationEditSchema,
  ArticleQuerySchema,
  NoPayloadSchema,
  NoteRefSchema,
  PageReportSchema,
  parseMessage,
  PlacementReportSchema,
  TabQuerySchema,
  type PageReport,
} from './schema';

/** Who sent a message, as the browser tells the background. */
export interface MessageSender {
  /** The sending page's address: a web page's for a content script, ours for the popup, notebook, settings. */
  url?: string;
  /** The sender's tab (content scripts). */
  tabId?: number;
}

/** What the answers act on: the database and the two browser effects some messages ask for. */
export interface BackgroundContext {
  db: YanduDb;
  /** Sets a tab's toolbar badge. */
  setBadge(tabId: number, text: string): Promise<void>;
  /** Runs the reader on a tab, marking even a page that is not policy (injects it where it does not run yet). */
  runReaderOn(tabId: number): Promise<void>;
}

/**
 * One message. `from`: `'page'` — content scripts in web pages too; `'extension'`
 * — 研读's own pages only (they read across all articles, or act on other tabs).
 * `storage: false` marks an answer that does not touch the database (it skips
 * the storage guard, which refuses requests while an upgrade is blocked).
 */
export interface MessageEntry<S extends v.GenericSchema, R> {
  from: 'page' | 'extension';
  payload: S;
  storage?: false;
  answer(payload: v.InferOutput<S>, context: BackgroundContext, sender: MessageSender): Promise<R>;
}

/** An entry, its types inferred. */
const entry = <S extends v.GenericSchema, R>(e: MessageEntry<S, R>): MessageEntry<S, R> => e;

/** Every message the background answers. */
export const MESSAGES = {
  /** Save a new highlight; replies with the stored record. */
  saveAnnotation: entry({ from: 'page', payload: AnnotationDraftSchema, answer: (draft, { db }) => saveAnnotation(db, draft) }),
  /** The highlights of one article. */
  annotationsForArticle: entry({
    from: 'page',
    payload: ArticleQuerySchema,
    answer: (query, { db }) => annotationsForArticle(db, query),
  }),
  /** Change a note's text, colour or tags; refused when another tab edited it since `revision`. */
  updateAnnotation: entry({ from: 'page', payload: AnnotationEditSchema, answer: (edit, { db }) => updateAnnotation(db, edit) }),
  /** Delete a note softly (restorable for 30 days); replies with the deleted record. */
  deleteAnnotation: entry({ from: 'page', payload: NoteRefSchema, answer: ({ id }, { db }) => deleteAnnotation(db, id) }),
  /** Undo a delete. */
  restoreAnnotation: entry({ from: 'page', payload: NoteRefSchema, answer: ({ id }, { db }) => restoreAnnotation(db, id) }),
  /** Every tag used, most recent first, for completion. */
  listTags: entry({ from: 'page', payload: NoPayloadSchema, answer: (_, { db }) => listTags(db) }),
  /** Which of the page's notes could not be placed (未定位) and which could. */
  reportPlacement: entry({ from: 'page', payload: PlacementReportSchema, answer: (report, { db }) => recordPlacement(db, report) }),
  /** Whether the browser keeps our storage (for settings). */
  storageStatus: entry({ from: 'extension', payload: NoPayloadSchema, answer: (_, { db }) => persistenceStatus(db) }),
  /** The reader script analysed a policy article: record its outline and formulations (提法库). */
  recordAnalysis: entry({
    from: 'page',
    payload: AnalysisRecordSchema,
    answer: async (record, { db }) => {
      await recordAnalysis(db, record);
    },
  }),
  /** The reader script's findings on the sender's tab (sets the toolbar badge). */
  reportPage: entry({
    from: 'page',
    payload: PageReportSchema,
    storage: false,
    answer: async (report, context, { tabId }) => {
      if (tabId !== undefined) await context.setBadge(tabId, badgeText(report));
    },
  }),
  /** From the popup: run the reader on a tab even if it is not a policy page (the reader asked). */
  runReaderOnTab: entry({
    from: 'extension',
    payload: TabQuerySchema,
    storage: false,
    answer: ({ tabId }, context) => context.runReaderOn(tabId),
  }),
};

/** The messages the background answers. */
export type MessageName = keyof typeof MESSAGES;
/** What a sender passes with message `K`. */
export type PayloadOf<K extends MessageName> = (typeof MESSAGES)[K] extends MessageEntry<infer S, unknown> ? v.InferInput<S> : never;
/** What message `K` is answered with. */
export type ReplyOf<K extends MessageName> = (typeof MESSAGES)[K] extends MessageEntry<v.GenericSchema, infer R> ? R : never;

/** The answer to each message: checks the sender, parses the raw payload, answers (storage failures explained in Chinese). */
export type Answerers = { [K in MessageName]: (data: unknown, sender: MessageSender) => Promise<ReplyOf<K>> };

/**
 * Every entry of the table as a function of the raw message and its sender:
 * what the background calls. `extensionBase` is `browser.runtime.getURL('/')`.
 */
export function answerers(context: BackgroundContext, extensionBase: string): Answerers {
  const guarded = guardStorage(context.db);
  const out: Record<string, (data: unknown, sender: MessageSender) => Promise<unknown>> = {};
  for (const [name, e] of Object.entries(MESSAGES) as [string, MessageEntry<v.GenericSchema, unknown>][]) {
    out[name] = async (data, sender) => {
      // Only our own pages (popup, notebook, settings) may send what reads across articles or acts on other tabs.
      if (e.from === 'extension' && !sender.url?.startsWith(extensionBase)) throw new Error(`消息“${name}”只接受研读自己的页面发送`);
      const run = async (): Promise<unknown> => e.answer(parseMessage(e.payload, data, name), context, sender);
      return e.storage === false ? run() : guarded(run);
    };
  }
  return out as Answerers;
}

/** The answer to a message by its name, or undefined when the background answers no such message (not ours to answer). */
export function answerMessage(answers: Answerers, type: string, data: unknown, sender: MessageSender): Promise<unknown> | undefined {
  if (!Object.prototype.hasOwnProperty.call(answers, type)) return undefined;
  return answers[type as MessageName](data, sender);
}

/** The badge text for a page report: the number of directives on policy pages, else nothing. */
function badgeText(report: PageReport): string {
  if (!report.isPolicy || report.directiveCount === 0) return '';
  return report.directiveCount > 999 ? '999+' : String(report.directiveCount);
}
