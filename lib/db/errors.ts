/**
 * Errors the database answers with, worded for the reader (they travel back
 * through messages, which keep only the message text, so each message starts
 * with a fixed marker the sender can recognise). Storage failures (quota, a
 * closed or blocked database, a failed upgrade) get one Chinese message each
 * (lib/explain.ts, which every surface uses to tell the reader what failed).
 */
import type { Dexie } from 'dexie';
import { BLOCKED_ERROR_NAME, STORAGE_MARK, STORAGE_MESSAGES, storageMessage } from '../explain';

/** The start of a conflict message: another tab changed the note first. */
export const CONFLICT_MARK = '修改冲突';
/** The start of a not-found message. */
export const NOT_FOUND_MARK = '找不到批注';

/** Another tab edited the note since this edit began; nothing was overwritten. */
export class NoteConflictError extends Error {
  constructor(readonly currentRevision: number) {
    super(`${CONFLICT_MARK}：这条批注已在另一个标签页中修改，为免覆盖，本次未保存。您输入的内容仍保留在编辑框中，可再按“保存”以此为准。`);
    this.name = 'NoteConflictError';
  }
}

/** The note does not exist (or no longer: deleted and purged). */
export class NoteNotFoundError extends Error {
  constructor(detail: string) {
    super(`${NOT_FOUND_MARK}：${detail}`);
    this.name = 'NoteNotFoundError';
  }
}

/** Whether an error (or its message, after a message round trip) is a conflict. */
export function isConflict(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith(CONFLICT_MARK);
}

/**
 * The error to send back to the reader: a storage failure becomes an Error with
 * its Chinese message (messages keep only the text); anything else is unchanged.
 */
export function explainStorageError(error: unknown): unknown {
  const message = storageMessage(error);
  if (message === null) return error;
  console.warn('[研读] 存储出错', error);
  return new Error(`${STORAGE_MARK}：${message}`);
}

/** Another connection holds the database at an older version and does not let the upgrade through. */
export class DatabaseBlockedError extends Error {
  constructor() {
    super(STORAGE_MESSAGES[BLOCKED_ERROR_NAME]);
    this.name = BLOCKED_ERROR_NAME;
  }
}

/**
 * A guard for the requests answered from `db`: a storage failure reaches the
 * reader as its Chinese message, and while an upgrade is blocked by another
 * connection (Dexie then waits without end) a request is refused at once
 * instead of hanging the reader's 保存.
 */
export function guardStorage(db: Dexie): <T>(run: () => Promise<T>) => Promise<T> {
  let blocked = false;
  db.on('blocked', () => {
    blocked = true;
    console.warn('[研读] 数据库升级被另一个连接阻塞，等待其关闭');
  });
  db.on('ready', () => {
    blocked = false;
  });
  return async (run) => {
    if (blocked && !db.isOpen()) throw explainStorageError(new DatabaseBlockedError());
    try {
      return await run();
    } catch (error) {
      throw explainStorageError(error);
    }
  };
}
