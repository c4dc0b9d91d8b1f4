/**
 * The welcome page (welcome.html), opened by the background on first install only: wiring only —
 * the manifest's permissions and host access in, settings and the guide out.
 */
import { render } from 'preact';
import { WelcomeView } from '@/components/welcome/WelcomeView';
import './style.css';

const manifest = browser.runtime.getManifest();
const legacy = manifest.manifest_version === 2;
const permissions = manifest.permissions ?? [];
// MV2 keeps host access among the permissions; MV3 in host_permissions.
const sites = legacy ? permissions.filter((p) => p.includes('://')) : (manifest.host_permissions ?? []);

render(
  <WelcomeView
    permissions={permissions}
    sites={sites}
    legacy={legacy}
    onOpenSettings={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html') })}
    onOpenGuide={() => void browser.tabs.create({ url: browser.runtime.getURL('/guide.html') })}
  />,
  document.getElementById('app')!,
);
