/**
 * The `browser` of the legacy build for Chromium 64–87 (wxt.config.ts aliases `@wxt-dev/browser` to
 * this file in Chromium MV2 builds only). Chromium's MV2 `chrome.*` APIs take callbacks and return no
 * promises; webextension-polyfill wraps them so the same sources (`await browser.storage…`) run
 * there. Firefox and the MV3 builds keep the native namespace.
 */
import polyfill from 'webextension-polyfill';

export const browser = polyfill as unknown as typeof chrome;
