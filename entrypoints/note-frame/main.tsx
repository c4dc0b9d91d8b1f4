/**
 * The note frame: an extension page that the reader script mounts in the
 * article page (an iframe of the extension's own origin) to show and take the
 * reader's own text — the note editor, the note under the pointer, 我的批注.
 * The page sees only an opaque frame: it can neither read what is shown here
 * nor hear what is typed (keys, input and IME composition stay in this
 * document). It talks to its reader script over a MessagePort that it takes
 * only with the secret the reader script stored in the extension's storage
 * (the handshake in lib/reader/note-frame-protocol.ts).
 */
import { render } from 'preact';
import { FrameView } from '@/components/FrameView';
import { handshakeItem, parseHandshake, parseToFrame, type FrameHandshake, type FrameView as View, type FromFrame } from '@/lib/reader/note-frame-protocol';

const app = document.getElementById('app')!;
const key = location.hash.slice(1);
let port: MessagePort | null = null;
let shown: View = { kind: 'none' };
let lastHeight = -1;

const send = (message: FromFrame): void => port?.postMessage(message);
const draw = (): void => render(<FrameView view={shown} send={send} />, app);

// The port, with the secret our reader script stored where the page cannot read it.
window.addEventListener('message', (event) => {
  const handshake = parseHandshake(event.data, key);
  const offered = event.ports[0];
  if (handshake && offered) void accept(handshake, offered);
});

async function accept(handshake: FrameHandshake, offered: MessagePort): Promise<void> {
  const item = handshakeItem(key);
  const stored: unknown = (await browser.storage.local.get(item))[item];
  if (stored !== handshake.secret) return;
  await browser.storage.local.remove(item);
  port?.close();
  port = offered;
  port.onmessage = (message) => {
    const parsed = parseToFrame(message.data);
    if (!parsed) return;
    shown = parsed.view;
    draw();
  };
  measure();
}

// The reader script sizes the frame to its content.
function measure(force = true): void {
  const height = Math.ceil(app.getBoundingClientRect().height);
  if (force || height !== lastHeight) send({ type: 'size', height: (lastHeight = height) });
}
new ResizeObserver(() => measure(false)).observe(app);

draw();
