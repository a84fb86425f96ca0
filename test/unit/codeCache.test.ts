// The CLI loads its bundle through V8's code cache (src/cli/codeCache.ts):
// the second run of `campaign` compiles nothing it compiled before, a cache
// that does not fit is ignored, a cache folder others can write is not used,
// and in every case the command does exactly what it does without a cache.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { cacheFolder } from '../../src/cli/codeCache';
import { repoRoot, tempDir } from '../support/fixtures';

const cli = join(repoRoot, 'dist', 'cli.js');
/** Node 22.1+ caches compiled code itself; Campaign only switches that on. */
const builtIn = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe('the CLI and V8 code cache', { skip: process.platform === 'win32' ? 'POSIX cache folder' : false }, () => {
  let t: ReturnType<typeof tempDir>;
  before(() => {
    t = tempDir('campaign-code-cache-');
  });
  after(() => t.cleanup());

  function run(cacheHome: string, extra: NodeJS.ProcessEnv = {}) {
    const r = spawnSync(process.execPath, [cli, '--version'], {
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: cacheHome, CAMPAIGN_DEBUG_CODE_CACHE: '1', CAMPAIGN_NO_CODE_CACHE: '', ...extra },
    });
    assert.equal(r.status, 0, r.stderr);
    const use = /code cache (\w+) \(cli-main\.js\)/.exec(r.stderr)?.[1];
    return { version: r.stdout.trim(), use };
  }

  const codeDir = (home: string) => join(home, 'campaign', 'code');

  it('the first run makes the cache, the next ones load from it, with the same result', { skip: builtIn ? 'Node compiles from its own cache here' : false }, () => {
    const home = join(t.dir, 'fresh');
    const first = run(home);
    const second = run(home);
    assert.equal(first.use, 'miss');
    assert.equal(second.use, 'hit');
    assert.equal(second.version, first.version);
    assert.match(first.version, /^\d+\.\d+\.\d+/);
    const files = readdirSync(codeDir(home));
    assert.equal(files.length, 1);
    assert.equal(statSync(codeDir(home)).mode & 0o777, 0o700, 'only the user can write the cache folder');
    assert.equal(statSync(join(codeDir(home), files[0]!)).mode & 0o777, 0o600);
  });

  it('a cache that does not fit (damaged, or from another build) is ignored and made again', { skip: builtIn ? 'Node checks its own cache' : false }, () => {
    const home = join(t.dir, 'damaged');
    run(home);
    const file = join(codeDir(home), readdirSync(codeDir(home))[0]!);
    writeFileSync(file, Buffer.alloc(4096, 7), { mode: 0o600 });
    const damaged = run(home);
    assert.equal(damaged.use, 'rejected');
    assert.match(damaged.version, /^\d+\.\d+\.\d+/);
    assert.equal(run(home).use, 'hit');
  });

  it("on Node's own compile cache, Campaign turns it on in its cache folder", { skip: builtIn ? false : 'Node 20 has no built-in compile cache' }, () => {
    const home = join(t.dir, 'node');
    assert.equal(run(home).use, 'node');
    assert.ok(readdirSync(codeDir(home)).length > 0);
  });

  it('a cache folder other users can write is not used; the command still runs', () => {
    const home = join(t.dir, 'shared');
    run(home, { CAMPAIGN_NO_CODE_CACHE: '1' });
    spawnSync('mkdir', ['-p', codeDir(home)]);
    chmodSync(codeDir(home), 0o777);
    const r = run(home);
    assert.equal(r.use, 'off');
    assert.match(r.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(readdirSync(codeDir(home)), []);
  });

  it('CAMPAIGN_NO_CODE_CACHE=1 turns it off', () => {
    assert.equal(run(join(t.dir, 'off'), { CAMPAIGN_NO_CODE_CACHE: '1' }).use, 'off');
  });

  it("the cache folder is each platform's own", () => {
    assert.equal(cacheFolder({ XDG_CACHE_HOME: '/x/cache' }, 'linux'), '/x/cache/campaign');
    assert.match(cacheFolder({}, 'linux'), /\.cache\/campaign$/);
    assert.match(cacheFolder({}, 'darwin'), /Library\/Caches\/campaign$/);
    assert.equal(cacheFolder({ LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }, 'win32'), join('C:\\Users\\me\\AppData\\Local', 'campaign', 'Cache'));
  });
});
