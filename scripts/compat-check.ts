/**
 * Holds every shipped script of a build to its target (issue 15). No old Chromium runs on these
 * machines, so the checks are static and strict:
 * - syntax: each script parses with acorn at the target's ECMAScript level (ES2020 for the
 *   Chromium 88 builds, ES2017 for the legacy build for Chromium 64);
 * - browser APIs: eslint-plugin-compat against the target's browserslist query, with every
 *   conditional use reported (minified code puts nearly everything inside a condition), and then
 *   forgiven only where the condition itself tests for that very API (feature detection);
 * - a short list we keep of what eslint-plugin-compat cannot see — prototype methods such as
 *   `Array.prototype.at` (it does not know an object's type) and APIs it does not list — each with
 *   the Chromium version that brought it.
 *
 * Usage: node --import tsx scripts/compat-check.ts [BUILD_DIR …]   (default: every build in .output)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Parser, parse, tokTypes, type Node, type Options } from 'acorn';
import { Linter } from 'eslint';
import compat from 'eslint-plugin-compat';

/** What one build must run on. */
export interface Target {
  /** ECMAScript level every script must parse at. */
  ecmaVersion: 2017 | 2018 | 2019 | 2020;
  /** browserslist query for eslint-plugin-compat. */
  browsers: string[];
  /** The oldest Chromium the build runs on (null: a Firefox-only build), for the kept list. */
  chrome: number | null;
  /** Names the build installs itself before any of its code runs (legacy/polyfills.ts). */
  polyfilled?: readonly string[];
  /**
   * Module syntax newer than `ecmaVersion` that the target's browsers have all the same: Chromium 64
   * has `import()` (63) and `import.meta` (64), which extension pages' module chunks use.
   */
  moduleSyntax?: boolean;
}

/** The polyfills the legacy builds carry (lib/legacy/polyfills.ts installs each one when missing). */
export const LEGACY_POLYFILLS = [
  'globalThis',
  'queueMicrotask',
  'Object.fromEntries',
  'Array.prototype.flat',
  'Array.prototype.flatMap',
  'String.prototype.trimStart',
  'String.prototype.trimEnd',
  'String.prototype.replaceAll',
  'String.prototype.matchAll',
  'AbortController',
  'AbortSignal',
] as const;

/** The builds and their targets (DESIGN.md budgets: Chromium 88+ MV3, legacy MV2 for 64–87, Firefox 128+). */
export const TARGETS: Record<string, Target> = {
  'chrome-mv3': { ecmaVersion: 2020, browsers: ['chrome >= 88'], chrome: 88 },
  'firefox-mv3': { ecmaVersion: 2020, browsers: ['firefox >= 128'], chrome: null },
  // The MV2 builds share the legacy syntax level: the Firefox one is how the lowered code is run here.
  'chrome-mv2': { ecmaVersion: 2017, browsers: ['chrome >= 64'], chrome: 64, polyfilled: LEGACY_POLYFILLS, moduleSyntax: true },
  'firefox-mv2': { ecmaVersion: 2017, browsers: ['firefox >= 128'], chrome: null, polyfilled: LEGACY_POLYFILLS, moduleSyntax: true },
};

/**
 * What eslint-plugin-compat does not catch, with the Chromium version that brought it.
 * `method`: a `.name(…)` call on an object of unknown type (a plain `.name` read is some object's
 * own field); `property`: any `.name` read; `static`: `Object.name`; `global`: a free identifier.
 */
