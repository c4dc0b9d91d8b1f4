/**
 * Every build `npm run test:e2e` makes is held to its target (issue 15, scripts/compat-check.ts):
 * each shipped script parses at the target's ECMAScript level (ES2020 for the MV3 builds, ES2017
 * for the MV2 builds), and calls no browser or language API newer than the target's browsers
 * (Chromium 88 / Chromium 64 / Firefox 128) unless it tests for it first or the build polyfills it.
 * Also: the MV2 builds' manifests have the MV2 shape the legacy browsers need.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkBuild, formatFinding, shippedScripts, TARGETS } from '../../scripts/compat-check';

// ESLint over ~700 kB of bundles per build: about 3.5 s of CPU each, more on a busy machine.
describe.each(Object.keys(TARGETS))('.output/%s', { timeout: 300_000 }, (name) => {
  const dir = `.output/${name}`;

  test('was built (npm run test:e2e builds every target first)', () => {
    expect(existsSync(`${dir}/manifest.json`)).toBe(true);
  });

  test('every shipped script parses at its target level and uses nothing newer than its browsers', () => {
    expect(shippedScripts(dir).length).toBeGreaterThan(3);
    expect(checkBuild(dir, TARGETS[name]!).map(formatFinding)).toEqual([]);
  });
});

describe.each(['chrome-mv2', 'firefox-mv2'])('.output/%s/manifest.json (MV2)', (name) => {
  const manifest = JSON.parse(readFileSync(`.output/${name}/manifest.json`, 'utf8')) as Record<string, unknown> & {
    background?: { scripts?: string[]; service_worker?: string };
    permissions?: string[];
    optional_permissions?: string[];
  };

  test('MV2: a background page, browser_action, host access among the permissions, sites the reader adds optional', () => {
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.background?.scripts).toEqual(['background.js']);
    expect(manifest.background?.service_worker).toBeUndefined();
    expect(manifest).toHaveProperty('browser_action.default_popup', 'popup.html');
    expect(manifest).not.toHaveProperty('action');
    expect(manifest.permissions).toContain('*://*.people.com.cn/*');
    expect(manifest.optional_permissions).toEqual(['*://*/*']);
    expect(manifest).not.toHaveProperty('minimum_chrome_version');
  });

  test('asks for nothing the browser does not know (Chromium has no `scripting` in MV2)', () => {
    if (name === 'chrome-mv2') {
      expect(manifest.permissions).not.toContain('scripting');
      expect(manifest).not.toHaveProperty('browser_specific_settings');
    } else {
      expect(manifest).toHaveProperty('browser_specific_settings.gecko.id', 'yandu@yandu.local');
    }
  });
});
