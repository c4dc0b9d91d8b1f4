/** The reader's own sites: what counts as a site, and the registration kept in step with list and permissions. */
import { describe, expect, test, vi } from 'vitest';
import { READER_PAGE_SCRIPTS } from '@/lib/model/scripts';
import {
  CUSTOM_SITES_SCRIPT_ID,
  customSitesItem,
  matchesSite,
  normalizeSite,
  sitePattern,
  startSitesRegistry,
  syncRegisteredSites,
  type BackgroundApi,
  type RegistryApi,
} from '@/lib/sites-registry';

describe('normalizeSite', () => {
  test.each([
    ['www.example.org', 'www.example.org'],
    ['  WWW.Example.ORG  ', 'www.example.org'],
    ['https://www.hndj.gov.cn/a/b.html?x=1', 'www.hndj.gov.cn'],
    ['http://dj.example.cn:8080/', 'dj.example.cn'],
    ['*.example.cn', '*.example.cn'],
    ['党建.中国', 'xn--n5qz54a.xn--fiqs8s'],
  ])('%j → %s', (input, site) => {
    expect(normalizeSite(input)).toBe(site);
  });

  test.each(['', 'localhost', '127.0.0.1', 'ftp://example.org', 'chrome://extensions', 'exa mple.org', '*.', 'http://'])('refuses %j', (input) => {
    expect(normalizeSite(input)).toBeNull();
  });
});

describe('matchesSite', () => {
  test.each([
    ['http://www.a.cn/x.html', ['www.a.cn']],
    ['https://www.a.cn/', ['www.b.cn', 'www.a.cn']],
    ['http://a.cn/x', ['*.a.cn']],
    ['http://dj.www.a.cn:8080/x', ['*.a.cn']],
  ])('%s is one of %j', (url, sites) => {
    expect(matchesSite(url, sites)).toBe(true);
  });

  test.each([
    ['http://www.a.cn.evil.org/', ['www.a.cn']],
    ['http://evila.cn/', ['*.a.cn']],
    ['http://b.a.cn/', ['www.a.cn']],
    ['file:///www.a.cn/x', ['www.a.cn']],
    ['not a url', ['www.a.cn']],
    ['http://www.a.cn/', []],
  ])('%s is not one of %j', (url, sites) => {
    expect(matchesSite(url, sites)).toBe(false);
  });
});

/** A fake of the two APIs: granted origins, and the registrations made. */
function fakeApi(granted: string[]): RegistryApi & { scripts: { id: string; matches?: string[] }[] } {
  const api = {
    scripts: [] as { id: string; matches?: string[] }[],
    permissions: { contains: async ({ origins }: { origins?: string[] }) => (origins ?? []).every((o) => granted.includes(o)) },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids?: string[] } = {}) => api.scripts.filter((s) => !ids || ids.includes(s.id)),
      registerContentScripts: async (scripts: { id: string; matches?: string[] }[]) => {
        api.scripts.push(...scripts);
      },
      unregisterContentScripts: async ({ ids }: { ids?: string[] } = {}) => {
        api.scripts = api.scripts.filter((s) => ids && !ids.includes(s.id));
      },
    },
  };
  return api as unknown as RegistryApi & { scripts: { id: string; matches?: string[] }[] };
}

describe('syncRegisteredSites', () => {
  test.each([
    { sites: [], granted: [], registered: [] },
    { sites: ['www.a.cn'], granted: ['*://www.a.cn/*'], registered: ['*://www.a.cn/*'] },
    { sites: ['www.a.cn', '*.b.cn'], granted: ['*://*.b.cn/*'], registered: ['*://*.b.cn/*'] },
    { sites: ['www.a.cn'], granted: [], registered: [] },
  ])('sites $sites with $granted granted → $registered', async ({ sites, granted, registered }) => {
    const api = fakeApi(granted);
    expect(await syncRegisteredSites(api, sites)).toEqual(registered);
    expect(api.scripts.flatMap((s) => s.matches ?? [])).toEqual(registered);
  });

  test('replaces the earlier registration, and removes it when no site is left', async () => {
    const api = fakeApi([sitePattern('www.a.cn'), sitePattern('www.b.cn')]);
    await syncRegisteredSites(api, ['www.a.cn']);
    await syncRegisteredSites(api, ['www.a.cn', 'www.b.cn']);
    expect(api.scripts).toHaveLength(1);
    // The reader's scripts as the manifest has them for the official sites: the early storage read first.
    expect(api.scripts[0]).toMatchObject({ id: CUSTOM_SITES_SCRIPT_ID, matches: ['*://www.a.cn/*', '*://www.b.cn/*'], js: [...READER_PAGE_SCRIPTS] });
    await syncRegisteredSites(api, []);
    expect(api.scripts).toEqual([]);
  });
});

describe('startSitesRegistry without registerContentScripts (Chromium 88–95)', () => {
  test('injects the reader when a page of the reader’s sites has loaded, and nowhere else', async () => {
    await customSitesItem.setValue(['www.a.cn']);
    const injected: number[] = [];
    let onUpdated: ((tabId: number, change: { status?: string }, tab: { url?: string }) => void) | undefined;
    const listener = { addListener: () => undefined };
    const api = {
      scripting: {
        getRegisteredContentScripts: async () => [],
        unregisterContentScripts: async () => undefined,
        executeScript: async ({ target }: { target: { tabId: number } }) => {
          injected.push(target.tabId);
          return [];
        },
      },
      permissions: { contains: async () => true, onAdded: listener, onRemoved: listener },
      runtime: { onInstalled: listener, getURL: (path: string) => path },
      tabs: { create: async () => ({}), onUpdated: { addListener: (fn: typeof onUpdated) => (onUpdated = fn) } },
    };
    startSitesRegistry(api as unknown as BackgroundApi, []);
    onUpdated!(1, { status: 'loading' }, { url: 'http://www.a.cn/x.html' });
    onUpdated!(2, { status: 'complete' }, { url: 'http://www.b.cn/x.html' });
    onUpdated!(3, { status: 'complete' }, { url: 'http://www.a.cn/x.html' });
    await vi.waitFor(() => expect(injected).toEqual([3]));
  });
});
