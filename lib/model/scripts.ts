/**
 * The reader's script files, as the build writes them (wxt.config.ts) and as the background registers and
 * injects them (lib/sites-registry.ts, entrypoints/background.ts).
 */

/** The reader script (entrypoints/reader.content). */
export const READER_SCRIPT_FILE = 'content-scripts/reader.js';
/** The early storage read that runs just before it at document_start (entrypoints/reader-early.ts). */
export const READER_EARLY_SCRIPT_FILE = 'reader-early.js';
/** What a page of an enabled site gets at document_start, in this order (lib/reader/page-start.ts says why). */
export const READER_PAGE_SCRIPTS: readonly string[] = [READER_EARLY_SCRIPT_FILE, READER_SCRIPT_FILE];
