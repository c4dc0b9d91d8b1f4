/**
 * Cancellation and progress helpers shared by the exports and the backup.
 * `AbortSignal.throwIfAborted` is Chromium 100+; we target 88, so we check by hand.
 */
import type { TaskOptions } from './types';

/** Throws an AbortError (in Chinese) when `signal` has been aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('操作已取消', 'AbortError');
}

/** Reports progress (if anyone listens) and then checks for cancellation. */
export function step(options: TaskOptions | undefined, done: number, total: number): void {
  options?.onProgress?.({ done, total });
  throwIfAborted(options?.signal);
}

/** Lets the page handle input between chunks of a long export (not inside a database transaction). */
export function yieldToPage(): Promise<void> {
  return new Promise((resume) => setTimeout(resume, 0));
}
