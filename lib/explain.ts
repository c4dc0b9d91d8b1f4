/**
 * One way to tell the reader, in Chinese, why something failed — used by every
 * surface (the page's toolbar and editor, the popup, the notebook, settings).
 * A storage failure reads the same wherever it happened: in the background
 * (which sends it back as its message) or in an extension page that opened the
 * database itself. Pure: no database, no browser APIs.
 */

/** The start of every storage-failure message (see `explainStorageError`). */
export const STORAGE_MARK = '存储出错';
/** The name under which a blocked upgrade is reported (Dexie waits silently; the background names it). */
export const BLOCKED_ERROR_NAME = 'DatabaseBlockedError';

/**
 * The reader's message for each storage failure, by the error's name (Dexie's
 * or IndexedDB's). Each says what happened to this request and that what is
 * already stored is untouched: a failed request is rolled back whole.
 */
export const STORAGE_MESSAGES: Readonly<Record<string, string>> = {
  QuotaExceededError: '存储空间已满，本次未保存；已保存的批注都在。请释放磁盘空间，或在设置中导出备份、清理不需要的批注后再试。',
  DatabaseClosedError: '数据库连接已关闭（浏览器可能清除了扩展数据，或研读正在更新），本次未保存；请再试一次。',
  VersionError: '数据库由更新版本的研读创建，当前版本无法读写；为免损坏数据，本次未做任何修改。请将研读更新到最新版本。',
  UpgradeError: '数据库升级失败，原有数据保留未动；本次未读写。请导出备份，并向我们报告此问题。',
  OpenFailedError: '数据库无法打开或升级失败，原有数据保留未动，本次未读写。请重启浏览器后再试；若仍不行，请导出备份并向我们报告此问题。',
  MissingAPIError: '浏览器不允许研读使用本地存储（例如在某些隐私模式下），本次未保存。',
  InvalidStateError: '数据库暂时不可用（浏览器正在关闭或清除数据），本次未保存；请稍后再试。',
  TransactionInactiveError: '数据库操作被中断，本次未保存；已保存的数据未受影响，请再试一次。',
  AbortError: '数据库操作被中断，本次未保存；已保存的数据未受影响，请再试一次。',
  TimeoutError: '数据库响应超时，本次未保存；请再试一次。',
  UnknownError: '浏览器存储出现未知错误（可能是磁盘故障或空间不足），本次未保存；已保存的数据未被改动。',
  [BLOCKED_ERROR_NAME]: '数据库正在升级，但另一个打开着的研读页面（笔记本、设置或旧版本）仍占用它；请关闭那些标签页后再试。本次未保存。',
};

/** How deep `storageMessage` looks into wrapped errors (Dexie's `inner`, the standard `cause`). */
const MAX_WRAPPED_DEPTH = 4;

/** The storage message for `error` or an error it wraps, or null when it is no storage failure. */
export function storageMessage(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_WRAPPED_DEPTH && current && typeof current === 'object'; depth++) {
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    // AbortError often wraps the real reason (a quota hit aborts the transaction): prefer the inner one.
    const wrapped = inner ?? cause;
    // A database closed because its opening failed (an upgrade threw) carries that failure inside.
    if (name === 'DatabaseClosedError' && wrapped) return storageMessage(wrapped) ?? STORAGE_MESSAGES.OpenFailedError!;
    if (typeof name === 'string' && name in STORAGE_MESSAGES && !(name === 'AbortError' && storageMessage(wrapped))) {
      return STORAGE_MESSAGES[name]!;
    }
    current = wrapped;
  }
  return null;
}

/** The message for a request whose answer never came (the channel to the background broke). */
export const CHANNEL_MESSAGES: readonly { pattern: RegExp; message: string }[] = [
  {
    pattern: /extension context invalidated/i,
    message: '研读刚刚更新或重新加载，本页需刷新后才能保存；编辑框中的内容仍在，请先复制保留。',
  },
  {
    pattern: /could not establish connection|receiving end does not exist|message (channel|port) closed|no response/i,
    message: '研读后台暂时没有响应（可能刚刚重启），本次可能未保存；您输入的内容仍在编辑框中，请再按“保存”。',
  },
];

/** The reader's message for a failed request: the channel's failure in Chinese, else the error's own message. */
export function requestFailureMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return CHANNEL_MESSAGES.find((c) => c.pattern.test(text))?.message ?? text;
}

/**
 * The reader's message for any failure: a storage failure's (存储出错：…), a
 * broken channel's, else the error's own message (ours are worded in Chinese).
 * The reader script, which never opens the database (its storage failures come
 * back from the background already explained), uses `requestFailureMessage`
 * and keeps the storage table out of its 60 kB bundle.
 */
export function explainFailure(error: unknown): string {
  const storage = storageMessage(error);
  return storage === null ? requestFailureMessage(error) : `${STORAGE_MARK}：${storage}`;
}
