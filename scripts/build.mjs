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

// The extension in three tiers, so that activation loads and compiles only what it runs
// (src/extension/lazy/lazyModule.ts):
// - dist/extension.js, what VS Code loads: activation, the views, the registrations;
// - dist/lazy/core.js, loaded right after activation by the first read of the campaign
//   file: every module matching AFTER_ACTIVATION that the main bundle imports, with all
//   they import (the yaml package, the document, file and operation code, the commands);
// - dist/lazy/NAME.js for every other src/extension/lazy/NAME.ts: code few sessions run.
// A later bundle does not copy a module an earlier one holds; it fetches that instance
// through the main bundle's registry, generated here as the module `campaign:shared`.
const AFTER_ACTIVATION = [
  /^src\/core\/(document|file|operations|primer|archive|merge|agents|import)\//,
  /^src\/core\/model\/(model|normalize|schemaProblems|jsonSchema)\.ts$/,
  /^src\/extension\/commands\//,
  /^src\/extension\/(handoffPanel|handoffData|sourceLocation)\.ts$/,
  /^src\/protocol\//,
];
/** Exceptions: small modules activation itself runs (locating the file, registering the commands). */
const AT_ACTIVATION = new Set(['src/core/file/campaignPath.ts', 'src/core/primer/primerBudget.ts', 'src/extension/commands/commandRegistry.ts']);
/** Packages the main bundle leaves to dist/lazy/core.js. */
const AFTER_ACTIVATION_PACKAGES = new Set(['yaml']);

const lazyModule = join(root, 'src/extension/lazy/lazyModule.ts');
const isAfterActivation = (key) =>
  AFTER_ACTIVATION_PACKAGES.has(key) || (!AT_ACTIVATION.has(key) && AFTER_ACTIVATION.some((re) => re.test(key)));
const rareEntries = filesUnder(join(root, 'src/extension/lazy'), (n) => n.endsWith('.ts') && !n.endsWith('.d.ts') && n !== 'loadLazy.ts' && n !== 'lazyModule.ts').map((p) => relative(root, p));

/** How bundles name a module: its path from the root, or the package name it was imported by. */
function moduleKey(resolvedPath, specifier) {
  return resolvedPath.includes('/node_modules/') ? specifier : relative(root, resolvedPath);
}

/**
 * Resolves an import from our own sources (package internals are left to esbuild): its key, and
 * its path as esbuild names inputs; undefined for externals.
 */
async function resolveOwn(build, args, marker) {
  if (args.kind === 'entry-point' || args.pluginData?.[marker] || args.importer.includes('/node_modules/') || !args.importer) return undefined;
  const r = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: { [marker]: true } });
  if (r.errors.length || r.external || !r.path) return undefined;
  return { key: moduleKey(r.path, args.path), input: relative(root, r.path) };
}

const exportNamesCache = new Map();
/** The names a module exports (its stand-in lists them, for esbuild's interop to copy). */
async function exportNames(key) {
  let names = exportNamesCache.get(key);
  if (!names) {
    if (!key.startsWith('src/')) {
      names = Object.keys(await import(key)).filter((k) => k !== 'default' && k !== 'module.exports');
    } else {
      const r = await esbuild.build({ ...common, entryPoints: [key], bundle: true, platform: 'node', format: 'esm', external: ['vscode', 'campaign:shared'], write: false, metafile: true, outdir: 'out/exports', logLevel: 'silent' });
      names = Object.values(r.metafile.outputs).find((o) => o.entryPoint)?.exports ?? [];
    }
    exportNamesCache.set(key, names);
  }
  return names;
}

