/**
 * The few extension APIs whose shape differs between Manifest V3 (Chromium 88+, Firefox) and the
 * MV2 builds (`npm run build:legacy` for Chromium 64–87; the Firefox MV2 build of the e2e tests):
 * the toolbar button is `action` in MV3 and `browserAction` in MV2, and MV2 injects scripts with
 * `tabs.executeScript` (Chromium's MV2 has no `scripting` at all). The background picks the shape by
 * the manifest it runs with; the rest of the code sees one interface.
 */

/** The toolbar button's badge, the part the background uses. */
export interface ToolbarButton {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
}

/** The `scripting` calls the background and the sites registry make, as MV3 names them. */
export interface Scripting {
  executeScript(injection: { target: { tabId: number }; files?: string[]; func?: () => void }): Promise<unknown>;
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<unknown[]>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  /** Missing before Chromium 96 and in every MV2 build: the sites registry then injects on page load. */
  registerContentScripts?: unknown;
}

/** What these helpers read of `browser`. */
export interface ExtensionApi {
  runtime: { getManifest(): { manifest_version: number } };
  action?: ToolbarButton;
  browserAction?: ToolbarButton;
  scripting?: Scripting;
  tabs: {
    executeScript?(tabId: number, details: { file?: string; code?: string; runAt?: string }): Promise<unknown>;
  };
}

/** Whether this build runs as Manifest V2 (the legacy and Firefox MV2 builds). */
export function isManifestV2(api: ExtensionApi): boolean {
  return api.runtime.getManifest().manifest_version === 2;
}

/** The toolbar button: `action` in MV3, `browserAction` in MV2. */
export function toolbarButton(api: ExtensionApi): ToolbarButton {
  const button = isManifestV2(api) ? api.browserAction : api.action;
  if (!button) throw new Error('这个浏览器没有提供工具栏按钮接口（action / browserAction）');
  return button;
}

/**
 * `scripting` as MV3 has it, or in MV2 the same calls made with `tabs.executeScript`: a file as
 * `file`, a function as the `code` of a call to it (it must be self-contained, as `func` must be);
 * no dynamic registration (the sites registry then injects the reader when a page has loaded).
 */
export function scriptingApi(api: ExtensionApi): Scripting {
  if (!isManifestV2(api) && api.scripting) return api.scripting;
  const tabs = api.tabs;
  const executeScript = tabs.executeScript;
  if (!executeScript) throw new Error('这个浏览器既没有 scripting 接口，也没有 tabs.executeScript');
  return {
    async executeScript({ target, files, func }) {
      if (func) return executeScript.call(tabs, target.tabId, { code: `(${func.toString()})();` });
      const results: unknown[] = [];
      for (const file of files ?? []) results.push(await executeScript.call(tabs, target.tabId, { file: file.startsWith('/') ? file : `/${file}` }));
      return results;
    },
    getRegisteredContentScripts: async () => [],
    unregisterContentScripts: async () => undefined,
  };
}
