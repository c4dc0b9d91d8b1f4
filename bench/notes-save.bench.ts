/**
 * Saving a note, in Chromium with the built extension: the message round trip
 * from an extension page to the background, validation and the IndexedDB
 * commit, median of many saves; beside it a round trip that reads only
 * (listTags), so the ratio shows what the commit costs. Needs the build
 * (`npm run build`; the bench script does it).
 */
import { launchWithExtension, RELEASE_EXTENSION_DIR, startSiteServer } from '../tests/support/browser';

/** Saves measured (after WARM_UP unmeasured ones); the median is reported. */
const SAVES = 60;
const WARM_UP = 5;

const server = await startSiteServer();
const browser = await launchWithExtension(server.port, { extensionDir: RELEASE_EXTENSION_DIR });
try {
  const page = await browser.openExtensionPage('popup.html');
  // The protocol's wire format (lib/messaging.ts): { type, data, timestamp } → { res } or { err }.
  const times = await page.evaluate(
    async ({ saves, warmUp }) => {
      // No named helpers in here: tsx would wrap them in a __name() the page does not have.
      const save: number[] = [];
      const read: number[] = [];
      for (let i = 0; i < saves + warmUp; i++) {
        const exact = `第${i}条：要把围绕中心、服务大局摆在更加突出的位置`;
        const draft = {
          page: { url: 'http://dangjian.people.com.cn/n1/2011/0315/c117092-bench.html', title: '保存基准' },
          quote: { exact, prefix: '前文', suffix: '后文' },
          position: { start: i * 40, end: i * 40 + exact.length },
          color: 'yellow',
          note: '联系本支部实际，每季度公开承诺一次。',
          tags: ['三会一课'],
        };
        let t0 = performance.now();
        const saved: { err?: { message: string } } = await chrome.runtime.sendMessage({ id: i, type: 'saveAnnotation', data: draft, timestamp: Date.now() });
        const saveMs = performance.now() - t0;
        if (saved.err) throw new Error(saved.err.message);
        t0 = performance.now();
        await chrome.runtime.sendMessage({ id: -i, type: 'listTags', data: undefined, timestamp: Date.now() });
        const readMs = performance.now() - t0;
        if (i >= warmUp) {
          save.push(saveMs);
          read.push(readMs);
        }
      }
      save.sort((a, b) => a - b);
      read.sort((a, b) => a - b);
      return { save: save[save.length >> 1]!, read: read[read.length >> 1]! };
    },
    { saves: SAVES, warmUp: WARM_UP },
  );
  console.log(`save a note (round trip + commit): median ${times.save.toFixed(2)} ms over ${SAVES} saves`);
  console.log(`read-only round trip (listTags): median ${times.read.toFixed(2)} ms; save / read ${(times.save / times.read).toFixed(1)}×`);
} finally {
  await browser.close();
  await server.close();
}
