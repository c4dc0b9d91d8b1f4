/**
 * CLI ↔ browser parity (issue 12): the pages of ../shared (corpus and pages),
 * the address each is served at, and the CLI's answer for it in Node — the same
 * extraction (scripts/analyze.ts) and analysis the CLI prints.
 *
 * Each page is served under its own official site's name when the page says
 * where it came from and that site is one where the reader runs by itself;
 * otherwise under www.gov.cn. The CLI is given the same address (--url), so both
 * paths apply the same site rule, and reads the very bytes the server sends.
 * The server sends the charset the CLI decodes in, so both read the same
 * characters (a page's charset is the server's business, not the reader's).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../../lib/analysis/index';
import { matchesSite } from '../../lib/sites-registry';
import { OFFICIAL_SITE_MATCHES } from '../../lib/model/sites';
import { charsetOf, loadArticle } from '../../scripts/analyze';
import type { Frame, Page } from 'playwright-core';
import type { RoutedFile } from './browser';
import { comparable, markedItems } from './page-helpers';

/** ../shared beside the repository (CI puts it there). */
export const SHARED_DIR = resolve('../shared');
/** Set by .ci/run: a missing ../shared is then a failure, not a skip. */
export const CORPUS_REQUIRED = process.env.YD_REQUIRE_CORPUS === '1';

/** One page of ../shared and where the browser reads it. */
export interface ParityPage {
  /** "corpus/03-shanxi-gov-brand-silkroad.html" */
  name: string;
  /** The file. */
  file: string;
  /** The address it is served at. */
  url: string;
}

/** A page's item as both paths can state it: kind and text (compared as LABELING.md compares). */
export interface ParityItem {
  kind: string;
  text: string;
}

/** One path's answer for a page. */
export interface ParityAnswer {
  isPolicy: boolean;
  items: ParityItem[];
}

/** Where a saved page says it came from: a leading <!--URL--> comment, or the <text id="URL"> of a dataset. */
function originalUrl(head: string): string | null {
  return /^\s*<!--\s*(https?:\/\/[^\s>]+?)\s*-->/.exec(head)?.[1] ?? /<text\s+id="(https?:\/\/[^"]+)"/.exec(head)?.[1] ?? null;
}

/** The address a page is served at: its own when that is an official site, else one under www.gov.cn. */
function servedUrl(name: string, head: string): string {
  const own = originalUrl(head);
  const sites = OFFICIAL_SITE_MATCHES.map((pattern) => /^\*:\/\/(.*?)\/\*$/.exec(pattern)?.[1] ?? pattern);
  if (own && matchesSite(own, sites)) {
    const url = new URL(own);
    return `http://${url.host}${url.pathname}`;
  }
  return `http://www.gov.cn/yandu-parity/${name.replace(/\//g, '-').replace(/\.\w+$/, '')}.html`;
}

/** Every .html and .txt page of ../shared/corpus and ../shared/pages, by name. */
export function parityPages(shared: string = SHARED_DIR): ParityPage[] {
  const pages: ParityPage[] = [];
  for (const folder of ['corpus', 'pages']) {
    const dir = join(shared, folder);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir).sort()) {
      if (!/\.(html|txt)$/.test(entry)) continue;
      const file = join(dir, entry);
      const name = `${folder}/${entry}`;
      const head = readFileSync(file).subarray(0, 2048).toString('latin1');
      pages.push({ name, file, url: servedUrl(name, head) });
    }
  }
  return pages;
}

/** The same text, escaped for HTML. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The page's scripts do not run: the CLI never runs them, and a page's script
 * may rewrite or leave the page (one sends the browser to a mobile site). The
 * extension's content script is not the page's and runs regardless.
 */
const NO_PAGE_SCRIPTS = { 'content-security-policy': "script-src 'none'" };

/** What is served for a page, and written to `file` for the CLI to read: the same bytes. */
export interface ServedPage extends RoutedFile {
  /** The page. */
  page: ParityPage;
}

/**
 * Writes what the server sends for `page` into `dir`: an .html page's own
 * bytes, with the charset the CLI decodes them in; a .txt article as a plain
 * page of paragraphs (one <p> per line, no title), as a CMS publishes a text.
 */
export function servePage(page: ParityPage, dir: string, index: number): ServedPage {
  const bytes = readFileSync(page.file);
  const file = join(dir, `${index}.html`);
  if (page.file.endsWith('.txt')) {
    const lines = new TextDecoder('utf-8').decode(bytes).split(/\r?\n/);
    const body = lines.map((line) => (line.trim() === '' ? '' : `<p>${escapeHtml(line)}</p>`)).join('\n');
    writeFileSync(file, `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n${body}\n</body></html>`);
    return { page, file, contentType: 'text/html; charset=utf-8', headers: NO_PAGE_SCRIPTS };
  }
  writeFileSync(file, bytes);
  return { page, file, contentType: `text/html; charset=${charsetOf(bytes)}`, headers: NO_PAGE_SCRIPTS };
}

/** The CLI's answer for the page in `file` read at `url`: its extraction, analysed. */
export function cliAnswer(file: string, url: string): ParityAnswer {
  const input = loadArticle(file, url);
  const analysis = analyze(input);
  return {
    isPolicy: analysis.isPolicy,
    items: analysis.items.map((item) => ({ kind: item.kind, text: comparable(input.text.slice(item.start, item.end)) })),
  };
}

/** Items as sorted "kind:text" lines, for a readable comparison of two answers. */
export function itemLines(items: readonly ParityItem[]): string[] {
  return items.map((item) => `${item.kind}:${item.text}`).sort();
}

/**
 * The page's main frame and its frames of the same origin: those the reader
 * reads. (Others are not ours to ask: an error page or a blocked javascript:
 * frame never gets a context to evaluate in.)
 */
export function readFrames(page: Page): Frame[] {
  const origin = new URL(page.url()).origin;
  return page.frames().filter((frame) => {
    try {
      return new URL(frame.url()).origin === origin;
    } catch {
      return false;
    }
  });
}

/**
 * The browser's answer for the page open in `page`: data-yd-policy of the page
 * (done), and the automatic marks of the page and of all its frames.
 */
export async function browserAnswer(page: Page): Promise<ParityAnswer> {
  const items: ParityItem[] = [];
  for (const frame of readFrames(page)) {
    for (const item of await markedItems(frame)) items.push({ kind: item.kind, text: comparable(item.text) });
  }
  return { isPolicy: (await page.getAttribute('html', 'data-yd-policy')) === 'true', items };
}

/** Both answers as one comparable value each (verdict, sorted item lines). */
export function comparableAnswer(answer: ParityAnswer): { isPolicy: boolean; items: string[] } {
  return { isPolicy: answer.isPolicy, items: itemLines(answer.items) };
}
