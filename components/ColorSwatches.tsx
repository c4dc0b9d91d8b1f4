/**
 * The row of highlight colours, with accessible Chinese names. As `radio` it is
 * a choice (the note editor); as `button` each swatch is an action (the
 * toolbar: highlight in this colour now).
 */
import type { JSX } from 'preact';
import { COLOR_INFO, HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/model/colors';

export interface ColorSwatchesProps {
  /** The current colour. */
  selected: HighlightColor;
  /** `radio`: a choice; `button`: an action per colour. */
  mode: 'radio' | 'button';
  /** Class of the group element. */
  class: string;
  /** The buttons wait (a save is under way). */
  disabled?: boolean;
  /** The reader chose a colour. */
  onChoose: (color: HighlightColor) => void;
}

export function ColorSwatches({ selected, mode, disabled, onChoose, class: className }: ColorSwatchesProps): JSX.Element {
  return (
    <span class={className} role={mode === 'radio' ? 'radiogroup' : 'group'} aria-label="颜色">
      {HIGHLIGHT_COLORS.map((color) => ({ color, ...COLOR_INFO[color] })).map((choice) => (
        <button
          key={choice.color}
          type="button"
          role={mode === 'radio' ? 'radio' : undefined}
          class="yd-swatch"
          aria-label={choice.name}
          aria-checked={mode === 'radio' ? choice.color === selected : undefined}
          aria-pressed={mode === 'button' ? choice.color === selected : undefined}
          title={mode === 'button' ? `用${choice.name}标注` : choice.name}
          disabled={disabled}
          style={{ background: choice.swatch }}
          onClick={() => onChoose(choice.color)}
        />
      ))}
    </span>
  );
}
