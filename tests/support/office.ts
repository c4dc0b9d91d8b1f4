/**
 * A .docx seen as a reader sees it: LibreOffice (Debian's libreoffice-writer-nogui,
 * installed by scripts/setup.sh) converts it to PDF, and poppler-utils read the
 * PDF back (pdfinfo, pdftotext, pdffonts) or picture its pages (pdftoppm).
 * Used by the CI check of the Word export and by `npm run demo`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What to install when a tool is missing, in Chinese, as the failure says it. */
const MISSING = '未找到 LibreOffice 或 poppler-utils：请以 root 运行 bash scripts/setup.sh（安装 libreoffice-writer-nogui 与 poppler-utils）';

async function tool(command: string, args: readonly string[], timeout = 60_000): Promise<string> {
  try {
    const { stdout } = await run(command, args, { timeout, maxBuffer: 32 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${MISSING}（缺少 ${command}）`);
    throw error;
  }
}

/**
 * Converts `docx` to PDF with LibreOffice in `dir` (a fresh profile each time, so
 * runs side by side do not wait on each other's lock). Returns the PDF's path.
 */
export async function docxToPdf(docx: Uint8Array, dir: string, name = 'document'): Promise<string> {
  const input = join(dir, `${name}.docx`);
  await writeFile(input, docx);
  const profile = await mkdtemp(join(tmpdir(), 'yd-lo-profile-'));
  try {
    await tool('soffice', [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input,
    ]);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const pdf = join(dir, `${name}.pdf`);
  if (!(await readdir(dir)).includes(`${name}.pdf`)) throw new Error(`LibreOffice 没有生成 ${pdf}`);
  return pdf;
}

/** One page's size in points, as pdfinfo reports it. */
export interface PdfPage {
  width: number;
  height: number;
}

/** The PDF's pages with their sizes. */
export async function pdfPages(pdf: string): Promise<PdfPage[]> {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(await tool('pdfinfo', [pdf]))?.[1] ?? 0);
  const sized = await tool('pdfinfo', ['-f', '1', '-l', String(pages), pdf]);
  return [...sized.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** The text layer of each page (pdftotext -layout), in page order. */
export async function pdfPageTexts(pdf: string): Promise<string[]> {
  const text = await tool('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']);
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** A font of the PDF as pdffonts lists it: its name without the subset prefix, and whether it is embedded. */
export interface PdfFont {
  name: string;
  embedded: boolean;
}

export async function pdfFonts(pdf: string): Promise<PdfFont[]> {
  const lines = (await tool('pdffonts', [pdf])).split('\n').slice(2).filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const fields = line.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: the last five columns are fixed.
    return { name: fields[0]!.replace(/^[A-Z]{6}\+/, ''), embedded: fields.at(-5) === 'yes' };
  });
}

/** PostScript names of the fonts on this machine that cover Chinese (fc-list :lang=zh). */
export async function chineseFontNames(): Promise<Set<string>> {
  const out = await tool('fc-list', [':lang=zh', 'postscriptname']);
  return new Set([...out.matchAll(/postscriptname=(\S+)/g)].map((m) => m[1]!));
}

/** Writes PNGs of pages `first`…`last` as `${prefix}-N.png` (pdftoppm); returns their paths. */
export async function pdfPagesToPng(pdf: string, prefix: string, first: number, last: number, dpi = 60): Promise<string[]> {
  const paths: string[] = [];
  for (let page = first; page <= last; page++) {
    // -singlefile: the name is exactly prefix-N.png, whatever the page count (pdftoppm pads numbers otherwise).
    await tool('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, `${prefix}-${page}`]);
    paths.push(`${prefix}-${page}.png`);
  }
  return paths;
}
