/** One browser with the extension and one site server per e2e test file, started and stopped around it. */
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type RoutedFile, type SiteServer } from './browser';

/** Filled in by `beforeAll`; read it inside tests. */
export interface E2eEnvironment {
  /** The browser with the extension. */
  browser: ExtensionBrowser;
  /** The site server. */
  server: SiteServer;
}

export function useExtensionBrowser(routes?: ReadonlyMap<string, string | RoutedFile>): E2eEnvironment {
  const env = {} as E2eEnvironment;
  beforeAll(async () => {
    env.server = await startSiteServer(routes);
    env.browser = await launchWithExtension(env.server.port);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
