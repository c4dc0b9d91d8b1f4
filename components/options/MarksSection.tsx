/**
 * Settings: which kinds of automatic marks are made at all, and their colours.
 * Props in, callbacks out.
 */
import type { JSX } from 'preact';
import { DEFAULT_KIND_COLORS, KIND_HINTS, KINDS, type ItemKind, type KindColors } from '@/lib/model/kinds';

export interface MarksSectionProps {
  /** Kinds that are marked. */
  kinds: ReadonlySet<ItemKind>;
  /** Chosen colours ("#rrggbb"); kinds left out use the defaults. */
  colors: KindColors;
  /** The reader switched a kind on or off. */
  onToggleKind: (kind: ItemKind) => void;
  /** The reader chose a colour for a kind. */
  onColor: (kind: ItemKind, color: string) => void;
  /** The reader went back to the default colours. */
  onResetColors: () => void;
}

export function MarksSection(props: MarksSectionProps): JSX.Element {
  return (
    <section aria-labelledby="marks-heading">
      <h2 id="marks-heading">标注的内容与颜色</h2>
      <p class="hint">关闭的类型不再标注，也不在提纲中列出。</p>
      <ul class="kinds">
        {KINDS.map(({ kind, label }) => (
          <li key={kind}>
            <label>
              <input type="checkbox" checked={props.kinds.has(kind)} onChange={() => props.onToggleKind(kind)} />
              {label}
            </label>
            <span class="hint"> {KIND_HINTS[kind]}</span>{' '}
            <input
              type="color"
              aria-label={`${label}的颜色`}
              value={props.colors[kind] ?? DEFAULT_KIND_COLORS[kind]}
              onChange={(event) => props.onColor(kind, event.currentTarget.value)}
            />
          </li>
        ))}
      </ul>
      <button type="button" onClick={props.onResetColors}>
        恢复默认颜色
      </button>
    </section>
  );
}