export const KEPT_LIST: { name: string; kind: 'method' | 'property' | 'static' | 'global'; chrome: number; what: string }[] = [
  { name: 'at', kind: 'method', chrome: 92, what: 'Array/String.prototype.at' },
  { name: 'findLast', kind: 'method', chrome: 97, what: 'Array.prototype.findLast' },
  { name: 'findLastIndex', kind: 'method', chrome: 97, what: 'Array.prototype.findLastIndex' },
  { name: 'toSorted', kind: 'method', chrome: 110, what: 'Array.prototype.toSorted' },
  { name: 'toReversed', kind: 'method', chrome: 110, what: 'Array.prototype.toReversed' },
  { name: 'toSpliced', kind: 'method', chrome: 110, what: 'Array.prototype.toSpliced' },
  { name: 'flat', kind: 'method', chrome: 69, what: 'Array.prototype.flat' },
  { name: 'flatMap', kind: 'method', chrome: 69, what: 'Array.prototype.flatMap' },
  { name: 'matchAll', kind: 'method', chrome: 73, what: 'String.prototype.matchAll' },
  { name: 'replaceAll', kind: 'method', chrome: 85, what: 'String.prototype.replaceAll' },
  { name: 'trimStart', kind: 'method', chrome: 66, what: 'String.prototype.trimStart' },
  { name: 'trimEnd', kind: 'method', chrome: 66, what: 'String.prototype.trimEnd' },
  { name: 'isWellFormed', kind: 'method', chrome: 111, what: 'String.prototype.isWellFormed' },
  { name: 'toWellFormed', kind: 'method', chrome: 111, what: 'String.prototype.toWellFormed' },
  { name: 'replaceChildren', kind: 'method', chrome: 86, what: 'Element.prototype.replaceChildren' },
  { name: 'toggleAttribute', kind: 'method', chrome: 69, what: 'Element.prototype.toggleAttribute' },
  { name: 'randomUUID', kind: 'method', chrome: 92, what: 'crypto.randomUUID' },
  { name: 'adoptedStyleSheets', kind: 'property', chrome: 73, what: 'ShadowRoot/Document.adoptedStyleSheets' },
  { name: 'replaceSync', kind: 'method', chrome: 73, what: 'CSSStyleSheet.prototype.replaceSync' },
  { name: 'hasOwn', kind: 'static', chrome: 93, what: 'Object.hasOwn' },
  { name: 'fromEntries', kind: 'static', chrome: 73, what: 'Object.fromEntries' },
  { name: 'allSettled', kind: 'static', chrome: 76, what: 'Promise.allSettled' },
  { name: 'any', kind: 'static', chrome: 85, what: 'Promise.any' },
  { name: 'withResolvers', kind: 'static', chrome: 119, what: 'Promise.withResolvers' },
  { name: 'groupBy', kind: 'static', chrome: 117, what: 'Object.groupBy / Map.groupBy' },
  { name: 'fromAsync', kind: 'static', chrome: 121, what: 'Array.fromAsync' },
  { name: 'timeout', kind: 'static', chrome: 103, what: 'AbortSignal.timeout' },
  { name: 'structuredClone', kind: 'global', chrome: 98, what: 'structuredClone' },
  { name: 'globalThis', kind: 'global', chrome: 71, what: 'globalThis' },
  { name: 'queueMicrotask', kind: 'global', chrome: 71, what: 'queueMicrotask' },
  { name: 'WeakRef', kind: 'global', chrome: 84, what: 'WeakRef' },
  { name: 'FinalizationRegistry', kind: 'global', chrome: 84, what: 'FinalizationRegistry' },
  { name: 'AggregateError', kind: 'global', chrome: 85, what: 'AggregateError' },
];

/** The objects whose `static` members the kept list means (so `foo.any` on anything else is not read as Promise.any). */
const STATIC_OWNERS: Record<string, string[]> = {
  hasOwn: ['Object'],
  fromEntries: ['Object'],
  allSettled: ['Promise'],
  any: ['Promise'],
  withResolvers: ['Promise'],
  groupBy: ['Object', 'Map'],
  fromAsync: ['Array'],
  timeout: ['AbortSignal'],
};

/** One finding: file, line:column, and what is wrong. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  message: string;
}

type AnyNode = Node & Record<string, unknown>;

/**
 * acorn, except that `import(…)` and `import.meta` parse whatever the level (Target.moduleSyntax):
 * only the `import` expression itself is read at ES2020, everything around it at the target's level.
 */
