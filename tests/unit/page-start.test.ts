/**
 * The page-start read (lib/reader/page-start.ts): what the early script asks of storage and how the reader takes
 * it over — only for the article it was made for, and only once.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { articleKey } from '@/lib/article-key';
import { notedEntry } from '@/lib/noted-articles';
import { kindColorsItem, markKindsItem } from '@/lib/reader/preferences';
import { notedItemKey, PAGE_START_GLOBAL, readPageStart, takeEarlyRead } from '@/lib/reader/page-start';

beforeEach(() => fakeBrowser.reset());

const PAGE = 'https://www.gov.cn/zhengce/content/2026-11/01/content_7000001.htm?spm=share';

describe('readPageStart', () => {
  test('reads the kinds, the colours and the noted entry of the article key in one go', async () => {
    const key = articleKey(PAGE);
    await fakeBrowser.storage.local.set({ markKinds: ['directive'], kindColors: { slogan: '#112233' }, [notedEntry(key)]: 1 });
    const read = readPageStart(PAGE);
    expect(read.key).toBe(key);
    const values = await read.values;
    expect(values.get(markKindsItem.key)).toEqual(['directive']);
    expect(values.get(kindColorsItem.key)).toEqual({ slogan: '#112233' });
    expect(values.get(notedItemKey(key))).toBe(1);
  });

  test('an article without notes and without settings reads as nulls (the fallbacks answer)', async () => {
    const values = await readPageStart(PAGE).values;
    expect([...values.values()]).toEqual([null, null, null]);
  });

  test('the key follows the canonical link of the same site, as the reader computes it', () => {
    const canonical = 'https://www.gov.cn/zhengce/content/2026-11/01/content_7000001.htm';
    expect(readPageStart('https://m.gov.cn/a.htm', canonical).key).toBe(articleKey('https://m.gov.cn/a.htm', canonical));
  });
});

describe('takeEarlyRead', () => {
  test('hands over the early read made for the same article, once', () => {
    const scope: Record<string, unknown> = {};
    const early = readPageStart(PAGE);
    scope[PAGE_START_GLOBAL] = early;
    expect(takeEarlyRead(scope, early.key)).toBe(early);
    expect(PAGE_START_GLOBAL in scope).toBe(false);
    expect(takeEarlyRead(scope, early.key)).toBeNull();
  });

  test('refuses a read made for another article (and drops it)', () => {
    const scope: Record<string, unknown> = { [PAGE_START_GLOBAL]: readPageStart(PAGE) };
    expect(takeEarlyRead(scope, articleKey('https://www.gov.cn/other.htm'))).toBeNull();
    expect(PAGE_START_GLOBAL in scope).toBe(false);
  });

  test('without an early script (the reader injected on request) there is nothing to take', () => {
    expect(takeEarlyRead({}, articleKey(PAGE))).toBeNull();
  });
});

describe('a storage that fails', () => {
  test('the read rejects for the reader to handle, and is not left unhandled before the reader takes it', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const original = fakeBrowser.storage.local.get;
    fakeBrowser.storage.local.get = () => Promise.reject(new Error('storage unreadable'));
    try {
      const read = readPageStart(PAGE);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
      await expect(read.values).rejects.toThrow('storage unreadable');
    } finally {
      fakeBrowser.storage.local.get = original;
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
