/**
 * Errors the database answers with, worded for the reader (they travel back
 * through messages, which keep only the message text, so each message starts
 * with a fixed marker the sender can recognise).
 */

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
