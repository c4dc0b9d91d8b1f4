/**
 * Saves an exported file from an extension page: an <a download> on a Blob URL
 * (no `downloads` permission needed), the URL released once the click is done.
 */
import type { ExportedFile } from '@/lib/export';

/** Time to keep the Blob URL alive after the click: the download starts asynchronously. */
const REVOKE_AFTER_MS = 60_000;

export function saveFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.data as BlobPart], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
