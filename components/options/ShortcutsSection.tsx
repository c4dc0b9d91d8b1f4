/** Settings: the keyboard shortcuts as the browser has them, and where to change them. Props in, callbacks out. */
import type { JSX } from 'preact';

/** One command and its current keys. */
export interface ShortcutRow {
  /** The command's description (Chinese, from the manifest). */
  description: string;
  /** Its keys, or "" when none is set. */
  shortcut: string;
}

export interface ShortcutsSectionProps {
  /** The commands. */
  shortcuts: readonly ShortcutRow[];
  /** Where the browser lets the reader change them, said in words. */
  whereToChange: string;
  /** Opens the browser's shortcut settings; absent where a page cannot open them (Firefox). */
  onOpenShortcutSettings?: () => void;
}

export function ShortcutsSection(props: ShortcutsSectionProps): JSX.Element {
  return (
    <section aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">快捷键</h2>
      <table class="shortcuts">
        <tbody>
          {props.shortcuts.map((row) => (
            <tr key={row.description}>
              <td>{row.description}</td>
              <td>{row.shortcut ? <kbd>{row.shortcut}</kbd> : <span class="hint">未设置</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">{props.whereToChange}</p>
      {props.onOpenShortcutSettings && (
        <button type="button" onClick={props.onOpenShortcutSettings}>
          修改快捷键
        </button>
      )}
    </section>
  );
}
