// One build script for every bundle: the extension host, the CLI, the webview,
// and (with --tests) the compiled test suites. Flags: --production (minify, no
// source maps), --watch, --tests.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, mkdirSync, chmodSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const withTests = args.has('--tests');
const root = new URL('..', import.meta.url).pathname;

/** Every file under dir whose name passes the filter. */
function filesUnder(dir, filter) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, filter));
    else if (filter(name)) out.push(p);
  }
  return out;
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  define: { CAMPAIGN_VERSION: JSON.stringify(pkg.version) },
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
  // jsonc-parser's default (UMD) entry loads its parts with a dynamic require
  // that a bundle cannot follow; its ES module build bundles. Every bundle
  // (extension, lazy, CLI, MCP, tests) takes the same one.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    // `campaign` itself: a few lines that load the CLI below through V8's code cache.
    ...common,
    entryPoints: ['src/cli/launcher.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: ['src/cli/bin.ts'],
    outfile: 'dist/cli-main.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    // The MCP server and its SDK, required by `campaign mcp` only: every other
    // CLI command starts without loading them.
    ...common,
    entryPoints: ['src/mcp/mcpServer.ts'],
    outfile: 'dist/mcp.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['webview/handoff/main.ts'],
    outfile: 'dist/webview/handoff.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
].filter((b) => existsSync(join(root, b.entryPoints[0])));

if (withTests) {
  const testEntries = filesUnder(join(root, 'test'), (n) => n.endsWith('.ts') && !n.endsWith('.d.ts'))
    .map((p) => relative(root, p));
  if (testEntries.length > 0) {
    builds.push({
      ...common,
      sourcemap: 'inline',
      minify: false,
      entryPoints: testEntries,
      outdir: 'out/test',
      outbase: 'test',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // Test code reaches node_modules at run time (jsonc-parser by its own
      // CommonJS entry, not the bundles' alias); vscode only exists in the host.
      packages: 'external',
      alias: {},
      external: ['vscode'],
    });
  }
}

// Rarely used code, `require`d on first use (src/extension/lazy/loadLazy.ts): every
// src/extension/lazy/*.ts but the loader is the entry of dist/lazy/NAME.js. Modules the
// extension bundle already holds are not copied in: they resolve to its instances (the
// loader's SHARED registry), so classes such as CampaignError stay one class.
const lazyEntries = filesUnder(join(root, 'src/extension/lazy'), (n) => n.endsWith('.ts') && n !== 'loadLazy.ts' && n !== 'lazyModule.ts').map((p) => relative(root, p));

/**
 * Packages the extension needs only after activate() returns: its imports of them resolve to a
 * namespace that loads dist/lazy/NAME.js on first use (src/extension/lazy/lazyModule.ts).
 */
const LAZY_PACKAGES = ['yaml'];

function lazyPackages() {
  const lazyModule = join(root, 'src/extension/lazy/lazyModule.ts');
  return {
    name: 'campaign-lazy-packages',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(${LAZY_PACKAGES.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'campaign-lazy-package' }));
      build.onLoad({ filter: /.*/, namespace: 'campaign-lazy-package' }, async (args) => {
        const names = Object.keys(await import(args.path)).filter((k) => k !== 'default' && k !== 'module.exports');
        return {
          contents: `const { lazyNamespace } = require(${JSON.stringify(lazyModule)});\nmodule.exports = lazyNamespace(${JSON.stringify(args.path)}, ${JSON.stringify(names)});`,
          resolveDir: root,
          loader: 'js',
        };
      });
    },
  };
}
const extensionBuild = builds.find((b) => b.outfile === 'dist/extension.js');
if (extensionBuild) extensionBuild.plugins = [lazyPackages()];

/** What the extension bundle holds, as esbuild names its inputs (paths from the repository root). */
async function extensionInputs() {
  const main = builds.find((b) => b.outfile === 'dist/extension.js');
  if (!main) return new Set();
  const r = await esbuild.build({ ...main, write: false, metafile: true, logLevel: 'silent' });
  return new Set(Object.keys(r.metafile.inputs));
}

function sharedWithExtension(inputs) {
  const loader = readFileSync(join(root, 'src/extension/lazy/loadLazy.ts'), 'utf8');
  return {
    name: 'campaign-shared',
    setup(build) {
      const needed = new Set();
      build.onStart(() => needed.clear());
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind === 'entry-point' || args.pluginData?.campaignShared) return undefined;
        // A lazy package's own bundle holds it; every other lazy bundle shares the extension's stand-in.
        if (LAZY_PACKAGES.includes(args.path)) {
          if (args.importer.endsWith(`/lazy/${args.path}.ts`)) return undefined;
          needed.add(args.path);
          return { path: args.path, namespace: 'campaign-shared' };
        }
        const r = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: { campaignShared: true } });
        if (r.errors.length || r.external || !r.path) return undefined;
        if (!inputs.has(relative(root, r.path))) return undefined;
        const key = r.path.includes('/node_modules/') ? args.path : relative(root, r.path);
        needed.add(key);
        return { path: key, namespace: 'campaign-shared' };
      });
      build.onLoad({ filter: /.*/, namespace: 'campaign-shared' }, (args) => ({
        contents: `module.exports = globalThis[Symbol.for('campaign.lazyShared')](${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
      build.onEnd(() => {
        const missing = [...needed].filter((k) => !loader.includes(`'${k}'`) && !new RegExp(`\\b${k}\\b,`).test(loader));
        if (missing.length) throw new Error(`src/extension/lazy/loadLazy.ts must share with the lazy bundles: ${missing.join(', ')}`);
      });
    },
  };
}

if (lazyEntries.length && builds.some((b) => b.outfile === 'dist/extension.js')) {
  const inputs = await extensionInputs();
  builds.push({
    ...common,
    entryPoints: lazyEntries,
    outdir: 'dist/lazy',
    outbase: 'src/extension/lazy',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [sharedWithExtension(inputs)],
  });
}

mkdirSync(join(root, 'dist'), { recursive: true });
if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  console.log('[build] watching…');
} else {
  const started = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  if (existsSync(join(root, 'dist/cli.js'))) {
    chmodSync(join(root, 'dist/cli.js'), 0o755);
    writeSchema();
  }
  console.log(`[build] ${builds.length} bundle(s) in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
}

/** Keeps schemas/campaign.schema.json (for editors' YAML validation) in step with the core schema. */
function writeSchema() {
  const schema = execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'schema'], { encoding: 'utf8' });
  const target = join(root, 'schemas/campaign.schema.json');
  mkdirSync(join(root, 'schemas'), { recursive: true });
  if (!existsSync(target) || readFileSync(target, 'utf8') !== schema) writeFileSync(target, schema);
}
