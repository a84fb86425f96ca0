// Job: load one of Campaign's own bundles with V8's code cache. A person or an
// agent runs `campaign` many times a day, and each run used to compile the
// same 360 KB of JavaScript before reading a byte of the campaign (about a
// third of a `work add` on a small file; docs/benchmarks.md). Node 22.1+ has
// this built in (module.enableCompileCache), and it is used there. Node 20 has
// no such switch, and the one library for it (v8-compile-cache) caches only
// the functions compiled up front, so there the cache is made here, after the
// run, with every function the run compiled. The cache lives in the user's own
// cache folder, is keyed by the bundle's content hash and Node's version, and
// is only a speed-up: anything unexpected loads the bundle the ordinary way.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, readdirSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** What happened, for CAMPAIGN_DEBUG_CODE_CACHE=1 and the tests. */
export type CodeCacheUse = 'node' | 'hit' | 'miss' | 'rejected' | 'off';

/** The user's own cache folder for Campaign, as each platform names it. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'campaign', 'Cache');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'campaign');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'campaign');
}

/** A folder only this user can write: a cache another account could plant would run as code. */
export function privateFolder(dir: string): boolean {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  const s = statSync(dir);
  return s.uid === process.getuid() && (s.mode & 0o022) === 0;
}

type NodeModule = typeof Module & { enableCompileCache?: (dir?: string) => unknown };

/** `require(file)`, compiled from V8's code cache when there is one. */
export function requireWithCodeCache(file: string, report?: (use: CodeCacheUse) => void): unknown {
  const debug = process.env.CAMPAIGN_DEBUG_CODE_CACHE === '1';
  const tell = (use: CodeCacheUse) => {
    report?.(use);
    if (debug) process.stderr.write(`campaign: code cache ${use} (${basename(file)})\n`);
  };
  const load = createRequire(file);
  if (process.env.CAMPAIGN_NO_CODE_CACHE === '1') {
    tell('off');
    return load(file);
  }
  let dir: string;
  try {
    dir = join(cacheFolder(), 'code');
    if (!privateFolder(dir)) throw new Error('not private');
  } catch {
    tell('off');
    return load(file);
  }
  const native = (Module as NodeModule).enableCompileCache;
  if (typeof native === 'function') {
    native(dir);
    tell('node');
    return load(file);
  }
  return compileCached(file, dir, load, tell);
}

function compileCached(file: string, dir: string, load: NodeJS.Require, tell: (use: CodeCacheUse) => void): unknown {
  let source: string;
  let cachePath: string;
  let cached: Buffer | undefined;
  try {
    source = readFileSync(file, 'utf8').replace(/^#!.*/, '');
    // V8 checks a cache against the source's length only; the content hash makes a changed bundle miss.
    const key = createHash('sha256').update(source).update(process.version).update(process.arch).digest('hex').slice(0, 24);
    cachePath = join(dir, `${basename(file)}.${key}.bin`);
    try {
      cached = readFileSync(cachePath);
    } catch {
      cached = undefined;
    }
  } catch {
    tell('off');
    return load(file);
  }
  const script = new Script(Module.wrap(source), { filename: file, ...(cached ? { cachedData: cached } : {}) });
  const use: CodeCacheUse = !cached ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
  tell(use);
  if (use !== 'hit') {
    // Made at exit, so it holds every function this run compiled, not only the top level.
    process.once('exit', () => saveCache(script, cachePath, file));
  }
  const mod = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(mod.exports, mod.exports, load, mod, file, dirname(file));
  mod.loaded = true;
  return mod.exports;
}

function saveCache(script: Script, cachePath: string, file: string): void {
  try {
    const data = script.createCachedData();
    const temp = `${cachePath}.${process.pid}.tmp`;
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, cachePath);
    // Caches of earlier versions of this bundle are of no more use.
    const dir = dirname(cachePath);
    for (const name of readdirSync(dir)) {
      if (name.startsWith(`${basename(file)}.`) && name.endsWith('.bin') && join(dir, name) !== cachePath) unlinkSync(join(dir, name));
    }
  } catch {
    // Only a speed-up: the next run compiles again.
  }
}
