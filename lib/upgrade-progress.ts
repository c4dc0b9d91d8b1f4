/**
 * How far a long database upgrade (schema v6 rewrites every note) has come,
 * told to the reader where they meet it. The upgrade runs in whichever context
 * opens the database first after 研读 was updated — usually the background —
 * and every other page's database waits until it is done; so the context
 * running it writes its progress to extension storage (`reportUpgrade`), and
 * the notebook, waiting for its database, shows it (`upgradeText`) until its
 * own database is open. Cleared once a context has the database open.
 */
import { storage } from './storage';

/** An upgrade's progress: notes done of all, and when this was written (ms). */
export interface UpgradeState {
  done: number;
  total: number;
  at: number;
}

/** The progress of the upgrade running now (null: none). */
export const upgradeProgressItem = storage.defineItem<UpgradeState | null>('local:dbUpgrade', { fallback: null });

/** Writes the progress (openDb's onUpgradeProgress); a failed write only loses the display. */
export function reportUpgrade(done: number, total: number, now: number = Date.now()): void {
  void upgradeProgressItem.setValue({ done, total, at: now }).catch((error: unknown) => console.warn('[研读] 升级进度未能写入', error));
}

/** Once the database is open (so no upgrade runs): forgets the progress. */
export async function upgradeFinished(): Promise<void> {
  if ((await upgradeProgressItem.getValue()) !== null) await upgradeProgressItem.removeValue();
}

/** The progress as the reader reads it. */
export function upgradeText(state: UpgradeState): string {
  const percent = state.total === 0 ? 100 : Math.min(100, Math.floor((state.done / state.total) * 100));
  const count = `${state.done.toLocaleString('zh-CN')} / ${state.total.toLocaleString('zh-CN')} 条笔记`;
  return state.done < state.total
    ? `研读已更新，正在升级笔记数据（只需一次）… ${percent}%（${count}），完成后自动显示笔记。`
    : `研读已更新，笔记数据已转换（${count}），正在建立搜索数据…`;
}
