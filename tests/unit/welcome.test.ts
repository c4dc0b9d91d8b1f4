/** The welcome page opens on a first install only (lib/welcome.ts, the background's onInstalled listener). */
import { expect, test } from 'vitest';
import { WELCOME_PAGE, welcomeOnInstalled } from '@/lib/welcome';

test('install opens the welcome page once; update, browser update and shared-module update open nothing', () => {
  const opened: string[] = [];
  const listener = welcomeOnInstalled((path) => opened.push(path));
  listener({ reason: 'install' });
  for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update']) listener({ reason });
  expect(opened).toEqual([WELCOME_PAGE]);
});
