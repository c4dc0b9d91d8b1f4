/**
 * A list that renders only the rows in view (fixed row height), for tens of
 * thousands of notes. Asks for more rows (`onNearEnd`) when the reader scrolls
 * close to the end of what is loaded.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';

/** Rows rendered beyond the visible ones on each side, so fast scrolling shows no gaps. */
const OVERSCAN_ROWS = 6;
/** Ask for more when fewer than this many rows are left below the view. */
const NEAR_END_ROWS = 20;

/** What a list of selectable rows takes (the notes and the articles). */
export interface SelectableListProps<T> {
  /** The rows loaded so far. */
  rows: readonly T[];
  /** Keys of the selected rows. */
  selected: ReadonlySet<string>;
  /** Selects or unselects a row by its key. */
  onToggle: (key: string) => void;
  /** Asks for the next page; absent when all are loaded. */
  onMore?: () => void;
  /** The list's visible height in pixels. */
  height: number;
}

export interface VirtualListProps<T> {
  /** The rows loaded so far. */
  items: readonly T[];
  /** Each row's height in pixels. */
  rowHeight: number;
  /** The list's visible height in pixels. */
  height: number;
  /** The list's accessible name. */
  label: string;
  /** A stable key of a row. */
  keyOf: (item: T) => string;
  /** Renders one row's content. */
  render: (item: T) => ComponentChildren;
  /** Called when the view nears the end of the loaded rows. */
  onNearEnd?: () => void;
}

export function VirtualList<T>({ items, rowHeight, height, label, keyOf, render, onNearEnd }: VirtualListProps<T>): JSX.Element {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN_ROWS);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN_ROWS);
  const onScroll = (event: Event): void => {
    const top = (event.currentTarget as HTMLDivElement).scrollTop;
    setScrollTop(top);
    if (onNearEnd && (top + height) / rowHeight > items.length - NEAR_END_ROWS) onNearEnd();
  };
  return (
    <div class="virtual" style={{ height: `${height}px`, overflowY: 'auto', position: 'relative' }} onScroll={onScroll}>
      <ul aria-label={label} style={{ height: `${items.length * rowHeight}px`, position: 'relative', margin: 0, padding: 0, listStyle: 'none' }}>
        {items.slice(first, last).map((item, i) => (
          <li key={keyOf(item)} class="row" style={{ position: 'absolute', top: `${(first + i) * rowHeight}px`, height: `${rowHeight}px`, left: 0, right: 0 }}>
            {render(item)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** How a selectable list draws its rows. */
export interface SelectableRowsProps<T> extends SelectableListProps<T> {
  /** Each row's height in pixels. */
  rowHeight: number;
  /** The list's accessible name. */
  label: string;
  /** A row's key (also what selection reports). */
  keyOf: (item: T) => string;
  /** The accessible name of a row's checkbox. */
  pickLabel: (item: T) => string;
  /** A row's class. */
  rowClass: (item: T) => string;
  /** A row's content beside its checkbox. */
  render: (item: T) => ComponentChildren;
}

/** A virtualised list whose rows each start with a checkbox. */
export function SelectableRows<T>(props: SelectableRowsProps<T>): JSX.Element {
  const { rows, selected, onToggle, onMore, height, rowHeight, label, keyOf } = props;
  return (
    <VirtualList
      items={rows}
      rowHeight={rowHeight}
      height={height}
      label={label}
      keyOf={keyOf}
      onNearEnd={onMore}
      render={(item) => (
        <article class={props.rowClass(item)}>
          <label class="pick">
            <input type="checkbox" checked={selected.has(keyOf(item))} onChange={() => onToggle(keyOf(item))} aria-label={props.pickLabel(item)} />
          </label>
          <div class="body">{props.render(item)}</div>
        </article>
      )}
    />
  );
}
