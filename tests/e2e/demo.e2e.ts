/**
 * README's first command runs scripts/demo.ts on the release build (the
 * test:e2e script builds it first). The demo drives the product as a reader
 * does — it marks the seed article, highlights a sentence with 划线 in the
 * (closed) shadow root, shows it in the popup, prints the Word 学习笔记 — so a
 * change that breaks it must fail here, not in a newcomer's first minute.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const run = promisify(execFile);
/** The demo launches Chromium, marks, highlights and converts a .docx with LibreOffice. */
const DEMO_TIMEOUT_MS = 240_000;

describe('npm run demo (README)', () => {
  test(
    'marks the seed article, saves a highlight through the toolbar and writes the screenshots',
    async () => {
      const out = await mkdtemp(join(tmpdir(), 'yd-demo-'));
      try {
        // No display: the demo runs headless and writes its pictures, as in CI.
        const env: NodeJS.ProcessEnv = { ...process.env, YD_DEMO_OUTPUT: out, DISPLAY: '', WAYLAND_DISPLAY: '' };
        const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], { env, timeout: DEMO_TIMEOUT_MS });
        expect(stdout).toMatch(/政策文章=true，标出 \d+ 项举措/);
        expect((await readdir(out)).sort()).toEqual(['article-full.png', 'article.png', 'popup.png', 'xuexi-biji-page-1.png', 'xuexi-biji-page-2.png']);
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    },
    DEMO_TIMEOUT_MS,
  );
});
