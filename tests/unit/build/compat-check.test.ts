/**
 * The static target checks of scripts/compat-check.ts (issue 15) on planted code: a script newer
 * than its target fails, the same use behind a feature test passes. The checks over the real builds
 * run in tests/e2e/compat.e2e.ts.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkApis, checkBuild, checkSyntax, TARGETS, type Finding } from '../../../scripts/compat-check';

const chromium88 = TARGETS['chrome-mv3']!;
const legacy = TARGETS['chrome-mv2']!;
const messages = (findings: Finding[]): string[] => findings.map((f) => f.message);

describe('syntax at the target level', () => {
  test('ES2021 logical assignment fails the ES2020 build; ES2020 syntax passes', () => {
    expect(checkSyntax('let a; a ??= 1;', 'x.js', 2020)).toHaveLength(1);
    expect(checkSyntax('let a = {}; a?.b ?? 1; 10n;', 'x.js', 2020)).toEqual([]);
  });

  test('object spread (ES2018) and optional catch binding (ES2019) fail the legacy level', () => {
    expect(checkSyntax('const a = { ...b };', 'x.js', 2017)[0]).toMatchObject({ file: 'x.js', line: 1 });
    expect(checkSyntax('try { f(); } catch { g(); }', 'x.js', 2017)).toHaveLength(1);
    expect(checkSyntax('async function f() { await g(); }', 'x.js', 2017)).toEqual([]);
  });

  test('import() and import.meta (Chromium 63/64) pass the legacy level only where the target allows them, nothing else does', () => {
    const chunk = 'export function load(){ return import("./a.js").then(() => import.meta.url); }';
    expect(checkSyntax(chunk, 'x.js', 2017)).toHaveLength(1);
    expect(checkSyntax(chunk, 'x.js', 2017, true)).toEqual([]);
    expect(checkSyntax('export function f(a){ return import("./a.js").then(() => a?.b); }', 'x.js', 2017, true)).toHaveLength(1);
  });
});

describe('APIs newer than the target', () => {
  test('a planted newer call fails: kept-list methods, statics and globals, and eslint-plugin-compat’s APIs', () => {
    const planted = [
      'var list = [1, 2, 3];',
      'console.log(list.at(-1));',
      'console.log(Object.hasOwn(list, "0"));',
      'console.log(structuredClone(list));',
      'fetch("/", { signal: AbortSignal.timeout(1000) });',
      'if (list.length) new URLPattern({ pathname: "/a" });',
    ].join('\n');
    const found = messages(checkApis(planted, 'planted.js', chromium88));
    // One finding for each planted use (eslint-plugin-compat knows some; our kept list the others).
    for (const api of [/\bat\b/, /Object\.hasOwn/, /structuredClone/, /AbortSignal\.timeout/]) {
      expect(found.filter((m) => api.test(m))).toHaveLength(1);
    }
    // eslint-plugin-compat's own data, also inside a condition that does not test for the API.
    expect(found.some((m) => m.startsWith('URLPattern'))).toBe(true);
  });

  test('the same uses behind a test for the API, or as a plain read, pass', () => {
    const detected = [
      'var list = [1];',
      'var last = typeof list.at === "function" ? list.at(-1) : list[list.length - 1];',
      'var copy = typeof structuredClone == "function" ? structuredClone(list) : JSON.parse(JSON.stringify(list));',
      'var id = crypto.randomUUID ? crypto.randomUUID() : String(Math.random());',
      'if (navigator.userAgentData) console.log(1);',
      'var point = { at: 3 }; console.log(point.at);',
    ].join('\n');
    expect(checkApis(detected, 'detected.js', chromium88)).toEqual([]);
  });

  test('the legacy target flags what Chromium 64 lacks, except what its polyfills install', () => {
    expect(messages(checkApis('console.log("a".padStart(3), [[1]].flat(), Object.fromEntries([]));', 'x.js', legacy))).toEqual([]);
    expect(messages(checkApis('console.log([[1]].flat());', 'x.js', { ...legacy, polyfilled: [] }))).not.toEqual([]);
    expect(messages(checkApis('navigator.clipboard.writeText("a");', 'x.js', legacy)).join()).toMatch(/clipboard.* Chrome 64/);
  });
});

describe('a whole build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yd-compat-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every .js file is checked; a planted call in one chunk is reported with its file and place', () => {
    mkdirSync(join(dir, 'chunks'));
    writeFileSync(join(dir, 'background.js'), '(function(){ var a = [1]; console.log(a.length); })();');
    writeFileSync(join(dir, 'chunks', 'page.js'), 'export const x = 1;\nexport const y = [x].at(-1);');
    expect(checkBuild(dir, chromium88)).toEqual([
      { file: join('chunks', 'page.js'), line: 2, column: 17, message: expect.stringMatching(/at\b.* 88/) },
    ]);
  });
});