const ModuleSyntaxParser = Parser.extend(
  (Base) =>
    class extends (Base as unknown as new (...args: unknown[]) => Record<string, (...args: unknown[]) => unknown> & { type: unknown; options: { ecmaVersion: number } }) {
      parseExprImport(...args: unknown[]): unknown {
        const level = this.options.ecmaVersion;
        this.options.ecmaVersion = Math.max(level, 2020);
        try {
          return super.parseExprImport!(...args);
        } finally {
          this.options.ecmaVersion = level;
        }
      }
      parseExprAtom(...args: unknown[]): unknown {
        if (this.type !== tokTypes._import) return super.parseExprAtom!(...args);
        return this.parseExprImport(...args.slice(2));
      }
    } as unknown as typeof Parser,
);

function parseScript(code: string, ecmaVersion: Target['ecmaVersion'] | 'latest', moduleSyntax = false): Node {
  const options: Options = { ecmaVersion, locations: true, allowHashBang: true };
  const parser = moduleSyntax ? ModuleSyntaxParser : Parser;
  try {
    return parser.parse(code, { ...options, sourceType: 'script' });
  } catch (error) {
    // Extension pages load their chunks as ES modules; anything else must be a plain script.
    if (/'import' and 'export' may appear only|Cannot use 'import\.meta'|await is only valid/.test(String(error))) {
      return parser.parse(code, { ...options, sourceType: 'module' });
    }
    throw error;
  }
}

/** Syntax: the script parses at the target's ECMAScript level. */
export function checkSyntax(code: string, file: string, ecmaVersion: Target['ecmaVersion'], moduleSyntax = false): Finding[] {
  try {
    parseScript(code, ecmaVersion, moduleSyntax);
    return [];
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc ?? { line: 0, column: 0 };
    return [{ file, line: loc.line, column: loc.column, message: `not ES${ecmaVersion} syntax: ${(error as Error).message}` }];
  }
}

/** Every node with its ancestors (outermost first). */
function walk(node: AnyNode, visit: (node: AnyNode, ancestors: AnyNode[]) => void, ancestors: AnyNode[] = []): void {
  visit(node, ancestors);
  ancestors.push(node);
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'start' || key === 'end') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof (child as AnyNode).type === 'string') walk(child as AnyNode, visit, ancestors);
    } else if (value && typeof (value as AnyNode).type === 'string') {
      walk(value as AnyNode, visit, ancestors);
    }
  }
  ancestors.pop();
}

/** Whether `node` mentions `name` as an identifier, a property or a string (`'fetch' in self`). */
function mentions(node: AnyNode, name: string): boolean {
  let found = false;
  walk(node, (child) => {
    if (found) return;
    if (child.type === 'Identifier' && child.name === name) found = true;
    // A string: `'fetch' in self`, or typeof's answer (`typeof x == 'bigint'` tests for BigInt).
    else if (child.type === 'Literal' && typeof child.value === 'string' && child.value.toLowerCase() === name.toLowerCase()) found = true;
    // The same string as a template (the minifier writes `bigint` with backquotes).
    else if (child.type === 'TemplateElement' && (child.value as { cooked?: string }).cooked?.toLowerCase() === name.toLowerCase()) found = true;
  });
  return found;
}

/**
 * Whether a use of `name` sits where a condition has tested for `name` first: the taken branch of an
 * if or a ternary, the right side of `&&`/`||`/`??`, a `try` block (its catch is the fallback), or an
 * optional call `x.name?.()`.
 */
