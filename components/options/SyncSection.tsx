/**
 * Settings → 同步: the reader's WebDAV server (坚果云, Nextcloud, the unit's
 * NAS), account and app password; 开启同步 / 关闭同步, 立即同步, and the status
 * line (上次同步 …). Props in, callbacks out.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A password field has no ARIA role of its own; the contract names 应用密码 a text box (the characters stay hidden). */
const TEXTBOX_ROLE = { role: 'textbox' } as Record<string, string>;

export interface SyncSectionProps {
  /** The saved server address, user and whether sync is on (the password is never shown back). */
  url: string;
  user: string;
  enabled: boolean;
  /** Whether a password is saved. */
  hasPassword: boolean;
  /** The status line (begins 上次同步). */
  status: string;
  /** Whether the last sync failed (the line is then an alert). */
  failed: boolean;
  /** A message about the last action (saved, refused), or null. */
  message: string | null;
  /** The reader pressed 开启同步 with these fields (an empty password keeps the saved one). */
  onEnable: (url: string, user: string, password: string) => void;
  /** The reader pressed 关闭同步. */
  onDisable: () => void;
  /** The reader pressed 立即同步. */
  onSyncNow: () => void;
}

export function SyncSection(props: SyncSectionProps): JSX.Element {
  const [url, setUrl] = useState(props.url);
  const [user, setUser] = useState(props.user);
  const [password, setPassword] = useState('');
  useEffect(() => setUrl(props.url), [props.url]);
  useEffect(() => setUser(props.user), [props.user]);
  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">同步</h2>
      <p>
        通过您自己的 WebDAV 服务器（如坚果云、Nextcloud、单位的 NAS）在几台电脑之间同步笔记。笔记以 JSON
        文件保存在该服务器上；研读只连接这一个地址，开启时才请求访问权限。
      </p>
      <div class="sync-fields">
        <label>
          服务器地址
          <input type="url" placeholder="https://dav.jianguoyun.com/dav/" value={url} disabled={props.enabled} onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <label>
          用户名
          <input type="text" autoComplete="off" value={user} disabled={props.enabled} onInput={(e) => setUser(e.currentTarget.value)} />
        </label>
        <label>
          应用密码
          <input
            type="password"
            {...TEXTBOX_ROLE}
            autoComplete="off"
            placeholder={props.hasPassword ? '已保存（留空则不变）' : '坚果云请使用“应用密码”'}
            value={password}
            disabled={props.enabled}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
      </div>
      <div class="sync-actions">
        {props.enabled ? (
          <button type="button" onClick={props.onDisable}>关闭同步</button>
        ) : (
          <button type="button" onClick={() => props.onEnable(url, user, password)}>开启同步</button>
        )}
        <button type="button" disabled={!props.enabled} onClick={props.onSyncNow}>立即同步</button>
      </div>
      {/* Not role=status: the settings page keeps one status role (sites); a failure is an alert. */}
      <p class="sync-status" aria-live="polite" role={props.failed ? 'alert' : undefined}>{props.status}</p>
      {props.message && <p class="sync-message">{props.message}</p>}
    </section>
  );
}
