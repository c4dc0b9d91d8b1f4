/** A file chooser named by its label (导入备份, 导入学习包): reports the chosen file and clears itself, so the same file can be chosen again. */
import type { JSX } from 'preact';

export interface FileInputProps {
  /** The visible text, also the input's accessible name. */
  label: string;
  /** Accepted types (the input's `accept`). */
  accept: string;
  /** The chosen file. */
  onFile: (file: File) => void;
  /** Whether choosing is blocked (a task is running). */
  disabled?: boolean;
  /** The label's class. */
  class?: string;
}

export function FileInput(props: FileInputProps): JSX.Element {
  return (
    <label class={props.class}>
      {props.label}
      <input
        type="file"
        accept={props.accept}
        aria-label={props.label}
        disabled={props.disabled}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) props.onFile(file);
          event.currentTarget.value = '';
        }}
      />
    </label>
  );
}