function isGuarded(name: string, node: AnyNode, ancestors: AnyNode[]): boolean {
  const chain = [...ancestors, node];
  for (let i = chain.length - 2; i >= 0; i--) {
    const parent = chain[i]!;
    const child = chain[i + 1]!;
    if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && child !== parent.test && mentions(parent.test as AnyNode, name)) return true;
    if (parent.type === 'LogicalExpression' && child === parent.right && mentions(parent.left as AnyNode, name)) return true;
    if (parent.type === 'TryStatement' && child === parent.block && parent.handler) return true;
    if (parent.type === 'ChainExpression') return true;
    // The test itself (`typeof x.name == 'function'`, `'name' in x`) is the detection, not a use.
    if ((parent.type === 'UnaryExpression' && parent.operator === 'typeof') || (parent.type === 'BinaryExpression' && parent.operator === 'in')) return true;
  }
  return false;
}

/**
 * A read of a member that is neither called, constructed nor read further (`if (navigator.userAgentData)`):
 * where the API is missing it is undefined, which is how code tests for it.
 */
function isFeatureTest(node: AnyNode, ancestors: AnyNode[]): boolean {
  const parent = ancestors[ancestors.length - 1];
  if (node.type !== 'MemberExpression' || !parent) return false;
  if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee === node) return false;
  if (parent.type === 'MemberExpression' && parent.object === node) return false;
  return true;
}

/** Members the kept list flags for this target. */
function keptListFor(target: Target): typeof KEPT_LIST {
  if (target.chrome === null) return [];
  const polyfilled = new Set(target.polyfilled ?? []);
  return KEPT_LIST.filter((entry) => entry.chrome > target.chrome! && !polyfilled.has(entry.what) && !polyfilled.has(entry.name));
}

