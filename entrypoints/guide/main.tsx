/**
 * The guide (guide.html): docs/使用说明.md as it is written, shown as text (Preact text only, no
 * HTML made from it), so the package carries the same guide as the repository.
 */
import { render } from 'preact';
import guide from '@/docs/使用说明.md?raw';
import '../welcome/style.css';

render(
  <main class="welcome">
    <pre class="guide">{guide}</pre>
  </main>,
  document.getElementById('app')!,
);
