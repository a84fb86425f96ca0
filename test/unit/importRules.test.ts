// The allowed imports of docs/architecture.md, checked by reading every
// module under src/ and webview/: the core is pure (no `vscode`, nothing of
// the fronts), the fronts (CLI, extension, MCP server) use the core and not
// each other, the webview protocol is shared and depends on no front, and the
// webview runs in a browser. Also the module conventions: a header comment
// that says the module's job, no default exports, no barrel index.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { repoRoot } from '../support/fixtures';

interface Module {
  /** Repository-relative, `/`-separated: `src/core/model/model.ts`. */
  path: string;
  text: string;
  /** What it imports: repository-relative paths for relative imports, the bare specifier otherwise. */
  imports: string[];
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|mts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

function load(): Module[] {
  return [...files(join(repoRoot, 'src')), ...files(join(repoRoot, 'webview'))].map((file) => {
    const text = readFileSync(file, 'utf8');
    const specifiers = [
      ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/gms),
      ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
      ...text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g),
    ].map((m) => m[1]!);
    const imports = specifiers.map((s) => (s.startsWith('.') ? relative(repoRoot, resolve(dirname(file), s)).split('\\').join('/') : s));
    return { path: relative(repoRoot, file).split('\\').join('/'), text, imports };
  });
}

const modules = load();
const under = (prefix: string) => modules.filter((m) => m.path.startsWith(prefix));

/** Every import of a module under `from` that matches one of `forbidden` (prefixes of paths or bare specifiers). */
function violations(from: string, forbidden: (string | RegExp)[]): string[] {
  return under(from).flatMap((m) =>
    m.imports
      .filter((i) => forbidden.some((f) => (typeof f === 'string' ? i === f || i.startsWith(`${f}/`) : f.test(i))))
      .map((i) => `${m.path} imports ${i}`),
  );
}

const FRONTS = ['src/cli', 'src/extension', 'src/mcp'];

describe('import rules (docs/architecture.md)', () => {
  it('finds the modules it checks', () => {
    assert.ok(under('src/core/').length > 40 && under('src/cli/').length > 5 && under('src/extension/').length > 40 && under('webview/').length > 0);
    assert.ok(modules.some((m) => m.imports.includes('vscode')), 'the scanner sees imports');
  });

  it('the core imports neither vscode nor any front, protocol or webview', () => {
    assert.deepEqual(violations('src/core/', ['vscode', ...FRONTS, 'src/protocol', 'webview']), []);
  });

  it('the model is the base of the core: it imports no other core folder', () => {
    assert.deepEqual(violations('src/core/model/', [/^src\/core\/(?!model\/)/]), []);
  });

  it('the fronts use the core, not each other', () => {
    assert.deepEqual(violations('src/cli/', ['vscode', 'src/extension', 'src/mcp', 'src/protocol', 'webview']), []);
    assert.deepEqual(violations('src/mcp/', ['vscode', 'src/extension', 'src/cli', 'src/protocol', 'webview']), []);
    assert.deepEqual(violations('src/extension/', ['src/cli', 'src/mcp', 'webview']), []);
  });

  it('the webview protocol depends on no front; the webview on no host code', () => {
    assert.deepEqual(violations('src/protocol/', ['vscode', ...FRONTS, 'webview']), []);
    assert.deepEqual(violations('webview/', ['vscode', ...FRONTS, /^node:/]), []);
  });

  it('every module opens with a comment that says its job', () => {
    const missing = modules.filter((m) => !/^\/\/ \S/.test(m.text) && !/^\/\*\*?\s/.test(m.text)).map((m) => m.path);
    assert.deepEqual(missing, []);
  });

  it('no default exports and no barrel index.ts', () => {
    assert.deepEqual(modules.filter((m) => /^export default\b/m.test(m.text)).map((m) => m.path), []);
    assert.deepEqual(modules.filter((m) => /(^|\/)index\.ts$/.test(m.path)).map((m) => m.path), []);
  });
});
