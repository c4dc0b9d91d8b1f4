/**
 * The reader script on real pages, in Chromium with the built extension: time
 * from the script's start to `data-yd-state="done"` (the page's `data-yd-ms`),
 * beside Readability's parse alone (clone + parse, at DOMContentLoaded, cold, as
 * the reader meets it) on the same page in the same run. Budget (DESIGN.md): at
 * most 1.5× Readability. Also the content script's size, gzipped (budget 60 kB). Needs `npm run build` first (the bench script
 * does it) and ../shared/corpus for the real pages; without the corpus it
 * measures the bundled seed page only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchWithExtension, RELEASE_EXTENSION_DIR, startSiteServer, waitForReader } from '../tests/support/browser';

/** Page loads per page; the median is reported. */
const RUNS = 7;
const CORPUS_DIR = resolve('../shared/corpus');
const READABILITY_JS = resolve('node_modules/@mozilla/readability/Readability.js');
const SEED_URL = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// Every corpus page is served on an enabled site's name so the reader runs by itself, and the same
// bytes again on a host the extension does not run on, for Readability alone.
const BARE_HOST = 'bench.example.org';
const corpusPages = existsSync(CORPUS_DIR) ? readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.html')).sort() : [];
if (corpusPages.length === 0) console.log(`(${CORPUS_DIR} not found: measuring the seed page only)`);
const SEED_FILE = resolve('tests/fixtures/site/dangjian.people.com.cn/n1/2011/0315/c117092-seed.html');
const routes = new Map([
  ...corpusPages.flatMap((file) => [
    [`www.gov.cn/corpus/${file}`, `${CORPUS_DIR}/${file}`] as const,
    [`${BARE_HOST}/corpus/${file}`, `${CORPUS_DIR}/${file}`] as const,
  ]),
  [`${BARE_HOST}/corpus/c117092-seed.html`, SEED_FILE] as const,
]);
const urls = [SEED_URL, ...corpusPages.map((file) => `http://www.gov.cn/corpus/${file}`)];
/** The same page where no reader runs. */
const bareUrl = (url: string): string => `http://${BARE_HOST}/corpus/${url.split('/').pop()}`;

const server = await startSiteServer(routes);
const browser = await launchWithExtension(server.port, { extensionDir: RELEASE_EXTENSION_DIR });
const readabilitySource = readFileSync(READABILITY_JS, 'utf8');
// Readability alone, as the reader meets it: on the freshly parsed page (DOMContentLoaded), cold,
// clone + parse. Runs in the page's own world on the bare host, where no content script runs.
await browser.context.addInitScript(`
  if (location.host === '${BARE_HOST}') {
    document.addEventListener('DOMContentLoaded', () => {
      const Readability = (function () { ${readabilitySource}; return Readability; })();
      const start = performance.now();
      const parsed = new Readability(document.cloneNode(true)).parse();
      window.__ydParse = { ms: performance.now() - start, chars: parsed && parsed.textContent ? parsed.textContent.length : 0 };
    });
  }
`);

console.log('| page | chars | reader (ms, median) | Readability parse (ms, median) | ratio |');
console.log('|---|---:|---:|---:|---:|');
const ratios: number[] = [];
for (const url of urls) {
  const page = await browser.context.newPage();
  const readerMs: number[] = [];
  const parseMs: number[] = [];
  let chars = 0;
  let failed = false;
  for (let run = 0; run < RUNS && !failed; run++) {
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await waitForReader(page);
    } catch {
      // A page whose own script navigates away (e.g. to https) never finishes here.
      failed = true;
      break;
    }
    readerMs.push(Number(await page.getAttribute('html', 'data-yd-ms')));
    await page.goto(bareUrl(url), { waitUntil: 'domcontentloaded' });
    const result = await page.waitForFunction(() => (window as unknown as { __ydParse?: { ms: number; chars: number } }).__ydParse).then((h) => h.jsonValue() as Promise<{ ms: number; chars: number }>);
    parseMs.push(result.ms);
    chars = result.chars;
  }
  const name = url.split('/').pop();
  if (failed) {
    console.log(`| ${name} | – | did not finish (the page navigates away) | | |`);
    await page.close();
    continue;
  }
  const ratio = median(readerMs) / median(parseMs);
  ratios.push(ratio);
  console.log(`| ${name} | ${chars} | ${median(readerMs).toFixed(1)} | ${median(parseMs).toFixed(1)} | ${ratio.toFixed(2)}× |`);
  await page.close();
}
console.log(`\nmedian ratio over ${urls.length} pages: ${median(ratios).toFixed(2)}× (budget 1.5×)`);

const bundle = readFileSync(`${RELEASE_EXTENSION_DIR}/content-scripts/reader.js`);
console.log(`content script: ${(bundle.length / 1024).toFixed(1)} kB, ${(gzipSync(bundle).length / 1024).toFixed(1)} kB gzipped (budget 60 kB)`);
await browser.close();
await server.close();
