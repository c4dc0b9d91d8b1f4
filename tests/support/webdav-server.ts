/**
 * A real WebDAV server for the sync tests: Debian's rclone (`rclone serve
 * webdav`, installed by scripts/setup.sh) on 127.0.0.1 at a free port, over a
 * fresh folder, with a user and password. It can be stopped and started
 * again on the same port and folder (a server that goes down and comes back).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DAV_USER = 'reader';
export const DAV_PASSWORD = 'app-password-1';

export interface DavServer {
  /** The base URL, ending with /. */
  url: string;
  /** The folder it serves. */
  dir: string;
  /** Stops it (the folder stays). */
  stop: () => Promise<void>;
  /** Starts it again on the same port and folder. */
  start: () => Promise<void>;
  /** Stops it and removes the folder. */
  close: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitUntilUp(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      await fetch(url, { method: 'OPTIONS' });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`the WebDAV server at ${url} did not start`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startDavServer(): Promise<DavServer> {
  const dir = await mkdtemp(join(tmpdir(), 'yandu-dav-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let child: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    child = spawn('rclone', ['serve', 'webdav', dir, '--addr', `127.0.0.1:${port}`, '--user', DAV_USER, '--pass', DAV_PASSWORD], {
      stdio: 'ignore',
    });
    child.on('error', (error) => {
      throw new Error(`rclone could not start (is it installed? scripts/setup.sh installs it): ${error.message}`);
    });
    await waitUntilUp(url, Date.now() + 15_000);
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  await start();
  return { url, dir, start, stop, close: async () => (await stop(), await rm(dir, { recursive: true, force: true })) };
}
