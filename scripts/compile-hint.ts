/**
 * V8's explicit compile hint, the first line of the built content script (wxt.config.ts puts it there after
 * both minifiers; bench/reader.bench.ts measures what it costs and tests/e2e/manifest.e2e.ts checks it is there).
 *
 * Chromium 136+ compiles every function of a script that opens with this comment when it compiles the script:
 * for the content script that is at document_start, while the page is still loading, instead of lazily at each
 * function's first call on the parsed page. The reader calls most of its functions once per page, each for the
 * first time, and the lazy compilation of those (its own and Readability's, 150–260 functions) was the largest
 * part of what it added to Readability's own time. The work is moved, not removed. Older Chromiums and Firefox
 * read a plain comment.
 */
export const EAGER_COMPILE_HINT = '//# allFunctionsCalledOnLoad';
