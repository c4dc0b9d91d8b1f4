/**
 * Sites the reader added in settings, beyond the official ones of lib/model/sites.ts.
 * For each the settings page asks for that host's permission when the reader
 * adds it (optional_host_permissions; nothing broad up front), and the
 * background registers the reader script for the granted ones with
 * `scripting.registerContentScripts`. Removing a site unregisters it and
 * gives the permission back.
 */
import { storage } from './storage';
import { READER_PAGE_SCRIPTS, READER_SCRIPT_FILE } from './model/scripts';

/** The reader's own sites: host names ("www.example.org") or "*.example.org" for a whole domain. */
export const customSitesItem = storage.defineItem<string[]>('local:customSites', { fallback: [] });

/** The id of our one dynamic content-script registration. */
export const CUSTOM_SITES_SCRIPT_ID = 'yandu-custom-sites';
/** The reader script's file in the build (WXT's name for entrypoints/reader.content). */

/** A host label: letters, digits, hyphens (punycode for Chinese domain names). */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * What the reader typed ("www.example.org", "https://www.example.org/a/b",
 * "*.example.org") → the site as stored ("www.example.org" / "*.example.org"),
 * or null when it is not a web site's host. IP addresses and single labels are refused.
 */
export function normalizeSite(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (!text) return null;
  const wildcard = text.startsWith('*.');
  if (wildcard) text = text.slice(2);
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return null;
  }
  if (!/^https?:/.test(text) && text.includes('://')) return null;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  if (/^\d+$/.test(labels[labels.length - 1]!)) return null;
  return wildcard ? `*.${host}` : host;
}

/** The match pattern (and permission origin) of a stored site. */
export function sitePattern(site: string): string {
  return `*://${site}/*`;
}

/** Whether `url` is a page of one of the reader's `sites` ("www.a.cn" exactly, "*.a.cn" with its subdomains). */
export function matchesSite(url: string, sites: readonly string[]): boolean {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
    host = parsed.hostname;
  } catch {
    return false;
  }
  return sites.some((site) =>
    site.startsWith('*.') ? host === site.slice(2) || host.endsWith(site.slice(1)) : host === site,
  );
}

/** The parts of `browser.scripting` and `browser.permissions` the registry uses (so tests can pass fakes). */
export interface RegistryApi {
  /** browser.scripting */
  scripting: Pick<typeof browser.scripting, 'getRegisteredContentScripts' | 'registerContentScripts' | 'unregisterContentScripts'>;
  /** browser.permissions */
  permissions: Pick<typeof browser.permissions, 'contains'>;
}

/**
 * Makes the reader's registration match `sites`: only the sites whose
 * permission is granted, or none. Returns the patterns now registered.
 */
export async function syncRegisteredSites(api: RegistryApi, sites: readonly string[]): Promise<string[]> {
  const patterns: string[] = [];
  for (const site of sites) {
    const pattern = sitePattern(site);
    if (await api.permissions.contains({ origins: [pattern] })) patterns.push(pattern);
  }
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [CUSTOM_SITES_SCRIPT_ID] });
  if (existing.length > 0) await api.scripting.unregisterContentScripts({ ids: [CUSTOM_SITES_SCRIPT_ID] });
  if (patterns.length > 0) {
    await api.scripting.registerContentScripts([
      // document_start, as the manifest's own registration of the reader's scripts (the early read first).
      { id: CUSTOM_SITES_SCRIPT_ID, matches: patterns, js: [...READER_PAGE_SCRIPTS], runAt: 'document_start' },
    ]);
  }
  return patterns;
}

/** What the background hands to `startSitesRegistry`: the extension APIs it wires together. */
export interface BackgroundApi {
  /** browser.scripting; `registerContentScripts` is missing before Chromium 96. */
  scripting: Pick<typeof browser.scripting, 'getRegisteredContentScripts' | 'unregisterContentScripts' | 'executeScript'> &
    Partial<Pick<typeof browser.scripting, 'registerContentScripts'>>;
  /** browser.permissions, with its change events. */
  permissions: Pick<typeof browser.permissions, 'contains' | 'onAdded' | 'onRemoved'>;
  /** browser.runtime, to know of the install and name the settings page. */
  runtime: Pick<typeof browser.runtime, 'onInstalled' | 'getURL'>;
  /** browser.tabs, to open the settings page (and, before Chromium 96, to see pages load). */
  tabs: Pick<typeof browser.tabs, 'create' | 'onUpdated'>;
}

/**
 * Background wiring: registers the reader for the reader's sites now, again
 * whenever the list or a permission changes; and after install, opens
 * settings when the official sites' host access is not granted (Firefox MV3
 * treats host_permissions as optional until the reader grants them, so the
 * reader script would not run by itself).
 */
export function startSitesRegistry(api: BackgroundApi, officialMatches: readonly string[]): void {
  if (typeof api.scripting.registerContentScripts !== 'function') {
    // Chromium 88–95 has no dynamic registration: inject the reader when a page of the reader's sites
    // has loaded (the reader waits for the parsed page itself and never runs twice in one page).
    api.tabs.onUpdated.addListener((tabId, change, tab) => {
      if (change.status !== 'complete' || !tab.url) return;
      const url = tab.url;
      void customSitesItem.getValue().then(async (sites) => {
        if (!matchesSite(url, sites) || !(await api.permissions.contains({ origins: [`${new URL(url).origin}/*`] }))) return;
        await api.scripting.executeScript({ target: { tabId }, files: [READER_SCRIPT_FILE] });
      }).catch((error: unknown) => console.warn('[研读] 无法在自定义网站上运行', error));
    });
  } else {
    // Checked just above: this browser has registerContentScripts.
    startDynamicRegistration(api as BackgroundApi & RegistryApi);
  }
  api.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void api.permissions.contains({ origins: [...officialMatches] }).then((granted) => {
      // A tab of its own (not openOptionsPage, which Firefox may show inside about:addons): the reader sees why.
      if (!granted) void api.tabs.create({ url: api.runtime.getURL('/options.html') });
    });
  });
}

/** Keeps the dynamic registration in step with the list and the permissions (Chromium 96+, Firefox). */
function startDynamicRegistration(api: BackgroundApi & RegistryApi): void {
  const sync = (): void => {
    void customSitesItem
      .getValue()
      .then((sites) => syncRegisteredSites(api, sites))
      .catch((error: unknown) => console.warn('[研读] 更新自定义网站失败', error));
  };
  sync();
  customSitesItem.watch(sync);
  api.permissions.onAdded.addListener(sync);
  api.permissions.onRemoved.addListener(sync);
}
