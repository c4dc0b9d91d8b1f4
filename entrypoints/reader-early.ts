/**
 * The first of the reader's content scripts (wxt.config.ts puts it before content-scripts/reader.js in the
 * manifest's entry): asks extension storage for what the reader needs of it (lib/reader/page-start.ts) while
 * the large reader script is still being compiled, and leaves the pending answer where the reader takes it.
 * Nothing else. An unlisted script, so that it carries no content-script runtime of its own.
 */
import { PAGE_START_GLOBAL, readPageStart } from '@/lib/reader/page-start';
import { readsThisFrame } from './reader.content/frames';

export default defineUnlistedScript(() => {
  if (!readsThisFrame()) return;
  // At document_start the page has no canonical link yet: the key is the address's (the reader checks it).
  (globalThis as Record<string, unknown>)[PAGE_START_GLOBAL] = readPageStart(location.href, null);
});
