// The CLI's argument rules on node:util parseArgs: declared options only,
// values that begin with `-` (a title like "-5% latency"), repeated options in
// order, `--` ends the options; and through runCli, the same words give the
// same file and exit codes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, UsageError } from '../../src/cli/argParser';
import { runCli } from '../../src/cli/main';
import { tempDir } from '../support/fixtures';

const SPEC = { title: 'string', tag: 'strings', force: 'boolean' } as const;

describe('CLI argument parser', () => {
  it('reads string, repeated and boolean options in either form, and keeps positionals in order', () => {
    const r = parseArgs(['a', '--title', 'T', '--tag=x', 'b', '--tag', 'y', '--force', 'c'], SPEC);
    assert.deepEqual(r.flags, { title: 'T', tag: ['x', 'y'], force: true });
    assert.deepEqual(r.positionals, ['a', 'b', 'c']);
    assert.equal(parseArgs(['--title', 'A', '--title', 'B'], SPEC).flags.title, 'B');
    assert.equal(parseArgs(['--title='], SPEC).flags.title, '');
  });

  it('takes a value that begins with a dash, in both forms', () => {
    assert.equal(parseArgs(['--title', '-5% latency'], SPEC).flags.title, '-5% latency');
    assert.equal(parseArgs(['--title=-5%'], SPEC).flags.title, '-5%');
    assert.equal(parseArgs(['--title', '--force'], SPEC).flags.title, '--force');
    assert.deepEqual(parseArgs(['--tag', '-1', '--tag', '--'], SPEC).flags.tag, ['-1', '--']);
  });

  it('reads a word that begins with one dash as a positional, once', () => {
    assert.deepEqual(parseArgs(['-5%', 'latency'], SPEC).positionals, ['-5%', 'latency']);
    assert.deepEqual(parseArgs(['-abc', '-', 'x'], SPEC).positionals, ['-abc', '-', 'x']);
  });

  it('ends the options at --', () => {
    const r = parseArgs(['--force', '--', '--title', 'x'], SPEC);
    assert.deepEqual(r.flags, { force: true });
    assert.deepEqual(r.positionals, ['--title', 'x']);
  });

  it('refuses unknown options, missing values and values for booleans with the CLI messages', () => {
    const refuses = (argv: string[], message: string) =>
      assert.throws(() => parseArgs(argv, SPEC), (err: unknown) => err instanceof UsageError && err.message === message, argv.join(' '));
    refuses(['--bogus'], 'unknown option --bogus');
    refuses(['--bogus=1'], 'unknown option --bogus');
    refuses(['--title'], '--title needs a value');
    refuses(['x', '--tag'], '--tag needs a value');
    refuses(['--force=yes'], '--force takes no value');
    refuses(['--force='], '--force takes no value');
    // Inherited names are not options.
    refuses(['--toString'], 'unknown option --toString');
  });
});

describe('CLI: values that begin with a dash, end to end', () => {
  function project() {
    const t = tempDir('campaign-cli-dash-');
    mkdirSync(join(t.dir, '.claude'));
    writeFileSync(join(t.dir, '.claude', 'campaign.yaml'), 'version: 1\nidentity:\n  name: Dash\nremaining_work: []\n');
    return t;
  }
  async function cli(cwd: string, ...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { cwd, now: () => new Date('2026-03-21T10:00:00Z'), out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('adds work titled "-5% latency" through --title, --title= and a positional title', async () => {
    const p = project();
    try {
      for (const argv of [['--title', '-5% latency p99'], ['--title=-5% latency p50'], ['-5%', 'latency', 'p90']]) {
        const r = await cli(p.dir, 'work', 'add', ...argv, '--priority', 'high');
        assert.equal(r.code, 0, `${argv.join(' ')}: ${r.err}`);
      }
      const text = readFileSync(join(p.dir, '.claude', 'campaign.yaml'), 'utf8');
      for (const title of ['-5% latency p99', '-5% latency p50', '-5% latency p90']) assert.ok(text.includes(title), `${title} in\n${text}`);
    } finally {
      p.cleanup();
    }
  });

  it('reads --file before the command in both forms, the last one winning', async () => {
    const p = project();
    try {
      writeFileSync(join(p.dir, 'other.yaml'), 'version: 1\nidentity:\n  name: Other\n');
      const name = async (...argv: string[]) => (JSON.parse((await cli(p.dir, ...argv, 'show', '--json')).out) as { identity: { name: string } }).identity.name;
      assert.equal(await name('--file', 'other.yaml'), 'Other');
      assert.equal(await name('--file=other.yaml'), 'Other');
      assert.equal(await name('--file', 'other.yaml', '--file=.claude/campaign.yaml'), 'Dash');
      for (const argv of [['--file'], ['--file='], ['--file=', 'show']]) {
        const r = await cli(p.dir, ...argv);
        assert.equal(r.code, 2, argv.join(' '));
        assert.equal(r.err, 'campaign: --file needs a path');
      }
      // The command's own words are the command's, even when they look like --file.
      const r = await cli(p.dir, 'work', 'add', '--file', 'x');
      assert.equal(r.code, 2);
      assert.match(r.err, /unknown option --file/);
    } finally {
      p.cleanup();
    }
  });

  it('reports a usage error with the command usage and exit 2', async () => {
    const p = project();
    try {
      const r = await cli(p.dir, 'work', 'add', '--title');
      assert.equal(r.code, 2);
      assert.match(r.err, /^campaign work: --title needs a value\nUsage: campaign work/);
      const unknown = await cli(p.dir, 'show', '--bogus');
      assert.equal(unknown.code, 2);
      assert.match(unknown.err, /unknown option --bogus/);
    } finally {
      p.cleanup();
    }
  });
});
