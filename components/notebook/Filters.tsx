/** The notebook's filters (site, member, date range, tag, colour, kind) and sort; each change reports the whole filter. */
import type { JSX } from 'preact';
import { OWN_NOTES, type NoteFilter, type NoteKind, type NoteSort } from '@/lib/model/notebook';
import { COLOR_INFO, HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/model/colors';
import { KIND_NAMES, SORT_NAMES } from './labels';

export interface FiltersProps {
  /** The filter now (without the query, which the search box holds). */
  filter: NoteFilter;
  /** The sort now. */
  sort: NoteSort;
  /** Sites to offer. */
  sites: readonly string[];
  /** Tags to offer. */
  tags: readonly string[];
  /** Members whose 学习包 were imported (id and 张三（支部）); the filter shows only when there are some. */
  members?: readonly { id: string; label: string }[];
  /** Reports a changed filter. */
  onFilter: (filter: NoteFilter) => void;
  /** Reports a changed sort. */
  onSort: (sort: NoteSort) => void;
}

/** A local date (YYYY-MM-DD from a date input) → ms at its start; `end`: at the start of the next day. */
function dayStart(value: string, end: boolean): number | undefined {
  if (!value) return undefined;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y!, m! - 1, d! + (end ? 1 : 0)).getTime();
}

function dayValue(time: number | undefined, end: boolean): string {
  if (time === undefined) return '';
  const date = new Date(time - (end ? 1 : 0));
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function choice<T extends string>(value: string): T | undefined {
  return value === '' ? undefined : (value as T);
}

export function Filters({ filter, sort, sites, tags, members = [], onFilter, onSort }: FiltersProps): JSX.Element {
  const set = (patch: Partial<NoteFilter>): void => onFilter({ ...filter, ...patch });
  const value = (event: Event): string => (event.currentTarget as HTMLSelectElement | HTMLInputElement).value;
  return (
    <fieldset class="filters">
      <legend>筛选</legend>
      <label>
        网站
        <select value={filter.site ?? ''} onChange={(e) => set({ site: choice(value(e)) })}>
          <option value="">全部网站</option>
          {sites.map((site) => (
            <option key={site} value={site}>{site}</option>
          ))}
        </select>
      </label>
      {members.length > 0 && (
        <label>
          成员
          <select value={filter.author ?? ''} onChange={(e) => set({ author: choice(value(e)) })}>
            <option value="">全部成员</option>
            <option value={OWN_NOTES}>我自己</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>{m.label}</option>
            ))}
          </select>
        </label>
      )}
      <label>
        起始日期
        <input type="date" value={dayValue(filter.from, false)} onChange={(e) => set({ from: dayStart(value(e), false) })} />
      </label>
      <label>
        截止日期
        <input type="date" value={dayValue(filter.to, true)} onChange={(e) => set({ to: dayStart(value(e), true) })} />
      </label>
      <label>
        标签
        <select value={filter.tag ?? ''} onChange={(e) => set({ tag: choice(value(e)) })}>
          <option value="">全部标签</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>{tag}</option>
          ))}
        </select>
      </label>
      <label>
        颜色
        <select value={filter.color ?? ''} onChange={(e) => set({ color: choice<HighlightColor>(value(e)) })}>
          <option value="">全部颜色</option>
          {HIGHLIGHT_COLORS.map((color) => (
            <option key={color} value={color}>{COLOR_INFO[color].name}</option>
          ))}
        </select>
      </label>
      <label>
        类型
        <select value={filter.kind ?? ''} onChange={(e) => set({ kind: choice<NoteKind>(value(e)) })}>
          <option value="">全部类型</option>
          {(Object.keys(KIND_NAMES) as NoteKind[]).map((kind) => (
            <option key={kind} value={kind}>{KIND_NAMES[kind]}</option>
          ))}
        </select>
      </label>
      <label>
        排序
        <select value={sort} onChange={(e) => onSort(value(e) as NoteSort)}>
          {(Object.keys(SORT_NAMES) as NoteSort[]).map((s) => (
            <option key={s} value={s}>{SORT_NAMES[s]}</option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
