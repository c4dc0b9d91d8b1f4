/**
 * Sync in the background: when it runs (on start, a few seconds after the
 * notes change, every SYNC_EVERY_MINUTES, when settings ask), one at a time,
 * with backoff after failures, and what it reports (syncStatusItem). Only the
 * server the reader configured is contacted, and only after they turned sync on
 * and granted access to that one origin. Browser APIs come in as arguments.
 */
import { Dexie } from 'dexie';
import type { YanduDb } from '../db/database';
import { randomUuid } from '../uuid';
import { syncOnce, type SyncCursor } from './engine';
import { NEVER_SYNCED, syncConfigItem, syncCursorItem, syncRequestItem, syncStatusItem, type SyncStatus } from './settings';
import { DavClient, originPattern, SyncError, type Fetch } from './webdav';

/** The periodic alarm: other devices' notes come in even when nothing changes here. */
const SYNC_ALARM = 'yandu-sync';
/** The retry alarm after a failure. */
const RETRY_ALARM = 'yandu-sync-retry';
/** How often to sync when nothing happens here. */
const SYNC_EVERY_MINUTES = 15;
/** Quiet time after a change before syncing: a burst of edits goes up in one file. */
const DEBOUNCE_MS = 4_000;
/** Longest wait between retries (the backoff doubles from 1 minute up to this). */
const MAX_RETRY_MINUTES = 60;

/** The browser APIs the service needs. */
export interface SyncBrowser {
  alarms: {
    create: (name: string, info: { delayInMinutes?: number; periodInMinutes?: number }) => unknown;
    onAlarm: { addListener: (listener: (alarm: { name: string }) => void) => void };
  };
  permissions: { contains: (p: { origins: string[] }) => Promise<boolean> };
}

/** Minutes to wait after `failures` failures in a row: 1, 2, 4 … MAX_RETRY_MINUTES. */
export function retryMinutes(failures: number): number {
  return Math.min(MAX_RETRY_MINUTES, 2 ** Math.max(0, failures - 1));
}

/** Starts the service; returns `syncNow` (also used by tests and benchmarks). */
export function startSyncService(db: YanduDb, browser: SyncBrowser, fetcher: Fetch): { syncNow: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = async (patch: Partial<SyncStatus>): Promise<void> => {
    const current = await syncStatusItem.getValue();
    await syncStatusItem.setValue({ ...NEVER_SYNCED, ...current, ...patch });
  };

  const runOnce = async (): Promise<void> => {
    const config = await syncConfigItem.getValue();
    if (!config.enabled || config.url === '') return;
    const previous = await syncStatusItem.getValue();
    try {
      if (!(await browser.permissions.contains({ origins: [originPattern(config.url)] }))) {
        throw new SyncError('permission', '没有访问同步服务器的权限：请在设置中关闭后重新开启同步，并允许访问。');
      }
      let cursor: SyncCursor | null = await syncCursorItem.getValue();
      if (!cursor) {
        cursor = { device: randomUuid(), seq: 0, taken: {} };
        await syncCursorItem.setValue(cursor);
      }
      await setStatus({ state: 'running', progress: null });
      const client = new DavClient(config, fetcher);
      const report = await syncOnce(db, client, cursor, {
        saveCursor: (next) => syncCursorItem.setValue(next),
        onProgress: (progress) => void setStatus({ state: 'running', progress }),
      });
      const notes = [report.conflicts > 0 ? `有 ${report.conflicts} 条笔记在两台设备上都改过，两个版本都已保留（标签“冲突副本”）` : '', ...report.refused]
        .filter((m) => m !== '')
        .join('；');
      await setStatus({ state: 'ok', at: Date.now(), message: notes, received: report.received, sent: report.sent, failures: 0, progress: null });
    } catch (error) {
      const failures = previous.failures + 1;
      const message = error instanceof SyncError ? error.message : `同步中断（${error instanceof Error ? error.message : String(error)}），稍后会自动重试。`;
      await setStatus({ state: 'error', at: Date.now(), message, failures, progress: null });
      browser.alarms.create(RETRY_ALARM, { delayInMinutes: retryMinutes(failures) });
    }
  };

  const syncNow = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const soon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void syncNow(), DEBOUNCE_MS);
  };

  browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_EVERY_MINUTES });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) void syncNow();
  });
  syncRequestItem.watch(() => void syncNow());
  syncConfigItem.watch((config) => {
    if (config?.enabled) void syncNow();
  });
  // Any write to the notes, from any of our pages or this worker: sync a little later.
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((key) => key.includes('/annotations/'))) soon();
  });
  void syncNow();
  return { syncNow };
}
