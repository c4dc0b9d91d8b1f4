/**
 * What the reader script and the note frame (an extension page mounted in the
 * article page, entrypoints/note-frame) say to each other, over a runtime Port
 * that the frame opens to its tab's reader script. The reader's own text (notes,
 * tags) is shown and typed only inside the frame, whose origin is the
 * extension's: the page can neither read it nor hear it being typed.
 *
 * Every message is checked on arrival (`parseToFrame`, `parseFromFrame`). Plain
 * checks, not valibot: the content script stays free of validator code.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../model/colors';
import type { AnnotationRecord, PageNote } from '../model/records';

/** What the editor saves. */
export interface NoteInput {
  /** The note text. */
  note: string;
  /** The tags, in order. */
  tags: string[];
  /** The highlight colour. */
  color: HighlightColor;
}

export type { PageNote };

/** The note editor as the frame shows it. */
export interface EditorView {
  kind: 'editor';
  /** Which opening this is (a new key starts fresh fields and takes the focus). */
  key: string;
  /** The quoted article text. */
  quote: string;
  /** The note as it starts. */
  initial: NoteInput;
  /** A saved note (it can be deleted). */
  existing: boolean;
  /** Saving. */
  busy: boolean;
  /** The last failure, in Chinese, or null. */
  error: string | null;
  /** Tags used before, for completion. */
  knownTags: string[];
}

/** What one frame shows. */
export type FrameView =
  | { kind: 'none' }
  | EditorView
  /** The note under the pointer. */
  | { kind: 'peek'; text: string }
  /** 我的批注: the page's notes. */
  | { kind: 'notes'; notes: PageNote[] };

/** Reader script → frame. */
export type ToFrame = { type: 'view'; view: FrameView };

/** Frame → reader script. */
export type FromFrame =
  | { type: 'save'; input: NoteInput }
  | { type: 'cancel' }
  | { type: 'delete' }
  /** 我的批注: the reader chose a placed note. */
  | { type: 'select'; id: string }
  /** The frame's content is this tall (CSS pixels): the reader script sizes the frame to it. */
  | { type: 'size'; height: number };

/** The frame's page, relative to the extension's root. */
export const NOTE_FRAME_PAGE = '/note-frame.html';

/**
 * How a frame gets its channel. The frame's address carries a random key (its
 * hash). Each time the frame has loaded, the reader script makes a random
 * secret, stores it in the extension's storage under `handshakeItem(key)`
 * (which the page cannot read), and posts `{ ydNoteFrame: key, secret }` with a
 * MessagePort to the frame's window, for the extension's origin only. The frame
 * takes the port only when the secret is the stored one, and removes it: once
 * per secret. A page that posts its own port to the frame has no secret, and
 * nothing goes through the page's window.
 */
export interface FrameHandshake {
  ydNoteFrame: string;
  secret: string;
}

/** The storage key of frame `key`'s secret. */
export function handshakeItem(key: string): string {
  return `ydNoteFrame:${key}`;
}

/** The handshake for frame `key`, or null when `message` is not one. */
export function parseHandshake(message: unknown, key: string): FrameHandshake | null {
  return isObject(message) && message.ydNoteFrame === key && key !== '' && isText(message.secret, 100) && message.secret.length >= 32
    ? { ydNoteFrame: key, secret: message.secret }
    : null;
}

/** A random string of 32 hex digits (128 bits), for keys and secrets. */
export function randomToken(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Most characters of a note or tag list that a message may carry (the background checks the exact limits). */
const MAX_TEXT = 100_000;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isText(value: unknown, max = MAX_TEXT): value is string {
  return typeof value === 'string' && value.length <= max;
}
function isTextList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= 1_000 && value.every((v) => isText(v, 1_000));
}
function isColor(value: unknown): value is HighlightColor {
  return (HIGHLIGHT_COLORS as readonly unknown[]).includes(value);
}
function isNoteInput(value: unknown): value is NoteInput {
  return isObject(value) && isText(value.note) && isTextList(value.tags) && isColor(value.color);
}
function isRecord(value: unknown): value is AnnotationRecord {
  return (
    isObject(value) &&
    isText(value.id, 100) &&
    isText(value.note) &&
    isTextList(value.tags) &&
    isColor(value.color) &&
    isObject(value.quote) &&
    isText(value.quote.exact) &&
    typeof value.createdAt === 'number'
  );
}
function isPlace(value: unknown): boolean {
  return value === null || (isObject(value) && typeof value.start === 'number' && typeof value.end === 'number');
}

function isView(view: unknown): view is FrameView {
  if (!isObject(view)) return false;
  switch (view.kind) {
    case 'none':
      return true;
    case 'peek':
      return isText(view.text);
    case 'notes':
      return Array.isArray(view.notes) && view.notes.every((n) => isObject(n) && isRecord(n.record) && isPlace(n.place));
    case 'editor':
      return (
        isText(view.key, 100) &&
        isText(view.quote) &&
        isNoteInput(view.initial) &&
        typeof view.existing === 'boolean' &&
        typeof view.busy === 'boolean' &&
        (view.error === null || isText(view.error, 1_000)) &&
        isTextList(view.knownTags)
      );
    default:
      return false;
  }
}

/** A message for the frame, or null when it is not one. */
export function parseToFrame(message: unknown): ToFrame | null {
  return isObject(message) && message.type === 'view' && isView(message.view) ? (message as ToFrame) : null;
}

/** A message from the frame, or null when it is not one. */
export function parseFromFrame(message: unknown): FromFrame | null {
  if (!isObject(message)) return null;
  switch (message.type) {
    case 'cancel':
    case 'delete':
      return { type: message.type };
    case 'save':
      return isNoteInput(message.input)
        ? { type: 'save', input: { note: message.input.note, tags: [...message.input.tags], color: message.input.color } }
        : null;
    case 'select':
      return isText(message.id, 100) ? { type: 'select', id: message.id } : null;
    case 'size':
      return typeof message.height === 'number' && Number.isFinite(message.height) && message.height >= 0
        ? { type: 'size', height: Math.min(message.height, 10_000) }
        : null;
    default:
      return null;
  }
}

/** What to do with each message from a frame, by its type (each callback named once, by the message). */
export type FrameHandlers = { [K in FromFrame['type']]?: (message: Extract<FromFrame, { type: K }>) => void };

/** Calls the handler for `message`'s type, if there is one. */
export function dispatchFromFrame(handlers: FrameHandlers, message: FromFrame): void {
  (handlers[message.type] as ((m: FromFrame) => void) | undefined)?.(message);
}
