/**
 * The analysis CLI (DESIGN.md "Analysis CLI"):
 *
 *   npm run analyze -- FILE.html|FILE.txt [--json] [--url=ADDRESS]
 *
 * Loads an article the way the browser does (lib/extract's extractArticle over
 * a happy-dom parse for .html, paragraphs for .txt), runs `analyze()` and prints either the JSON of
 * the contract or, without --json, a readable outline. A missing, empty or
 * binary file gets a one-line error and exit code 2. --url names the address the
 * page was read at, so that its site's rule (lib/extract/site-rules.ts) applies
 * as it does in the browser.
 *
 * `loadArticle()` is exported so the corpus scorer (scripts/eval.ts) analyses
 * exactly what this command analyses.
 */
import { readFileSync } from 'node:fs';
import { dirname, extname, join, posix, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { analyze } from '../lib/analysis/index';
import { extractArticle, siteRuleFor } from '../lib/extract/index';
import type { Analysis, AnalysisInput } from '../lib/analysis/index';

/** Exit code for unusable input (missing, empty or binary file). */
const EXIT_BAD_INPUT = 2;
/** How many leading bytes are sniffed for NUL bytes and for a declared charset. */
const SNIFF_BYTES = 4096;
/** Charsets that browsers decode as GB18030 (a superset of GBK and GB2312). */
const GB_FAMILY = /^(gb2312|gbk|gb18030|x-gbk|cp936)$/i;
/** A user-facing failure: printed as one line, exits with EXIT_BAD_INPUT. */
export class InputError extends Error {}

/** The charset HTML bytes are read in: UTF-8 when they are valid UTF-8 (some pages' meta lies), else the declared one, else GB18030. */
export function charsetOf(bytes: Uint8Array): string {
  if (!new TextDecoder('utf-8').decode(bytes).includes('\uFFFD')) return 'utf-8';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? 'gb18030';
  const label = GB_FAMILY.test(declared) ? 'gb18030' : declared.toLowerCase();
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return 'gb18030';
  }
}

/** Decodes HTML bytes in `charsetOf(bytes)`. */
export function decodeHtml(bytes: Uint8Array): string {
  return new TextDecoder(charsetOf(bytes)).decode(bytes);
}

/** Reads the page a frame of the page shows (its address resolved), or null when it cannot. */
export type FrameReader = (address: URL) => { html: string; url: URL } | null;

/** Frames inside frames are followed this deep (a frameset whose frame is a frameset). */
const MAX_FRAME_DEPTH = 2;

/**
 * The browser's extraction (lib/extract: Readability over the parsed page) → title and paragraph text.
 * `url`, when given, is where the page is read: its site's rule applies, as in the browser.
 * A page without an article of its own is read through its frames of the same origin
 * (`readFrame` fetches them), as the browser's reader reads them; the longest article wins.
 */
export function extractHtml(html: string, url?: string | URL, readFrame?: FrameReader, depth = 0): AnalysisInput {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  // Parsed, not written into a live document: the page's markup is data here, and its scripts never run.
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  const pageTitle = document.title.trim() || null;
  const rule = url ? siteRuleFor(new URL(url).hostname) : null;
  const article = extractArticle(document as unknown as Document, rule);
  const frames = article || !readFrame || depth >= MAX_FRAME_DEPTH ? [] : frameAddresses(document as unknown as Document, url);
  void window.happyDOM.close();
  if (article) return { text: article.text, title: article.title ?? pageTitle };
  let best: AnalysisInput = { text: '', title: pageTitle };
  for (const address of frames) {
    const frame = readFrame!(address);
    if (!frame) continue;
    const found = extractHtml(frame.html, frame.url, readFrame, depth + 1);
    if (found.text.length > best.text.length) best = found;
  }
  return best;
}

/** Where a page read at `url` (a stand-in address when none is given) points its frames of the same origin. */
function frameAddresses(doc: Document, url: string | URL = LOCAL_BASE): URL[] {
  const base = new URL(url);
  const addresses: URL[] = [];
  for (const frame of doc.querySelectorAll('frame[src], iframe[src]')) {
    if (frame.hasAttribute('srcdoc')) continue;
    try {
      const address = new URL(frame.getAttribute('src') ?? '', base);
      if (address.origin === base.origin) addresses.push(address);
    } catch {
      // Not an address: the browser shows nothing there either.
    }
  }
  return addresses;
}

/** The address a file is read at when no --url names one: frames are then found beside it. */
const LOCAL_BASE = 'http://localhost/page.html';

/** Reads FILE.html or FILE.txt into the analysis input; throws InputError for unusable files. */
export function loadArticle(path: string, url?: string): AnalysisInput {
  const bytes = readInput(path);
  if (extname(path).toLowerCase() === '.txt') {
    const text = new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n');
    return { text, title: null };
  }
  const base = new URL(url ?? LOCAL_BASE);
  // A frame's page is the file at the same place relative to this one as its address is to the page's.
  const readFrame: FrameReader = (address) => {
    const file = join(dirname(path), relative(posix.dirname(base.pathname), decodeURIComponent(address.pathname)));
    try {
      return { html: decodeHtml(readInput(file)), url: address };
    } catch {
      return null;
    }
  };
  return extractHtml(decodeHtml(bytes), url ? base : undefined, readFrame);
}

/** A file's bytes; InputError when it is missing, empty or binary. */
function readInput(path: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new InputError(`cannot read ${path}`);
  }
  if (bytes.length === 0) throw new InputError(`${path} is empty`);
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) throw new InputError(`${path} is a binary file`);
  return bytes;
}

/** The readable (non-JSON) form: the outline with counts. */
function formatOutline(analysis: Analysis): string {
  const lines = [
    `${analysis.title ?? '(无标题)'}`,
    `政策文章: ${analysis.isPolicy ? '是' : '否'} (score ${analysis.score.toFixed(2)}) · ${analysis.outline.counts}`,
  ];
  const walk = (nodes: Analysis['outline']['nodes'], depth: number): void => {
    for (const node of nodes) {
      lines.push(`${'  '.repeat(depth)}${node.label}`);
      walk(node.children, depth + 1);
    }
  };
  walk(analysis.outline.nodes, 0);
  return lines.join('\n');
}

function main(argv: readonly string[]): number {
  const json = argv.includes('--json');
  const file = argv.find((arg) => !arg.startsWith('--'));
  const url = argv.find((arg) => arg.startsWith('--url='))?.slice('--url='.length);
  if (!file) {
    console.error('usage: npm run analyze -- FILE.html|FILE.txt [--json] [--url=ADDRESS]');
    return EXIT_BAD_INPUT;
  }
  if (url !== undefined && !URL.canParse(url)) {
    console.error(`analyze: --url=${url} is not an address`);
    return EXIT_BAD_INPUT;
  }
  let input: AnalysisInput;
  try {
    input = loadArticle(file, url);
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`analyze: ${error.message}`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
  const analysis = analyze(input);
  if (json) {
    const { isPolicy, score, title, items } = analysis;
    const contract = items.map(({ kind, marker, text, start, end }) => ({ kind, marker, text, start, end }));
    console.log(JSON.stringify({ isPolicy, score, title, items: contract }, null, 2));
  } else {
    console.log(formatOutline(analysis));
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2));
}
