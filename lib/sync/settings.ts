/**
 * Sync's state in extension storage (never in a page's reach): the reader's
 * server and account, this device's cursor, the last result (shown in settings
 * and the popup), and a request slot the settings page writes to ask the
 * background for a sync now (no message needed: the background watches it).
 */
import { storage } from '../storage';
import type { SyncCursor, SyncProgress } from './engine';
import type { DavAccount } from './webdav';

/** The reader's sync settings. */
export interface SyncConfig extends DavAccount {
  /** Whether sync is on (the reader pressed 开启同步 and granted access to the server). */
  enabled: boolean;
}

/** The last sync's outcome, as settings and the popup show it. */
export interface SyncStatus {
  /** 'running' while a sync goes on; 'ok' or 'error' after. */
  state: 'never' | 'running' | 'ok' | 'error';
  /** When the last sync ended (ms since epoch), or null. */
  at: number | null;
  /** What happened, in Chinese (empty when all went well and nothing needs saying). */
  message: string;
  /** Notes received and sent by the last sync. */
  received: number;
  sent: number;
  /** Failures in a row (for the backoff); 0 after a success. */
  failures: number;
  /** How far a running sync has come. */
  progress: SyncProgress | null;
}

export const syncConfigItem = storage.defineItem<SyncConfig>('local:syncConfig', {
  fallback: { url: '', user: '', password: '', enabled: false },
});

export const syncCursorItem = storage.defineItem<SyncCursor | null>('local:syncCursor', { fallback: null });

export const NEVER_SYNCED: SyncStatus = { state: 'never', at: null, message: '', received: 0, sent: 0, failures: 0, progress: null };

export const syncStatusItem = storage.defineItem<SyncStatus>('local:syncStatus', { fallback: NEVER_SYNCED });

/** Written (with the time) by settings' 立即同步; the background syncs when it changes. */
export const syncRequestItem = storage.defineItem<number>('local:syncRequest', { fallback: 0 });

/** The status line of settings and the popup: it always begins 上次同步 (DESIGN.md contract). */
export function statusLine(status: SyncStatus, formatTime: (ms: number) => string): string {
  if (status.state === 'running') {
    const p = status.progress;
    const doing = p ? `${p.phase === 'pull' ? '正在接收' : '正在发送'} ${p.done}/${p.total}` : '正在同步…';
    return `上次同步：${status.at === null ? '尚未完成' : formatTime(status.at)}（${doing}）`;
  }
  if (status.at === null) return '上次同步：尚未同步';
  if (status.state === 'error') return `上次同步：${formatTime(status.at)} 失败。${status.message}`;
  const counts = `收到 ${status.received} 条，发出 ${status.sent} 条`;
  return `上次同步：${formatTime(status.at)} 成功（${counts}）${status.message ? `。${status.message}` : ''}`;
}
