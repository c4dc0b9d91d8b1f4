import { purgeDeleted } from '@/lib/db/annotations';
import { requestPersistence } from '@/lib/db/persist';
import { keepNoted, resyncNoted } from '@/lib/db/noted';
import { openDb } from '@/lib/db/schema';
import { foldAfterWrites } from '@/lib/db/search-store';
import { notedStore } from '@/lib/noted-articles';
import { reportUpgrade, upgradeFinished } from '@/lib/upgrade-progress';
import { listen, sendMessage } from '@/lib/messaging';
import { CommandSchema, parseMessage } from '@/lib/protocol/schema';
import { answerers, answerMessage, type BackgroundContext } from '@/lib/protocol/messages';
import { OFFICIAL_SITE_MATCHES } from '@/lib/model/sites';
import { READER_SCRIPT_FILE } from '@/lib/model/scripts';
import { startSitesRegistry, type BackgroundApi } from '@/lib/sites-registry';
import { welcomeOnInstalled } from '@/lib/welcome';
import { scriptingApi, toolbarButton, type ExtensionApi } from '@/lib/extension-api';
import { startSyncService } from '@/lib/sync/service';

/** `browser` as lib/extension-api.ts reads it: MV3 `action`/`scripting`, or MV2 `browserAction`/`tabs.executeScript`. */
const extensionApi = browser as unknown as ExtensionApi;

/** Sets, in the tab's isolated world, the flag that tells the reader script it was asked for. */
async function markTabForced(tabId: number): Promise<void> {
  const func = (): void => {
    (globalThis as { __yanduForced?: boolean }).__yanduForced = true;
  };
  try {
    await scriptingApi(extensionApi).executeScript({ target: { tabId }, func });
  } catch {
    // Chromium 88–91 call the injected function `function` (renamed `func` in 92).
    await scriptingApi(extensionApi).executeScript({ target: { tabId }, function: func } as unknown as Parameters<
      typeof browser.scripting.executeScript
    >[0]);
  }
}

export default defineBackground({
  main() {
    // The e2e build only: a log of every message received, read by tests through the service worker
    // (a page without notes must reach done without one). Not in the release build.
    if (import.meta.env.MODE === 'e2e') {
      const received: { type: string; tabId: number | null; at: number }[] = [];
      (globalThis as { __ydReceived?: typeof received }).__ydReceived = received;
      browser.runtime.onMessage.addListener((message: unknown, sender) => {
        const type = (message as { type?: unknown } | null)?.type;
        received.push({ type: typeof type === 'string' ? type : '?', tabId: sender.tab?.id ?? null, at: Date.now() });
        return undefined;
      });
    }
    // An upgrade that rewrites every note (schema v6) tells how far it has come: the notebook shows it (lib/upgrade-progress).
    const db = openDb(undefined, { onUpgradeProgress: reportUpgrade });
    void db.open().then(upgradeFinished, (error: unknown) => console.warn('[研读] 数据库打开失败', error));
    // The set of articles with notes, read by the reader script without a message (lib/noted-articles.ts):
    // kept in step with every write, and written whole once per install, update and browser start.
    const noted = notedStore(browser.storage.local);
    keepNoted(db, noted);
    const resync = (): void =>
      void resyncNoted(db, noted).catch((error: unknown) => console.warn('[研读] 重建“有批注的文章”记录失败', error));
    browser.runtime.onInstalled.addListener(resync);
    browser.runtime.onStartup.addListener(resync);
    // The write log folded into the search packs once it names 1,000 notes beyond them, a moment after a note write
    // (the page's answer first): the popup reads every note it names, and only the notebook stores its column.
    foldAfterWrites(db);
    // The reader's own sites (settings): registered for the reader script as their permissions allow.
    startSitesRegistry(
      { scripting: scriptingApi(extensionApi) as BackgroundApi['scripting'], permissions: browser.permissions, runtime: browser.runtime, tabs: browser.tabs },
      OFFICIAL_SITE_MATCHES,
    );
    // First install only (not an update of 研读 or of the browser): the welcome page.
    browser.runtime.onInstalled.addListener(welcomeOnInstalled((path) => browser.tabs.create({ url: browser.runtime.getURL(path) })));
    // Each start: ask to keep our storage (the answer shows in settings) and drop deletions past their 30 days.
    void requestPersistence(db, navigator.storage).catch((error: unknown) => console.warn('[研读] 持久存储请求失败', error));
    void purgeDeleted(db).catch((error: unknown) => console.warn('[研读] 清理已删除批注失败', error));
    // Sync with the reader's own WebDAV server, when they turned it on (lib/sync).
    startSyncService(db, browser, (input, init) => fetch(input, init));
    // Every message the background answers is an entry of lib/protocol/messages.ts: sender checked, payload parsed, answered.
    const context: BackgroundContext = {
      db,
      async setBadge(tabId, text) {
        await toolbarButton(extensionApi).setBadgeBackgroundColor({ tabId, color: '#b3261e' });
        await toolbarButton(extensionApi).setBadgeText({ tabId, text });
      },
      async runReaderOn(tabId) {
        try {
          await sendMessage('runReader', { forced: true }, tabId);
        } catch {
          // No reader script in that tab yet (not an enabled site): inject it, flagged as asked for.
          await markTabForced(tabId);
          await scriptingApi(extensionApi).executeScript({ target: { tabId }, files: [`/${READER_SCRIPT_FILE}`] });
        }
      },
    };
    const answers = answerers(context, browser.runtime.getURL('/'));
    listen((type, data, sender) => answerMessage(answers, type, data, sender));
    // Keyboard shortcuts (manifest `commands`) go to the active tab's reader script.
    browser.commands?.onCommand.addListener((command, tab) => {
      const tabId = tab?.id;
      if (tabId === undefined) return;
      const request = parseMessage(CommandSchema, { command }, 'runCommand');
      void sendMessage('runCommand', request, tabId).catch(() => undefined);
    });
  },
});
