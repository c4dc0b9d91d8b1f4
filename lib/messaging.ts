/**
 * The one typed protocol between content scripts, extension pages and the
 * background. What the background answers is its message table
 * (lib/protocol/messages.ts, imported here as types only: no validator reaches
 * the reader script); what a tab's reader script answers is `TabMessages`.
 *
 * On the wire (`runtime.sendMessage`, `tabs.sendMessage`): `{ type, data,
 * timestamp }`, answered `{ res }` or `{ err: { name, message } }` (a message
 * keeps only the error's text, which our errors word for the reader).
 */
import type { MessageName, MessageSender, PayloadOf, ReplyOf } from './protocol/messages';
import type { ArticleQuery, CommandRequest, RunRequest } from './protocol/schema';

/** The article as the reader script read it, for the full-text export (全文网页). */
export interface ArticleText {
  /** The article's title. */
  title: string;
  /** The article text (paragraphs separated by line breaks), as notes' positions count it. */
  text: string;
  /** The automatic items by their offsets in `text` (empty when the page is not marked). */
  items: { kind: 'directive' | 'lead' | 'slogan' | 'parallel'; start: number; end: number }[];
}

/** The messages a tab's reader script answers (sent by the background, the popup or the notebook to one tab). */
export interface TabMessages {
  /** Which article the page is (its URL and canonical link). */
  pageIdentity(): ArticleQuery;
  /** A keyboard shortcut was pressed. */
  runCommand(request: CommandRequest): void;
  /** Run now, marking even a page that is not policy. */
  runReader(request: RunRequest): void;
  /** The article's text and structure (null before an article was read). */
  articleText(): ArticleText | null;
}
type TabName = keyof TabMessages;
type TabPayload<K extends TabName> = Parameters<TabMessages[K]> extends [infer P] ? P : undefined;

/** One message on the wire. */
interface Envelope {
  type: string;
  data: unknown;
  timestamp: number;
}
/** Its answer on the wire. */
type Answer = { res: unknown; err?: undefined } | { err: { name: string; message: string } };

function unwrap(answer: Answer | undefined): unknown {
  // An answer that never came reads as the channel's failure (lib/explain.ts words it for the reader).
  if (answer == null) throw new Error('No response');
  if (answer.err) throw Object.assign(new Error(answer.err.message), { name: answer.err.name });
  return answer.res;
}

/** Sends a message to the background, or (with `tabId`) to that tab's reader script; resolves with the answer. */
export function sendMessage<K extends MessageName>(type: K, data: PayloadOf<K>): Promise<ReplyOf<K>>;
export function sendMessage<K extends TabName>(type: K, data: TabPayload<K>, tabId: number): Promise<ReturnType<TabMessages[K]>>;
export function sendMessage(type: string, data: unknown, tabId?: number): Promise<unknown> {
  const message: Envelope = { type, data, timestamp: Date.now() };
  return new Promise<Answer | undefined>((resolve, reject) => {
    const reply = (answer: Answer | undefined): void => {
      const failure = chrome.runtime.lastError;
      if (failure) reject(new Error(failure.message));
      else resolve(answer);
    };
    if (tabId === undefined) chrome.runtime.sendMessage(message, reply);
    else chrome.tabs.sendMessage(tabId, message, reply);
  }).then(unwrap);
}

/**
 * Answers the messages `answer` takes (it returns undefined for the others, so
 * another listener may answer them). Returns the way to stop listening.
 */
export function listen(answer: (type: string, data: unknown, sender: MessageSender) => Promise<unknown> | undefined): () => void {
  const listener = (message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (answer: Answer) => void): boolean => {
    const { type, data } = (message ?? {}) as Partial<Envelope>;
    if (typeof type !== 'string') return false;
    const pending = answer(type, data, { url: sender.url, tabId: sender.tab?.id });
    if (!pending) return false;
    pending.then(
      (res) => sendResponse({ res }),
      (error: unknown) => {
        const { name = 'Error', message: text = String(error) } = error instanceof Error ? error : {};
        sendResponse({ err: { name, message: text } });
      },
    );
    return true;
  };
  chrome.runtime.onMessage.addListener(listener);
  return () => chrome.runtime.onMessage.removeListener(listener);
}

/** A tab message's handler in the reader script. */
type TabHandler<K extends TabName> = (message: { data: TabPayload<K> }) => ReturnType<TabMessages[K]> | Promise<ReturnType<TabMessages[K]>>;

const tabHandlers = new Map<string, (message: { data: unknown }) => unknown>();
let listening = false;

/** In the reader script: answers tab message `type` (one handler per message). Returns the way to stop. */
export function onMessage<K extends TabName>(type: K, handler: TabHandler<K>): () => void {
  if (!listening) {
    listening = true;
    listen((name, data) => {
      const run = tabHandlers.get(name);
      return run ? Promise.resolve().then(() => run({ data })) : undefined;
    });
  }
  tabHandlers.set(type, handler as (message: { data: unknown }) => unknown);
  return () => tabHandlers.delete(type);
}
