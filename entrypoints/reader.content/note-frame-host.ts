/**
 * The reader script's side of the note frames: each is an <iframe> of the
 * extension's own page (entrypoints/note-frame), placed in one of our shadow
 * roots, whose address carries a random key. Each time the frame loads it gets
 * a private MessagePort by the handshake of lib/reader/note-frame-protocol.ts
 * (a secret in the extension's storage, the port posted to the frame's window);
 * views go to it and the reader's actions come back over that port only, never
 * through the page's window.
 */
import {
  dispatchFromFrame,
  handshakeItem,
  NOTE_FRAME_PAGE,
  parseFromFrame,
  randomToken,
  type FrameHandlers,
  type FrameHandshake,
  type FrameView,
} from '@/lib/reader/note-frame-protocol';

/**
 * The origin of the frame's document, the only one the port may go to. Chromium serves the frame
 * at a per-session address (use_dynamic_url) but runs it in the extension's own origin.
 */
const FRAME_ORIGIN = import.meta.env.FIREFOX ? new URL(browser.runtime.getURL('/')).origin : `chrome-extension://${browser.runtime.id}`;

/** How long a frame's secret stays stored if the frame never takes it. */
const HANDSHAKE_MS = 30_000;

/** One mounted note frame. */
export interface NoteFrame {
  /** The <iframe>; the caller places it. */
  readonly element: HTMLIFrameElement;
  /** Shows `view` in the frame (now, or as soon as it has its channel). */
  show: (view: FrameView) => void;
}

/**
 * Makes a note frame titled `title` (its accessible name). `handlers` get the
 * reader's actions in it, checked. A frame put back into the document (a panel
 * tab shown again) loads again, gets a new channel and the latest view.
 */
export function createNoteFrame(title: string, handlers: FrameHandlers): NoteFrame {
  const key = randomToken();
  const url = `${browser.runtime.getURL(NOTE_FRAME_PAGE)}#${key}`;
  const element = document.createElement('iframe');
  element.title = title;
  element.src = url;
  let port: MessagePort | null = null;
  let latest: FrameView = { kind: 'none' };

  const connect = async (): Promise<void> => {
    port?.close();
    port = null;
    const handshake: FrameHandshake = { ydNoteFrame: key, secret: randomToken() };
    // Where only the extension's own pages can read it; the frame removes it when it takes the port.
    const item = handshakeItem(key);
    await browser.storage.local.set({ [item]: handshake.secret });
    setTimeout(() => void browser.storage.local.remove(item).catch(() => undefined), HANDSHAKE_MS);
    if (!element.contentWindow) return;
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => {
      const parsed = parseFromFrame(event.data);
      if (parsed) dispatchFromFrame(handlers, parsed);
    };
    element.contentWindow.postMessage(handshake, FRAME_ORIGIN, [channel.port2]);
    port = channel.port1;
    port.postMessage({ type: 'view', view: latest });
  };
  element.addEventListener('load', () => void connect());

  return {
    element,
    show: (view) => {
      latest = view;
      port?.postMessage({ type: 'view', view });
    },
  };
}
