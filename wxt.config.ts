import { resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin, Rolldown } from 'vite';

// The official sites where the reader script runs by itself (DESIGN.md §7).
// Kept in lib/model/sites.ts (the site registry) so the content script and the tests share one list.
import { OFFICIAL_SITE_MATCHES } from './lib/model/sites';
import { READER_PAGE_SCRIPTS, READER_SCRIPT_FILE } from './lib/model/scripts';
import { EAGER_COMPILE_HINT } from './scripts/compile-hint';

/**
 * Syntax targets (DESIGN.md budgets). The MV3 builds run on Chromium 88+ and Firefox 128+; `es2020`
 * also lowers the ES2021+ syntax Chromium 88 would accept, so every script parses at ES2020 (what
 * scripts/compat-check.ts holds them to). The MV2 builds (`npm run build:legacy` for Chromium 64–87,
 * and the Firefox MV2 build that runs the same code path in the e2e tests) are lowered to ES2017.
 */
const MV3_TARGET = ['es2020', 'chrome88', 'firefox128'];
const LEGACY_TARGET = ['es2017', 'chrome64', 'firefox128'];

/** legacy/polyfills.ts as one ES2017 script: the banner of every script of the MV2 builds. */
function legacyPolyfillBanner(): string {
  const result = buildSync({
    entryPoints: [resolve('legacy/polyfills.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2017',
    minify: true,
    charset: 'ascii',
  });
  return result.outputFiles[0]!.text.trim();
}

/**
 * What every extension page (entrypoints/{popup,notebook,options,guide,welcome,note-frame}/index.html) shares,
 * written once: the charset and viewport first in <head>, and the element its Preact app renders into
 * (`#app`). Each index.html keeps only its own: its title, stylesheet, WXT's manifest meta, its script.
 */
function extensionPageShell(): Plugin {
  return {
    name: 'yandu-extension-page-shell',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { charset: 'utf-8' }, injectTo: 'head-prepend' },
      { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' }, injectTo: 'head-prepend' },
      { tag: 'div', attrs: { id: 'app' }, injectTo: 'body-prepend' },
    ],
  };
}

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // MV3 for Firefox too (128+ supports it), so both builds share one manifest shape.
  manifestVersion: 3,
  // `npm run zip`: the three packages to install by hand, named with the version and the build
  // (yandu-0.1.0-chrome-mv3.zip, yandu-0.1.0-chrome-mv2.zip for Chromium 64–87, yandu-0.1.0-firefox-mv3.zip).
  zip: { artifactTemplate: 'yandu-{{version}}-{{browser}}-{{manifestVersion}}.zip', zipSources: false },
  manifest: ({ mode, manifestVersion, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // activeTab + scripting: run on any page when the reader clicks (DESIGN.md), no broad host access.
    // alarms: sync's schedule and retries (lib/sync/service.ts).
    // Chromium's MV2 has no `scripting` (the legacy build injects with tabs.executeScript); Firefox's MV2 has it.
    permissions: manifestVersion === 2 && browser !== 'firefox' ? ['storage', 'activeTab', 'alarms'] : ['storage', 'activeTab', 'scripting', 'alarms'],
    // The e2e build (tests only, `--mode e2e`) adds access to every page: it stands in for the
    // activeTab grant of the reader's click on the toolbar button, which headless Chromium cannot give.
    host_permissions: mode === 'e2e' ? [...OFFICIAL_SITE_MATCHES, '<all_urls>'] : OFFICIAL_SITE_MATCHES,
    // Sites the reader adds in settings: each host is asked for when added (lib/sites-registry.ts), none up front.
    optional_host_permissions: ['*://*/*'],
    // MV2 has no optional_host_permissions: the same grant is an optional permission there.
    ...(manifestVersion === 2 ? { optional_permissions: ['*://*/*'] } : {}),
    action: { default_title: '__MSG_extName__' },
    // Keyboard shortcuts for the reader's own highlights; the reader can change them (chrome://extensions/shortcuts).
    commands: {
      'highlight-selection': { suggested_key: { default: 'Alt+Shift+H' }, description: '划线：把选中的文字保存为我的标注' },
      // Alt+Shift+N is taken by Chromium itself (the command stayed unassigned); J as in 记.
      'note-selection': { suggested_key: { default: 'Alt+Shift+J' }, description: '批注：为选中的文字写批注' },
    },
    // The note frame (entrypoints/note-frame) is the one page a web page may load, as a frame: it shows and
    // takes the reader's own text where the page can neither read nor hear it (SECURITY.md). Chromium
    // serves it only under a per-session address (use_dynamic_url), so pages cannot probe for 研读 by a
    // fixed one; Firefox's addresses are random per install already.
    web_accessible_resources: [
      {
        resources: ['note-frame.html'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // No minimum_chrome_version: 搜狗浏览器 compares it with its own version number and refuses the
    // install (DESIGN.md). What older builds lack is detected at run time instead.
    ...(browser === 'firefox' ? { browser_specific_settings: {
      // Nothing leaves the reader's machine (DESIGN.md), so no data collection to declare.
      gecko: { id: 'yandu@yandu.local', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
    } } : {}),
  }),
  hooks: {
    // The reader's content scripts, in order: the small script that asks storage for the page's settings and
    // noted entry first (entrypoints/reader-early.ts, lib/reader/page-start.ts), then the reader, which Chromium
    // compiles whole before it runs (scripts/compile-hint.ts): the storage round trip runs during that compile.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) {
        if (script.js?.includes(READER_SCRIPT_FILE)) script.js = [...READER_PAGE_SCRIPTS, ...script.js.filter((file) => !READER_PAGE_SCRIPTS.includes(file))];
      }
    },
    // The content script's build alone: it runs in every page read, and DESIGN.md holds it under 60 kB gzipped
    // (tests/e2e/manifest.e2e.ts). Figures: gzip level 6 of content-scripts/reader.js, docs/PERFORMANCE.md.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.type === 'content-script')) return;
      const build = (config.build ??= {});
      const rolldown = (build.rolldownOptions ??= {});
      // Class fields, lowered for the ES2020 / ES2017 targets, become plain assignments (`this.x = v`) instead of
      // calls to a defineProperty helper: the same own properties, since no class of the bundle has a
      // superclass with a setter or read-only property of a field's name (its one subclass, WXT's location
      // change event, adds newUrl and oldUrl to Event). −380 B.
      rolldown.transform = { ...rolldown.transform, assumptions: { setPublicClassFields: true } };
      // Minified twice: by terser (build.terserOptions below), then by rolldown's own minifier over terser's
      // output; each finds what the other leaves: 58,567 B with rolldown's alone, 57,972 B with terser's alone,
      // 57,158 B with both. The content script's build takes about 2 s of CPU more. Not in development (`wxt`),
      // where WXT turns minifying off.
      if (build.minify === false) return;
      build.minify = 'terser';
      // V8's compile hint goes first, after both minifiers (they would drop a comment): scripts/compile-hint.ts.
      rolldown.output = { ...(rolldown.output as Rolldown.OutputOptions | undefined), minify: true, postBanner: EAGER_COMPILE_HINT };
    },
  },
  vite: ({ manifestVersion, browser }) => ({
    plugins: [preact(), extensionPageShell()],
    // Chromium's MV2 APIs take callbacks: the legacy build's `browser` is webextension-polyfill's.
    resolve: manifestVersion === 2 && browser !== 'firefox' ? { alias: { '@wxt-dev/browser': resolve('legacy/browser.ts') } } : {},
    // Dexie's bundle contains a literal U+FFFF; Chrome rejects non-ASCII-safe
    // scripts ("isn't UTF-8 encoded"), so force escaped output (STACK.md pitfall 1).
    build: {
      target: manifestVersion === 2 ? LEGACY_TARGET : MV3_TARGET,
      // Used where a build minifies with terser (the content script's, hooks above): syntax of the build's own
      // level only, three passes of its compressor, non-ASCII escaped as rolldown's charset option does.
      terserOptions: { ecma: manifestVersion === 2 ? 2017 : 2020, compress: { passes: 3 }, format: { ascii_only: true, wrap_iife: true } },
      rolldownOptions: { output: { charset: 'ascii', ...(manifestVersion === 2 ? { banner: legacyPolyfillBanner() } : {}) } },
    },
  }),
});
