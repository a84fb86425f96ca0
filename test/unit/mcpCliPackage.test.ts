// The CLI as an npm package: `npm pack` gives a tarball that
// `npm install -g` turns into a working `campaign` command — dist/cli.js is
// self-contained, so nothing else is installed and no network is needed —
// and that command serves MCP, which is what a committed .mcp.json runs.
// (`--ignore-scripts`: the unit layer has just built dist/cli.js; the real
// `npm pack` rebuilds it in production mode through `prepack`.)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { fixture, repoRoot, tempDir } from '../support/fixtures';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('npm pack → npm install -g → campaign', { skip: process.platform === 'win32' ? 'sh launcher paths' : false }, () => {
  let t: ReturnType<typeof tempDir>;
  let bin: string;
  let project: string;
  before(() => {
    t = tempDir('campaign-pack-');
    const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
    const packed = execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', t.dir, ...quiet], { cwd: repoRoot, encoding: 'utf8' }).trim().split('\n').at(-1)!;
    const prefix = join(t.dir, 'prefix');
    execFileSync(npm, ['install', '-g', '--offline', '--prefix', prefix, ...quiet, join(t.dir, packed)], { cwd: t.dir, encoding: 'utf8' });
    bin = join(prefix, 'bin', 'campaign');
    project = join(t.dir, 'project');
    mkdirSync(join(project, '.claude'), { recursive: true });
    writeFileSync(join(project, '.claude', 'campaign.yaml'), fixture('commented.yaml'));
  });
  after(() => t.cleanup());

  it('installs only the CLI (its launcher, the bundle it loads, and the MCP server bundle for campaign mcp), with nothing else beside it', () => {
    const pkgDir = join(t.dir, 'prefix', 'lib', 'node_modules', 'campaign');
    assert.ok(existsSync(bin), 'a campaign command in <prefix>/bin');
    assert.ok(existsSync(join(pkgDir, 'dist', 'cli.js')));
    assert.ok(!existsSync(join(pkgDir, 'node_modules')), 'no dependencies installed');
    assert.ok(!existsSync(join(pkgDir, 'src')), 'no sources shipped');
    assert.deepEqual(readdirSync(join(pkgDir, 'dist')).sort(), ['cli-main.js', 'cli.js', 'mcp.js']);
  });

  it('campaign --version and campaign show work', () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const v = spawnSync(bin, ['--version'], { cwd: project, encoding: 'utf8' });
    assert.equal(v.status, 0, v.stderr);
    assert.equal(v.stdout.trim(), version);
    const show = spawnSync(bin, ['show'], { cwd: project, encoding: 'utf8' });
    assert.equal(show.status, 0, show.stderr);
    assert.match(show.stdout, /^Auth Service — Self-hosted authentication/);
  });

  it('campaign mcp from the installed package answers tools/list', async () => {
    const client = new Client({ name: 'pack-test', version: '1' });
    await client.connect(new StdioClientTransport({ command: bin, args: ['mcp'], cwd: project, stderr: 'pipe' }));
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.some((x) => x.name === 'log_decision'));
    } finally {
      await client.close();
    }
  });
});
