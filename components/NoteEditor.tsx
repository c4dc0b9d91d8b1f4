/**
 * The note editor: the quote, a multi-line text box named 批注, colours, tags
 * with completion, and 保存 / 取消 (Ctrl+Enter saves, Esc cancels); 删除 for a
 * note already saved. It keeps what the reader typed in its own state, so a
 * failed save (shown as `error`) loses nothing: the text stays in the box.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HighlightColor } from '@/lib/model/colors';
import type { NoteInput } from '@/lib/reader/note-frame-protocol';
import { ColorSwatches } from './ColorSwatches';

export type { NoteInput };

export interface NoteEditorProps {
  /** Viewport coordinates of the editor's top-left corner; none when its frame places it. */
  at?: { x: number; y: number };
  /** The quoted text the note is about. */
  quote: string;
  /** The note as it starts (empty for a new one). */
  initial: NoteInput;
  /** Tags used before, for completion (most recent first). */
  knownTags: readonly string[];
  /** True while saving. */
  busy: boolean;
  /** Why the last save failed, in Chinese; null when it did not. */
  error: string | null;
  /** Present for a saved note: the reader may delete it. */
  onDelete?: () => void;
  /** The reader saved. */
  onSave: (input: NoteInput) => void;
  /** The reader cancelled. */
  onCancel: () => void;
}

/** Splits typed tags on commas, enumeration commas and white space. */
function splitTags(text: string): string[] {
  return text.split(/[,，、;；\s]+/).map((t) => t.trim()).filter((t) => t !== '');
}

export function NoteEditor(props: NoteEditorProps): JSX.Element {
  const { at, quote, initial, knownTags, busy, error } = props;
  const [note, setNote] = useState(initial.note);
  const [tags, setTags] = useState<string[]>(initial.tags);
  const [tagText, setTagText] = useState('');
  const [color, setColor] = useState<HighlightColor>(initial.color);
  const box = useRef<HTMLTextAreaElement>(null);
  // The text box takes the focus when the editor opens (autofocus alone does not act in a frame).
  useEffect(() => box.current?.focus(), []);

  const allTags = (): string[] => [...new Set([...tags, ...splitTags(tagText)])];
  const save = (): void => {
    if (!busy) props.onSave({ note, tags: allTags(), color });
  };
  const addTypedTags = (): void => {
    setTags(allTags());
    setTagText('');
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    }
    // Keys typed here are the reader's, not the page's shortcuts.
    event.stopPropagation();
  };
  const suggestions = knownTags.filter((tag) => !tags.includes(tag));

  return (
    <div
      class="yd-editor"
      role="dialog"
      aria-label="批注"
      style={at && { left: `${at.x}px`, top: `${at.y}px` }}
      onKeyDown={onKeyDown}
    >
      <blockquote class="yd-editor-quote">{quote}</blockquote>
      <textarea
        aria-label="批注"
        placeholder="写下您的体会……（Ctrl+Enter 保存，Esc 取消）"
        value={note}
        autoFocus
        ref={box}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      <ColorSwatches class="yd-row" mode="radio" selected={color} onChoose={setColor} />
      <div class="yd-row">
        {tags.map((tag) => (
          <span key={tag} class="yd-tag">
            {tag}
            <button type="button" aria-label={`移除标签 ${tag}`} onClick={() => setTags(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </span>
        ))}
        <input
          type="text"
          aria-label="标签"
          placeholder="添加标签，回车确认"
          list="yd-known-tags"
          value={tagText}
          onInput={(event) => setTagText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
              event.preventDefault();
              addTypedTags();
            }
          }}
        />
        <datalist id="yd-known-tags">
          {suggestions.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </div>
      {error && (
        <p class="yd-editor-error" role="alert">
          {error}
        </p>
      )}
      <div class="yd-row yd-editor-actions">
        {props.onDelete && (
          <button type="button" class="yd-delete" disabled={busy} onClick={props.onDelete}>
            删除
          </button>
        )}
        <button type="button" onClick={props.onCancel}>
          取消
        </button>
        <button type="button" disabled={busy} onClick={save}>
          保存
        </button>
      </div>
    </div>
  );
}
