/**
 * Settings: which kinds of automatic marks are made at all, and their colours.
 * Props in, callbacks out.
 */
import type { JSX } from 'preact';
import { KIND_LABELS } from '@/components/OutlinePanel';
import type { ItemKind } from '@/lib/analysis';

/** Each kind's default colour (close to the page style's defaults), for the colour pickers. */
export const DEFAULT_KIND_COLORS: Readonly<Record<ItemKind, string>> = {
  lead: '#4285f4',
  directive: '#d68c00',
  slogan: '#db4437',
  parallel: '#0f9d58',
};

/** What each kind is, in a sentence. */
const KIND_HINTS: Readonly<Record<ItemKind, string>> = {
  lead: '排比段首（要把……摆在更加突出的位置）',
  directive: '分条举措（一是……二是……、（一）（二））',
  slogan: '提法（“四个全面”“一岗双责”）',
  parallel: '排比短语（听民意、解民忧、排民难）',
};

export interface MarksSectionProps {
  /** Kinds that are marked. */
  kinds: ReadonlySet<ItemKind>;
  /** Chosen colours ("#rrggbb"); kinds left out use the defaults. */
  colors: Partial<Record<ItemKind, string>>;
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
        {KIND_LABELS.map(([kind, label]) => (
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
