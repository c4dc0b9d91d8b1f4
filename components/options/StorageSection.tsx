/**
 * Settings: how much room the notes take, whether the browser keeps them
 * persistently, and backup (export) and restore (import). Props in, callbacks out.
 */
import type { JSX } from 'preact';
import { FileInput } from '../FileInput';

/** Bytes in a megabyte, for the usage line. */
const MB = 1024 * 1024;

export interface StorageSectionProps {
  /** `navigator.storage.estimate()`, or null when unknown. */
  usage: { usage: number; quota: number } | null;
  /** Whether storage is persistent; null when unknown or unsupported. */
  persisted: boolean | null;
  /** A backup or import is under way. */
  busy: boolean;
  /** What happened last (done, or what went wrong), or null. */
  message: string | null;
  /** The reader asked for a backup file. */
  onExport: () => void;
  /** The reader chose a backup file to import. */
  onImport: (file: File) => void;
}

function megabytes(bytes: number): string {
  return (bytes / MB).toFixed(bytes < MB ? 2 : 1);
}

export function StorageSection(props: StorageSectionProps): JSX.Element {
  const { usage, persisted } = props;
  return (
    <section aria-labelledby="storage-heading">
      <h2 id="storage-heading">存储与备份</h2>
      <p>
        {usage ? `已使用 ${megabytes(usage.usage)} MB，可用上限约 ${megabytes(usage.quota)} MB。` : '无法读取存储用量。'}
      </p>
      <p>
        {persisted === true
          ? '持久存储：已开启，浏览器不会在空间不足时自动清除笔记。'
          : persisted === false
            ? '持久存储：未开启。空间不足时浏览器可能清除数据，请定期备份。'
            : '持久存储：状态未知。请定期备份。'}
      </p>
      <div class="backup">
        <button type="button" disabled={props.busy} onClick={props.onExport}>
          导出备份
        </button>
        <FileInput label="导入备份" accept="application/json,.json" disabled={props.busy} onFile={props.onImport} />
      </div>
      {props.message && (
        <p class="message" role="status">
          {props.message}
        </p>
      )}
    </section>
  );
}
