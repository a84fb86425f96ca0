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
};

// jsonc-parser's default (UMD) entry loads its parts with a dynamic require that a bundle cannot follow; its ES module build bundles.
const bundledAlias = { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' };

const builds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    alias: bundledAlias,
  },
  {
    ...common,
    entryPoints: ['src/cli/bin.ts'],
    alias: bundledAlias,
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
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
      // Test code reaches node_modules at run time; vscode only exists in the host.
      packages: 'external',
      external: ['vscode'],
    });
  }
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