function checkKeptList(program: AnyNode, file: string, target: Target): Finding[] {
  const entries = keptListFor(target);
  if (entries.length === 0) return [];
  const findings: Finding[] = [];
  const declared = new Set<string>();
  walk(program, (node) => {
    if (node.type === 'VariableDeclarator' || node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') {
      const id = node.id as AnyNode | null;
      if (id?.type === 'Identifier') declared.add(id.name as string);
    }
  });
  walk(program, (node, ancestors) => {
    let entry: (typeof KEPT_LIST)[number] | undefined;
    const parent = ancestors[ancestors.length - 1];
    if (node.type === 'MemberExpression' && !node.computed) {
      const property = (node.property as AnyNode).name as string;
      const object = node.object as AnyNode;
      const called = (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee === node;
      entry = entries.find(
        (e) =>
          e.name === property &&
          ((e.kind === 'method' && called) ||
            e.kind === 'property' ||
            (e.kind === 'static' && object.type === 'Identifier' && (STATIC_OWNERS[property] ?? []).includes(object.name as string))),
      );
      // An assignment `x.at = …` defines, it does not use.
      if (entry && parent?.type === 'AssignmentExpression' && parent.left === node) entry = undefined;
    } else if (node.type === 'Identifier' && !declared.has(node.name as string)) {
      const isReference =
        !(parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) &&
        !(parent?.type === 'Property' && parent.key === node) &&
        !(parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition');
      if (isReference) entry = entries.find((e) => e.kind === 'global' && e.name === node.name);
    }
    if (!entry || isGuarded(entry.name, node, ancestors)) return;
    const loc = (node.loc as { start: { line: number; column: number } }).start;
    findings.push({ file, line: loc.line, column: loc.column, message: `${entry.what} needs Chromium ${entry.chrome} (target ${target.chrome})` });
  });
  return findings;
}

const linter = new Linter({ configType: 'flat' });

/** Browser and ES APIs newer than the target, by eslint-plugin-compat; then our kept list. */
export function checkApis(code: string, file: string, target: Target): Finding[] {
  const program = parseScript(code, 'latest') as AnyNode;
  const sourceType = (program as unknown as { sourceType: 'script' | 'module' }).sourceType;
  const messages = linter.verify(code, [
    {
      files: ['**/*.js'],
      plugins: { compat: compat as never },
      languageOptions: { ecmaVersion: 'latest', sourceType },
      settings: {
        browsers: target.browsers,
        lintAllEsApis: true,
        // Report uses inside conditions too; below, only those that test for the API itself are forgiven.
        ignoreConditionalChecks: true,
        // eslint-plugin-compat names prototype methods without `.prototype` (`Array.flat`).
        polyfills: (target.polyfilled ?? []).flatMap((name) => [name, name.replace('.prototype.', '.')]),
      },
      rules: { 'compat/compat': 'error' },
    },
  ], { filename: 'shipped.js' });
  const findings: Finding[] = [];
  // Positions of every node, to see whether a reported use is feature-detected.
  const byPosition = new Map<string, { node: AnyNode; ancestors: AnyNode[] }[]>();
  if (messages.some((m) => m.ruleId === 'compat/compat')) {
    walk(program, (node, ancestors) => {
      const loc = (node.loc as { start: { line: number; column: number } }).start;
      const key = `${loc.line}:${loc.column}`;
      byPosition.set(key, [...(byPosition.get(key) ?? []), { node, ancestors: [...ancestors] }]);
    });
  }
  /** The node eslint reported: the innermost one at that place that names the API. */
  const reported = (line: number, column: number, name: string): { node: AnyNode; ancestors: AnyNode[] } | undefined => {
    const here = byPosition.get(`${line}:${column}`) ?? [];
    const names = (node: AnyNode): boolean =>
      (node.type === 'Identifier' && node.name === name) ||
      (node.type === 'MemberExpression' && (node.property as AnyNode).name === name);
    return [...here].reverse().find(({ node }) => names(node)) ?? here[here.length - 1];
  };
  for (const message of messages) {
    if (message.ruleId !== 'compat/compat') {
      findings.push({ file, line: message.line, column: message.column, message: `eslint: ${message.message}` });
      continue;
    }
    const name = /^(?:[\w$]+\.)*([\w$]+)/.exec(message.message)?.[1] ?? '';
    const at = reported(message.line, message.column - 1, name);
    if (at && name && (isGuarded(name, at.node, at.ancestors) || isFeatureTest(at.node, at.ancestors))) continue;
    findings.push({ file, line: message.line, column: message.column - 1, message: message.message });
  }
  const seen = new Set(findings.map((f) => `${f.line}:${f.column}`));
  return [...findings, ...checkKeptList(program, file, target).filter((f) => !seen.has(`${f.line}:${f.column}`))];
}

/** Every script a build ships (its .js files). */
export function shippedScripts(dir: string): string[] {
  const out: string[] = [];
  const visit = (path: string): void => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) visit(full);
      else if (name.endsWith('.js')) out.push(full);
    }
  };
  visit(dir);
  return out.sort();
}

/** Both checks over one built extension. */
export function checkBuild(dir: string, target: Target): Finding[] {
  return shippedScripts(dir).flatMap((path) => {
    const code = readFileSync(path, 'utf8');
    const file = relative(dir, path);
    const syntax = checkSyntax(code, file, target.ecmaVersion, target.moduleSyntax);
    return syntax.length > 0 ? syntax : checkApis(code, file, target);
  });
}

/** A finding as one line. */
export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.message}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dirs = process.argv.slice(2);
  const builds = dirs.length > 0 ? dirs : Object.keys(TARGETS).map((name) => `.output/${name}`).filter((dir) => existsSync(dir));
  let failed = false;
  for (const dir of builds) {
    const name = dir.replace(/\/$/, '').split('/').pop()!;
    const target = TARGETS[name];
    if (!target) throw new Error(`no target known for ${dir} (known: ${Object.keys(TARGETS).join(', ')})`);
    const findings = checkBuild(dir, target);
    console.log(`${dir}: ${shippedScripts(dir).length} scripts, ES${target.ecmaVersion}, ${target.browsers.join(', ')}: ${findings.length} findings`);
    for (const finding of findings) console.log(`  ${formatFinding(finding)}`);
    failed ||= findings.length > 0;
  }
  process.exit(failed ? 1 : 0);
}
