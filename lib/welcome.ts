/**
 * When the welcome page opens: on the first install only — not when 研读 is updated (a new package,
 * or the unpacked folder reloaded) nor when the browser updates.
 */
export const WELCOME_PAGE = '/welcome.html';

/** The background's onInstalled listener: opens `WELCOME_PAGE` through `openTab` on a first install. */
export function welcomeOnInstalled(openTab: (path: string) => unknown): (details: { reason: string }) => void {
  return ({ reason }) => {
    if (reason === 'install') void openTab(WELCOME_PAGE);
  };
}
