/**
 * lib/extension-api.ts: the MV3 shapes pass through; in an MV2 build the toolbar button is
 * browserAction and scripts go in with tabs.executeScript (a file by its path, a function as the
 * code of a call to it).
 */
import { describe, expect, test } from 'vitest';
import { isManifestV2, scriptingApi, toolbarButton, type ExtensionApi, type Scripting, type ToolbarButton } from '@/lib/extension-api';

function button(): ToolbarButton & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    setBadgeText: async (details) => void calls.push(['text', details]),
    setBadgeBackgroundColor: async (details) => void calls.push(['color', details]),
  };
}

describe('MV3', () => {
  const scripting = { executeScript: async () => [], getRegisteredContentScripts: async () => [], unregisterContentScripts: async () => undefined } as Scripting;
  const action = button();
  const api: ExtensionApi = { runtime: { getManifest: () => ({ manifest_version: 3 }) }, action, scripting, tabs: {} };

  test('action and scripting are the browser’s own', () => {
    expect(isManifestV2(api)).toBe(false);
    expect(toolbarButton(api)).toBe(action);
    expect(scriptingApi(api)).toBe(scripting);
  });
});

describe('MV2 (legacy and Firefox MV2 builds)', () => {
  const injected: [number, { file?: string; code?: string }][] = [];
  const browserAction = button();
  const api: ExtensionApi = {
    runtime: { getManifest: () => ({ manifest_version: 2 }) },
    browserAction,
    // Firefox's MV2 has `scripting` too: the MV2 builds still take the tabs.executeScript path, so it is the one tested.
    scripting: { executeScript: async () => { throw new Error('not this one'); } } as unknown as Scripting,
    tabs: { executeScript: async (tabId, details) => void injected.push([tabId, details]) },
  };

  test('the badge goes to browserAction', async () => {
    await toolbarButton(api).setBadgeText({ tabId: 4, text: '12' });
    expect(browserAction.calls).toEqual([['text', { tabId: 4, text: '12' }]]);
  });

  test('files and functions go in with tabs.executeScript; nothing is registered dynamically', async () => {
    const scripting = scriptingApi(api);
    expect(scripting.registerContentScripts).toBeUndefined();
    await scripting.executeScript({ target: { tabId: 7 }, files: ['content-scripts/reader.js'] });
    await scripting.executeScript({
      target: { tabId: 7 },
      func: () => {
        (globalThis as { __flag?: boolean }).__flag = true;
      },
    });
    expect(injected[0]).toEqual([7, { file: '/content-scripts/reader.js' }]);
    const code = injected[1]![1].code!;
    // The code is a call of the function: run it, and the flag is set.
    new Function(code)();
    expect((globalThis as { __flag?: boolean }).__flag).toBe(true);
    expect(await scripting.getRegisteredContentScripts()).toEqual([]);
  });

  test('says so in Chinese when a browser has neither way', () => {
    expect(() => scriptingApi({ runtime: api.runtime, tabs: {} })).toThrow(/tabs\.executeScript/);
    expect(() => toolbarButton({ runtime: api.runtime, tabs: {} })).toThrow(/工具栏按钮/);
  });
});
