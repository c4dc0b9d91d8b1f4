/** One explanation of a failure for every surface: a full disk reads the same wherever it was hit. */
import { describe, expect, test } from 'vitest';
import { explainStorageError } from '@/lib/db/errors';
import { explainFailure, STORAGE_MARK, STORAGE_MESSAGES } from '@/lib/explain';

describe('explainFailure', () => {
  const full = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  const expected = `${STORAGE_MARK}：${STORAGE_MESSAGES.QuotaExceededError}`;

  test('a full disk hit by an extension page that opened the database itself', () => {
    expect(explainFailure(full())).toBe(expected);
  });

  test('a full disk hit in the background and sent back as a message (only its text travels)', () => {
    const sent = explainStorageError(full()) as Error;
    expect(explainFailure(new Error(sent.message))).toBe(expected);
  });

  test('a quota hit that aborted a transaction, wrapped by Dexie', () => {
    const aborted = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: full() });
    expect(explainFailure(aborted)).toBe(expected);
  });

  test('a broken channel to the background is explained; our own Chinese messages are kept', () => {
    expect(explainFailure(new Error('Could not establish connection. Receiving end does not exist.'))).toContain('研读后台暂时没有响应');
    expect(explainFailure(new Error('消息“saveAnnotation”格式无效：颜色无效'))).toBe('消息“saveAnnotation”格式无效：颜色无效');
    expect(explainFailure('plain text')).toBe('plain text');
  });
});
