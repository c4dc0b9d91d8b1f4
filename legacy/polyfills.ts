/**
 * What Chromium 64–70 lacks and the shipped code (ours and our dependencies') uses, installed only
 * where missing. Bundled by wxt.config.ts into a banner at the top of every script of the MV2 builds,
 * so it runs before anything else; scripts/compat-check.ts (LEGACY_POLYFILLS) knows these names and
 * still holds the rest of the code to Chromium 64.
 */
/* eslint-disable no-extend-native */
// `self` is the global object in pages, content scripts and workers alike.
const root = self as unknown as Record<string, unknown>;

function define(target: object, name: string, value: unknown): void {
  if (!(name in target)) Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
}

// globalThis (Chromium 71).
define(root, 'globalThis', root);

// Object.fromEntries (Chromium 73).
define(Object, 'fromEntries', function fromEntries(entries: Iterable<readonly [PropertyKey, unknown]>): Record<PropertyKey, unknown> {
  const out: Record<PropertyKey, unknown> = {};
  for (const [key, value] of entries) out[key] = value;
  return out;
});

// Array.prototype.flat and flatMap (Chromium 69).
function flatten(source: readonly unknown[], depth: number, out: unknown[]): unknown[] {
  for (let i = 0; i < source.length; i++) {
    if (!(i in source)) continue;
    const item = source[i];
    if (depth > 0 && Array.isArray(item)) flatten(item, depth - 1, out);
    else out.push(item);
  }
  return out;
}
define(Array.prototype, 'flat', function flat(this: unknown[], depth?: number): unknown[] {
  const d = depth === undefined ? 1 : Number(depth);
  return flatten(this, d === d ? d : 0, []);
});
define(Array.prototype, 'flatMap', function flatMap(
  this: unknown[],
  callback: (value: unknown, index: number, array: unknown[]) => unknown,
  thisArg?: unknown,
): unknown[] {
  return flatten(this.map(callback, thisArg), 1, []);
});

// queueMicrotask (Chromium 71).
define(root, 'queueMicrotask', function queueMicrotask(callback: () => void): void {
  Promise.resolve()
    .then(callback)
    .catch((error: unknown) =>
      setTimeout(() => {
        throw error;
      }),
    );
});

// String.prototype.trimStart / trimEnd (Chromium 66; the older trimLeft / trimRight are the same functions).
define(String.prototype, 'trimStart', String.prototype.trimLeft);
define(String.prototype, 'trimEnd', String.prototype.trimRight);

// String.prototype.replaceAll (Chromium 85).
define(String.prototype, 'replaceAll', function replaceAll(
  this: string,
  pattern: string | RegExp,
  replacement: string | ((substring: string, ...args: unknown[]) => string),
): string {
  if (pattern instanceof RegExp) {
    if (!pattern.global) throw new TypeError('replaceAll must be called with a global RegExp');
    return String(this).replace(pattern, replacement as string);
  }
  // A string pattern as a global RegExp of itself: `$` patterns and replacer arguments are then as in replaceAll.
  const escaped = String(pattern).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return String(this).replace(new RegExp(escaped, 'g'), replacement as string);
});

// String.prototype.matchAll (Chromium 73): every match of a global RegExp, as an iterator.
define(String.prototype, 'matchAll', function matchAll(this: string, pattern: RegExp | string): IterableIterator<RegExpExecArray> {
  if (pattern instanceof RegExp && !pattern.global) throw new TypeError('matchAll must be called with a global RegExp');
  const regex = new RegExp(pattern, pattern instanceof RegExp ? pattern.flags : 'g');
  regex.lastIndex = pattern instanceof RegExp ? pattern.lastIndex : 0;
  const source = String(this);
  const matches: RegExpExecArray[] = [];
  for (let match = regex.exec(source); match !== null; match = regex.exec(source)) {
    matches.push(match);
    if (match[0] === '') regex.lastIndex += 1;
  }
  return matches[Symbol.iterator]();
});

// AbortController / AbortSignal (Chromium 66): enough for `abort()`, `signal.aborted` and its abort event.
if (typeof root.AbortController !== 'function') {
  class AbortSignalPolyfill extends EventTarget {
    aborted = false;
    reason: unknown = undefined;
    onabort: ((event: Event) => void) | null = null;
    throwIfAborted(): void {
      if (this.aborted) throw this.reason;
    }
  }
  class AbortControllerPolyfill {
    readonly signal = new AbortSignalPolyfill();
    abort(reason?: unknown): void {
      if (this.signal.aborted) return;
      this.signal.aborted = true;
      this.signal.reason = reason === undefined ? new Error('This operation was aborted') : reason;
      const event = new Event('abort');
      this.signal.onabort?.(event);
      this.signal.dispatchEvent(event);
    }
  }
  define(root, 'AbortSignal', AbortSignalPolyfill);
  define(root, 'AbortController', AbortControllerPolyfill);
}
