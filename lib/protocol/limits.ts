/**
 * Size limits of the 提法库 summary a reader script sends, apart from the
 * valibot schemas (lib/protocol/schema.ts) so the content script can use them
 * without bundling the validator.
 */

/** Longest outline label or formulation sentence kept for the 提法库 (a summary, never the article). */
export const MAX_SUMMARY_TEXT_CHARS = 200;
/** Most outline entries, formulations, or sentences per formulation in one analysis record. */
export const MAX_SUMMARY_ENTRIES = 300;
/** Most sentences kept per formulation and article. */
export const MAX_SENTENCES = 3;
