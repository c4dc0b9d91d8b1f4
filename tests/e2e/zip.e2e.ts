/**
 * `npm run zip` (run first by `npm run test:e2e`) writes the three packages to install by hand, each
 * named with the version, each a whole extension: its manifest of the right version and shape, and
 * every file the manifest names.
 */
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, test } from 'vitest';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe.each([
  ['chrome-mv3', 3],
  ['chrome-mv2', 2],
  ['firefox-mv3', 3],
] as const)('.output/yandu-VERSION-%s.zip', (build, manifestVersion) => {
  const files = unzipSync(readFileSync(`.output/yandu-${version}-${build}.zip`));
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
    manifest_version: number;
    version: string;
    background: { service_worker?: string; scripts?: string[] };
    content_scripts: { js: string[] }[];
  };

  test(`holds manifest version ${manifestVersion} of ${version}, without minimum_chrome_version`, () => {
    expect(manifest.manifest_version).toBe(manifestVersion);
    expect(manifest.version).toBe(version);
    expect(manifest).not.toHaveProperty('minimum_chrome_version');
  });

  test('holds every script and page the manifest names', () => {
    const named = [
      ...(manifest.background.scripts ?? [manifest.background.service_worker!]),
      ...manifest.content_scripts.flatMap((c) => c.js),
      'popup.html',
      'options.html',
      'notebook.html',
    ];
    for (const file of named) expect(Object.keys(files)).toContain(file);
  });
});
