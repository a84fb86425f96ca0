// How the extension has git run its merge driver: its own CLI with node from
// PATH, else the editor's runtime as node; and which configured drivers are
// this extension's (any installed version) and may be refreshed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { driverRuntime, onPath, runsThisExtension } from '../../../src/extension/driverRuntime';
import { tempDir } from '../../support/fixtures';

describe('onPath and driverRuntime', () => {
  it('finds an executable node on PATH and then runs the CLI with plain node', () => {
    const { dir, cleanup } = tempDir();
    try {
      const bin = join(dir, 'bin');
      mkdirSync(bin);
      writeFileSync(join(bin, 'node'), '#!/bin/sh\n');
      chmodSync(join(bin, 'node'), 0o755);
      const env = { PATH: [join(dir, 'empty'), bin].join(process.platform === 'win32' ? ';' : ':') };
      assert.equal(onPath('node', env, 'linux'), true);
      assert.deepEqual(driverRuntime('/ext/campaign-tools.campaign-0.1.0', env, '/opt/editor/code'), {
        cliPath: join('/ext/campaign-tools.campaign-0.1.0', 'dist', 'cli.js'),
      });
    } finally {
      cleanup();
    }
  });

  it('without node on PATH (or only a file that is not executable) uses the editor as node', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'node'), 'not a program');
      chmodSync(join(dir, 'node'), 0o644);
      assert.equal(onPath('node', { PATH: dir }, 'linux'), false);
      assert.equal(onPath('node', {}, 'linux'), false);
      assert.deepEqual(driverRuntime('/ext/c', { PATH: dir }, '/opt/editor/code'), {
        cliPath: join('/ext/c', 'dist', 'cli.js'),
        nodePath: '/opt/editor/code',
        electronRunAsNode: true,
      });
    } finally {
      cleanup();
    }
  });

  it('uses PATHEXT on Windows', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'node.EXE'), '');
      assert.equal(onPath('node', { Path: dir, PATHEXT: '.COM;.EXE' }, 'win32'), true);
      assert.equal(onPath('node', { Path: dir, PATHEXT: '.COM' }, 'win32'), false);
    } finally {
      cleanup();
    }
  });
});

describe('runsThisExtension', () => {
  const here = join('/home/me/.vscode/extensions', 'campaign-tools.campaign-0.2.0');
  it('recognizes this install and other versions of the same extension', () => {
    assert.ok(runsThisExtension(`node ${here}/dist/cli.js merge-driver %O %A %B %P`, here));
    assert.ok(runsThisExtension(`node '${join('/home/me/.vscode/extensions', 'campaign-tools.campaign-0.1.0')}/dist/cli.js' merge-driver %O %A %B %P`, here));
  });
  it('leaves other CLIs alone', () => {
    assert.ok(!runsThisExtension('node /usr/lib/node_modules/campaign/dist/cli.js merge-driver %O %A %B %P', here));
    // A development checkout has no version in its folder name: only its own path counts.
    assert.ok(!runsThisExtension('node /usr/lib/node_modules/campaign/dist/cli.js merge-driver %O %A %B %P', '/work/main'));
  });
});
