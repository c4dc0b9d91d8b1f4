import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The official sites where the reader script runs by itself (DESIGN.md §7).
// Kept in lib/sites.ts so the content script and the tests share one list.
import { OFFICIAL_SITE_MATCHES } from './lib/sites';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // MV3 for Firefox too (128+ supports it), so both builds share one manifest shape.
  manifestVersion: 3,
  manifest: ({ mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // activeTab + scripting: run on any page when the reader clicks (DESIGN.md), no broad host access.
    permissions: ['storage', 'activeTab', 'scripting'],
    // The e2e build (tests only, `--mode e2e`) adds access to every page: it stands in for the
    // activeTab grant of the reader's click on the toolbar button, which headless Chromium cannot give.
    host_permissions: mode === 'e2e' ? [...OFFICIAL_SITE_MATCHES, '<all_urls>'] : OFFICIAL_SITE_MATCHES,
    // Sites the reader adds in settings: each host is asked for when added (lib/sites-registry.ts), none up front.
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_extName__' },
    // Keyboard shortcuts for the reader's own highlights; the reader can change them (chrome://extensions/shortcuts).
    commands: {
      'highlight-selection': { suggested_key: { default: 'Alt+Shift+H' }, description: '划线：把选中的文字保存为我的标注' },
      // Alt+Shift+N is taken by Chromium itself (the command stayed unassigned); J as in 记.
      'note-selection': { suggested_key: { default: 'Alt+Shift+J' }, description: '批注：为选中的文字写批注' },
    },
    // No minimum_chrome_version: 搜狗浏览器 compares it with its own version number and refuses the
    // install (DESIGN.md). What older builds lack is detected at run time instead.
    browser_specific_settings: {
      // Nothing leaves the reader's machine (DESIGN.md), so no data collection to declare.
      gecko: { id: 'yandu@yandu.local', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
    },
  }),
  vite: () => ({
    plugins: [preact()],
    // Dexie's bundle contains a literal U+FFFF; Chrome rejects non-ASCII-safe
    // scripts ("isn't UTF-8 encoded"), so force escaped output (STACK.md pitfall 1).
    // target: the oldest Chromium we support (DESIGN.md: 88, MV3's floor); syntax newer than it is lowered.
    build: { target: ['chrome88', 'firefox128'], rolldownOptions: { output: { charset: 'ascii' } } },
  }),
});
