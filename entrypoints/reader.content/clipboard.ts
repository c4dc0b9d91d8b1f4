/**
 * Writing 复制引用's text to the clipboard from the page. The Clipboard API
 * exists only in secure contexts (https); many official sites are still served
 * over plain http, where `navigator.clipboard` is undefined. There the copy
 * command, which the click on 复制引用 allows, fills the clipboard through the
 * copy event it fires.
 */

/** Thrown when neither way could write the clipboard. */
const NOT_ALLOWED = '浏览器不允许在此页复制，请手动选中文字后按 Ctrl+C';

export async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  let written = false;
  const fill = (event: ClipboardEvent): void => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    written = true;
  };
  document.addEventListener('copy', fill, true);
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', fill, true);
  }
  if (!written) throw new Error(NOT_ALLOWED);
}
