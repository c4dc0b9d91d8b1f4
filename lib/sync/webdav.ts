/**
 * The few WebDAV verbs sync needs (PROPFIND depth 1, GET, PUT, MKCOL), over an
 * injected `fetch`, against the server the reader named (坚果云, Nextcloud, a
 * NAS). Every failure becomes a SyncError whose message tells the reader, in
 * Chinese, what happened and what to do; nothing here touches local data.
 */

/** Why talking to the server failed. */
export type SyncErrorCode = 'unreachable' | 'auth' | 'quota' | 'server' | 'bad-file' | 'config' | 'permission';

/** A sync failure with a message for the reader; local notes are never touched by one. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** The reader's server: a base folder URL and the account. */
export interface DavAccount {
  /** The WebDAV folder, e.g. https://dav.jianguoyun.com/dav/ (a trailing / is added when missing). */
  url: string;
  /** User name (坚果云: the account e-mail). */
  user: string;
  /** The app password (坚果云: 应用密码), not the account password. */
  password: string;
}

/** The fetch the client uses (the global one in the extension; a counting one in benchmarks). */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** A WebDAV folder's URL with exactly one trailing slash; throws SyncError('config') when it is not an http(s) URL. */
export function folderUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new SyncError('config', '服务器地址无效：请填写完整的网址，如 https://dav.jianguoyun.com/dav/。');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SyncError('config', '服务器地址必须以 https:// 或 http:// 开头。');
  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** The origin pattern to ask host permission for (only this server). */
export function originPattern(input: string): string {
  return `${new URL(folderUrl(input)).origin}/*`;
}

function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

function unreachable(error: unknown): SyncError {
  const reason = error instanceof Error ? error.message : String(error);
  return new SyncError('unreachable', `无法连接同步服务器（${reason}）。请检查网络和服务器地址，稍后会自动重试。`);
}

/** The message for an HTTP status that is not a success. */
function statusError(status: number, what: string): SyncError {
  if (status === 401 || status === 403) return new SyncError('auth', '同步服务器拒绝登录：用户名或应用密码不正确（坚果云请使用“应用密码”）。');
  if (status === 507 || status === 413) return new SyncError('quota', '同步服务器空间已满，无法上传笔记。请清理服务器空间后再同步。');
  return new SyncError('server', `同步服务器出错（${what}：HTTP ${status}），稍后会自动重试。`);
}

/** A client for one account. */
export class DavClient {
  readonly base: string;
  private readonly auth: string;

  constructor(
    account: DavAccount,
    private readonly fetcher: Fetch,
  ) {
    this.base = folderUrl(account.url);
    this.auth = basicAuth(account.user, account.password);
  }

  private async request(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    try {
      return await this.fetcher(new URL(path, this.base).href, {
        method,
        body: init.body,
        headers: { Authorization: this.auth, ...init.headers },
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      throw unreachable(error);
    }
  }

  /** Reads and drops a body we do not need, so the connection is free for the next request. */
  private async discard(response: Response): Promise<void> {
    await this.text(response).catch(() => undefined);
  }

  /** A response's text; a connection cut while reading it is the server being unreachable. */
  private async text(response: Response): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      throw unreachable(error);
    }
  }

  /** The names of a folder's direct children (folders end with /); null when the folder does not exist. */
  async list(path: string): Promise<string[] | null> {
    const response = await this.request('PROPFIND', path, {
      headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
      body: '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>',
    });
    if (response.status !== 207 && !response.ok) {
      await this.discard(response);
      if (response.status === 404) return null;
      throw statusError(response.status, `列出 ${path}`);
    }
    const self = new URL(path, this.base).pathname;
    const hrefs = [...(await this.text(response)).matchAll(/<(?:[A-Za-z0-9]+:)?href>([^<]*)<\/(?:[A-Za-z0-9]+:)?href>/g)].map((m) =>
      decodeURIComponent(new URL(m[1]!.trim(), this.base).pathname),
    );
    const selfDecoded = decodeURIComponent(self);
    return hrefs
      .filter((href) => href !== selfDecoded && href.startsWith(selfDecoded))
      .map((href) => href.slice(selfDecoded.length))
      .filter((name) => name !== '' && !name.slice(0, -1).includes('/'));
  }

  /** A file's text; null when it does not exist. */
  async get(path: string): Promise<string | null> {
    const response = await this.request('GET', path);
    if (!response.ok) {
      await this.discard(response);
      if (response.status === 404) return null;
      throw statusError(response.status, `读取 ${path}`);
    }
    return this.text(response);
  }

  /** Writes a file (JSON). */
  async put(path: string, body: string): Promise<void> {
    const response = await this.request('PUT', path, { body, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    await this.discard(response);
    if (!response.ok) throw statusError(response.status, `上传 ${path}`);
  }

  /** Makes a folder; one that exists already is fine. */
  async mkcol(path: string): Promise<void> {
    const response = await this.request('MKCOL', path);
    await this.discard(response);
    // 405: it exists already (RFC 4918); some servers answer 409/301 for existing folders too.
    if (response.ok || response.status === 405) return;
    if (response.status === 401 || response.status === 403 || response.status === 507) throw statusError(response.status, `建立 ${path}`);
    if ((await this.list(path)) === null) throw statusError(response.status, `建立 ${path}`);
  }
}
