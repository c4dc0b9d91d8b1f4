/**
 * The background's answers (lib/protocol/messages.ts) as the unit tests call
 * them: each takes the raw payload, sent from one of 研读's own pages; the
 * browser effects (badge, running the reader on a tab) are recorded, not done.
 */
import type { YanduDb } from '@/lib/db/database';
import { answerers, type MessageName, type MessageSender, type ReplyOf } from '@/lib/protocol/messages';

/** The extension's base address in these tests. */
export const EXTENSION_BASE = 'chrome-extension://abcdefghijklmnop/';

/** Each message's answer, from an extension page. */
export type DbHandlers = { [K in MessageName]: (data: unknown) => Promise<ReplyOf<K>> };

/** The browser effects asked for, in order. */
export interface Effects {
  badges: { tabId: number; text: string }[];
  runs: number[];
}

/** The answers over `db`, sent by `sender` (the popup unless said); `effects` collects the browser effects they ask for. */
export function createDbHandlers(
  db: YanduDb,
  effects: Effects = { badges: [], runs: [] },
  sender: MessageSender = { url: `${EXTENSION_BASE}popup.html` },
): DbHandlers {
  const answers = answerers(
    {
      db,
      setBadge: async (tabId, text) => void effects.badges.push({ tabId, text }),
      runReaderOn: async (tabId) => void effects.runs.push(tabId),
    },
    EXTENSION_BASE,
  );
  const out: Record<string, (data: unknown) => Promise<unknown>> = {};
  for (const [name, answer] of Object.entries(answers)) out[name] = (data) => answer(data, sender);
  return out as DbHandlers;
}
