/**
 * The layer rules (.dependency-cruiser.cjs, run over the whole tree by `npm run
 * check:layers` in `npm test`) catch what they are for: a small tree written
 * here plants one violation of each rule and the checker reports each of them,
 * and nothing in a tree that keeps the rules.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { afterAll, describe, expect, test } from 'vitest';

const config = createRequire(import.meta.url)('../../../.dependency-cruiser.cjs') as IConfiguration;

const root = mkdtempSync(join(tmpdir(), 'yd-layers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

async function violations(): Promise<string[]> {
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const { output } = await cruise(['lib', 'components', 'entrypoints'], {
      ruleSet: { forbidden: config.forbidden },
      validate: true,
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
    });
    const result = output as ICruiseResult;
    return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
  } finally {
    process.chdir(cwd);
  }
}

describe('layer rules', () => {
  test('a tree that keeps the rules passes', async () => {
    write({
      'lib/model/kinds.ts': "export type Kind = 'lead';\n",
      'lib/analysis/detect.ts': "import type { Kind } from '../model/kinds';\nexport const kind: Kind = 'lead';\n",
      'lib/db/notes.ts': "import type { Kind } from '../model/kinds';\nexport const stored: Kind[] = [];\n",
      'lib/export/layout.ts': "import type { Kind } from '../model/kinds';\nexport const shown: Kind[] = [];\n",
      'components/List.tsx': "import type { Kind } from '../lib/model/kinds';\nexport const props: Kind[] = [];\n",
      'entrypoints/page.ts': "import { stored } from '../lib/db/notes';\nimport { props } from '../components/List';\nexport const all = [stored, props];\n",
    });
    expect(await violations()).toEqual([]);
  });

  test('one planted violation of each rule fails', async () => {
    write({
      // A circle: the model (which must import nothing of ours) and analysis import each other.
      'lib/model/kinds.ts': "import { kind } from '../analysis/detect';\nexport type Kind = typeof kind;\n",
      // Analysis reaches outside its folder and the model.
      'lib/analysis/score.ts': "import { shown } from '../export/layout';\nexport const score = shown.length;\n",
      // Export reads the database.
      'lib/export/layout.ts': "import { stored } from '../db/notes';\nexport const shown = stored;\n",
      // A component imports the database, an entrypoint, and a browser API.
      'components/List.tsx':
        "import { stored } from '../lib/db/notes';\nimport { all } from '../entrypoints/page';\nimport 'wxt/browser';\nexport const props = [stored, all];\n",
      'node_modules/wxt/browser.js': 'export const browser = {};\n',
      'node_modules/wxt/package.json': '{ "name": "wxt", "version": "0.0.0", "exports": { "./browser": "./browser.js" } }\n',
    });
    expect(await violations()).toEqual([
      'analysis-is-pure: lib/analysis/score.ts → lib/export/layout.ts',
      'components-no-browser-apis: components/List.tsx → node_modules/wxt/browser.js',
      'components-no-database: components/List.tsx → lib/db/notes.ts',
      'export-never-reads-db: lib/export/layout.ts → lib/db/notes.ts',
      'model-imports-nothing-of-ours: lib/model/kinds.ts → lib/analysis/detect.ts',
      'no-cycles: components/List.tsx → entrypoints/page.ts',
      'no-cycles: lib/analysis/detect.ts → lib/model/kinds.ts',
      'no-entrypoints-below: components/List.tsx → entrypoints/page.ts',
    ]);
  });
});
