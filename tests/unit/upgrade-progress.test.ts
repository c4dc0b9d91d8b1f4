/** The upgrade's progress as the notebook shows it, and its round trip through extension storage. */
import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reportUpgrade, upgradeFinished, upgradeProgressItem, upgradeText } from '@/lib/upgrade-progress';

beforeEach(() => fakeBrowser.reset());

test('the text gives the percentage and the count, then says the search data is being built', () => {
  expect(upgradeText({ done: 42_000, total: 100_000, at: 0 })).toBe('研读已更新，正在升级笔记数据（只需一次）… 42%（42,000 / 100,000 条笔记），完成后自动显示笔记。');
  expect(upgradeText({ done: 0, total: 0, at: 0 })).toBe('研读已更新，笔记数据已转换（0 / 0 条笔记），正在建立搜索数据…');
  expect(upgradeText({ done: 100_000, total: 100_000, at: 0 })).toContain('正在建立搜索数据');
});

test('reported progress is seen by a watcher, and forgotten once the database is open', async () => {
  const seen: (number | null)[] = [];
  const unwatch = upgradeProgressItem.watch((state) => seen.push(state?.done ?? null));
  reportUpgrade(0, 4_000, 1);
  reportUpgrade(2_000, 4_000, 2);
  await expect.poll(() => upgradeProgressItem.getValue()).toEqual({ done: 2_000, total: 4_000, at: 2 });
  await upgradeFinished();
  expect(await upgradeProgressItem.getValue()).toBeNull();
  await expect.poll(() => seen).toEqual([0, 2_000, null]);
  unwatch();
});