/** The main bundle's imports of later code become stand-ins that load dist/lazy/core.js on first use; `deferred` collects them. */
function deferToCore(deferred) {
  return {
    name: 'campaign-defer-to-core',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.namespace === 'campaign-core' || args.namespace === 'campaign-registry') return undefined;
        const key = (await resolveOwn(build, args, 'campaignDefer'))?.key;
        if (!key || !isAfterActivation(key)) return undefined;
        deferred.add(key);
        return { path: key, namespace: 'campaign-core' };
      });
      build.onLoad({ filter: /.*/, namespace: 'campaign-core' }, async (args) => ({
        contents: `module.exports = require(${JSON.stringify(lazyModule)}).coreModule(${JSON.stringify(args.path)}, ${JSON.stringify(await exportNames(args.path))});`,
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

/** The generated module `campaign:shared`: the namespaces of `keys`, modules the main bundle holds. */
function sharedRegistry(keys) {
  return {
    name: 'campaign-shared-registry',
    setup(build) {
      build.onResolve({ filter: /^campaign:shared$/ }, () => ({ path: 'campaign:shared', namespace: 'campaign-registry' }));
      build.onLoad({ filter: /.*/, namespace: 'campaign-registry' }, () => {
        const list = [...keys].sort();
        const spec = (k) => JSON.stringify(k.startsWith('src/') ? `./${k}` : k);
        return {
          contents: `${list.map((k, i) => `import * as m${i} from ${spec(k)};`).join('\n')}\nexport const SHARED = {${list.map((k, i) => `${JSON.stringify(k)}: m${i}`).join(', ')}};`,
          resolveDir: root,
          loader: 'js',
        };
      });
    },
  };
}

/**
 * A later bundle's imports of modules an earlier bundle holds (`holders`: bundle name →
 * its inputs) become stand-ins fetched through the registry; `needed` collects them per holder.
 */
function shareWith(holders, needed) {
  return {
    name: 'campaign-share',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.namespace === 'campaign-shared') return undefined;
        const own = await resolveOwn(build, args, 'campaignShare');
        if (!own) return undefined;
        const { key, input } = own;
        for (const [from, inputs] of holders) {
          if (!inputs.has(input)) continue;
          needed.get(from).add(key);
          return { path: `${from}:${key}`, namespace: 'campaign-shared' };
        }
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'campaign-shared' }, (args) => {
        const [from, key] = [args.path.slice(0, args.path.indexOf(':')), args.path.slice(args.path.indexOf(':') + 1)];
        return { contents: `module.exports = globalThis[Symbol.for('campaign.lazyShared')](${JSON.stringify(from)}, ${JSON.stringify(key)});`, loader: 'js' };
      });
    },
  };
}

/** dist/lazy/core.js's entry: each module `keys` names, exported by its key. */
function coreEntry(keys) {
  const spec = (k) => JSON.stringify(k.startsWith('src/') ? `./${k}` : k);
  return { contents: [...keys].sort().map((k) => `exports[${JSON.stringify(k)}] = require(${spec(k)});`).join('\n'), resolveDir: root, sourcefile: 'dist/lazy/core.js (entry)', loader: 'js' };
}

const extensionBuild = builds.find((b) => b.outfile === 'dist/extension.js');
if (extensionBuild) {
  const inputsOf = (r) => new Set(Object.keys(r.metafile.inputs));
  const lazyCommon = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] };
  // 1. What the main bundle holds, and which later modules it imports.
  const deferred = new Set();
  const mainInputs = inputsOf(await esbuild.build({ ...extensionBuild, plugins: [deferToCore(deferred), sharedRegistry([])], write: false, metafile: true, logLevel: 'silent' }));
  // 2. dist/lazy/core.js: those modules and what they import, less what the main bundle holds.
  const needed = () => new Map([['main', new Set()], ['core', new Set()]]);
  const coreNeeds = needed();
  const coreInputs = inputsOf(await esbuild.build({ ...lazyCommon, stdin: coreEntry(deferred), outfile: 'dist/lazy/core.js', plugins: [shareWith([['main', mainInputs]], coreNeeds)], write: false, metafile: true, logLevel: 'silent' }));
  // 3. The rare bundles: what neither of those holds.
  const rareNeeds = needed();
  if (rareEntries.length) {
    await esbuild.build({ ...lazyCommon, entryPoints: rareEntries, outdir: 'dist/lazy', outbase: 'src/extension/lazy', plugins: [shareWith([['main', mainInputs], ['core', coreInputs]], rareNeeds)], write: false, metafile: true, logLevel: 'silent' });
  }
  // 4. The real builds: the main bundle with its registry, core exporting what the rare bundles fetch from it too.
  const sharedFromMain = new Set([...coreNeeds.get('main'), ...rareNeeds.get('main')]);
  extensionBuild.plugins = [deferToCore(new Set()), sharedRegistry(sharedFromMain)];
  builds.push({ ...lazyCommon, stdin: coreEntry(new Set([...deferred, ...rareNeeds.get('core')])), outfile: 'dist/lazy/core.js', plugins: [shareWith([['main', mainInputs]], needed())] });
  if (rareEntries.length) {
    builds.push({ ...lazyCommon, entryPoints: rareEntries, outdir: 'dist/lazy', outbase: 'src/extension/lazy', plugins: [shareWith([['main', mainInputs], ['core', coreInputs]], needed())] });
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
