/** The reader's own sites: what counts as a site, and the registration kept in step with list and permissions. */
import { describe, expect, test } from 'vitest';
import { CUSTOM_SITES_SCRIPT_ID, normalizeSite, sitePattern, syncRegisteredSites, type RegistryApi } from '@/lib/sites-registry';

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
    expect(api.scripts[0]).toMatchObject({ id: CUSTOM_SITES_SCRIPT_ID, matches: ['*://www.a.cn/*', '*://www.b.cn/*'] });
    await syncRegisteredSites(api, []);
    expect(api.scripts).toEqual([]);
  });
});
