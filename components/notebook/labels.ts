/** Chinese names of note kinds and sorts (colours: lib/model/colors.ts), shared by the notebook's filters and lists. */
import type { NoteKind, NoteSort } from '@/lib/model/notebook';

/** Kind names. */
export const KIND_NAMES: Record<NoteKind, string> = { highlight: '仅划线', note: '有批注', unplaced: '未定位' };
/** Sort names. */
export const SORT_NAMES: Record<NoteSort, string> = { newest: '最新在前', oldest: '最早在前', relevance: '相关度' };

const DATE = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit' });

/** A time as 2026/11/28. */
export function formatDay(time: number): string {
  return DATE.format(time);
}
