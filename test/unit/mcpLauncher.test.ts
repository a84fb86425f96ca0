// The `campaign` launcher the extension puts on the terminal's PATH, run as a
// shell runs it: the editor's runtime with ELECTRON_RUN_AS_NODE=1 on the
// bundled CLI, every argument passed through unchanged (paths with spaces
// and quotes included), and `node` when the editor's runtime has moved.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { shLauncher } from '../../src/extension/terminalPathLauncher';
import { fixture, repoRoot, tempDir } from '../support/fixtures';

describe('the terminal launcher', { skip: process.platform === 'win32' ? 'sh launcher' : false }, () => {
  let t: ReturnType<typeof tempDir>;
  let cli: string;
  before(() => {
    t = tempDir('campaign-launcher-');
    const odd = join(t.dir, "Campaign's extension dir");
    mkdirSync(join(odd, 'dist'), { recursive: true });
    cli = join(odd, 'dist', 'cli.js');
    // The launcher and the CLI bundle it loads, as the extension ships them.
    copyFileSync(join(repoRoot, 'dist', 'cli.js'), cli);
    copyFileSync(join(repoRoot, 'dist', 'cli-main.js'), join(odd, 'dist', 'cli-main.js'));
  });
  after(() => t.cleanup());

  function launcher(runtime: string): string {
    const bin = join(t.dir, 'bin dir');
    mkdirSync(bin, { recursive: true });
    const path = join(bin, 'campaign');
    writeFileSync(path, shLauncher(runtime, cli));
    chmodSync(path, 0o755);
    return path;
  }

  it('runs the editor runtime as Node on the bundled CLI, passing every argument through', () => {
    // A stand-in runtime that reports how it was called.
    const runtime = join(t.dir, "Code 'Helper'");
    writeFileSync(runtime, '#!/bin/sh\necho "ELECTRON_RUN_AS_NODE=$ELECTRON_RUN_AS_NODE"\nfor a in "$@"; do echo "[$a]"; done\n');
    chmodSync(runtime, 0o755);
    const r = spawnSync(launcher(runtime), ['show', '--file', "a b/it's.yaml", '$(x)'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), ['ELECTRON_RUN_AS_NODE=1', `[${cli}]`, '[show]', '[--file]', "[a b/it's.yaml]", '[$(x)]']);
  });

  it('with the real runtime: campaign --version and campaign show', () => {
    const project = join(t.dir, 'project');
    mkdirSync(join(project, '.claude'), { recursive: true });
    writeFileSync(join(project, '.claude', 'campaign.yaml'), fixture('commented.yaml'));
    const path = launcher(process.execPath);
    const v = spawnSync(path, ['--version'], { encoding: 'utf8' });
    assert.equal(v.status, 0, v.stderr);
    assert.match(v.stdout.trim(), /^\d+\.\d+\.\d+/);
    const show = spawnSync(path, ['show'], { cwd: project, encoding: 'utf8' });
    assert.equal(show.status, 0, show.stderr);
    assert.match(show.stdout, /^Auth Service/);
  });

  it('falls back to `node` on PATH when the editor runtime is gone', () => {
    const path = launcher(join(t.dir, 'moved', 'code'));
    const r = spawnSync(path, ['--version'], { encoding: 'utf8', env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` } });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout.trim(), /^\d+\.\d+\.\d+/);
  });
});
