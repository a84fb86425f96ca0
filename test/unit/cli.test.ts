// The CLI's exact interface: commands, output and exit codes (0 done,
// 1 a problem with the campaign, 2 bad usage), run as a real process.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, repoRoot, tempDir } from '../support/fixtures';

const cli = join(repoRoot, 'dist', 'cli.js');

function campaign(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout.trimEnd(), err: r.stderr.trimEnd() };
}

describe('campaign CLI', () => {
  let t: ReturnType<typeof tempDir>;
  before(() => {
    t = tempDir();
  });
  after(() => t.cleanup());

  it('init creates the file with every section, and refuses to overwrite it', () => {
    const r = campaign(t.dir, 'init', '--name', 'Demo', '--purpose', 'Show it', '--tech', 'TypeScript', '--tech', 'Node', '--constraint', 'Offline first');
    assert.equal(r.code, 0, r.err);
    const text = readFileSync(join(t.dir, '.claude', 'campaign.yaml'), 'utf8');
    const keys = text.split('\n').filter((l) => /^[a-z_]+:/.test(l)).map((l) => l.split(':')[0]);
    assert.deepEqual(keys, ['version', 'identity', 'constraints', 'active_session', 'remaining_work', 'build_log', 'decisions_log', 'handoff_notes']);
    assert.match(text, /build_log: \[\]/);
    const again = campaign(t.dir, 'init');
    assert.equal(again.code, 1);
    assert.match(again.err, /already exists/);
  });

  it('finds the campaign from a subfolder and manages work', () => {
    const sub = join(t.dir, 'src', 'deep');
    mkdirSync(sub, { recursive: true });
    const id = campaign(sub, 'work', 'add', '--title', 'Password reset', '--priority', 'high').out;
    assert.match(id, /^w-[a-z2-9]{4}$/);
    campaign(sub, 'work', 'add', '--title', 'Rate limiting');
    campaign(sub, 'work', 'add', '--title', 'Docs', '--priority', 'low', '--notes', 'OpenAPI');
    assert.equal(campaign(sub, 'work', 'set', '2', '--priority', 'high').code, 0);
    assert.equal(campaign(sub, 'work', 'rm', 'Docs').code, 0);
    const list = campaign(sub, 'work', 'list').out.split('\n');
    assert.deepEqual(list.map((l) => l.replace(/\[w-[a-z2-9]{4}\] /, '')), ['1. [HIGH] Password reset', '2. [HIGH] Rate limiting']);
    const json = JSON.parse(campaign(sub, 'work', 'list', '--json').out) as Array<{ id: string; index?: number }>;
    assert.equal(json[0]!.id, id);
    assert.equal(json[0]!.index, undefined);
  });

  it('runs a whole session: start, complete, decide, end', () => {
    assert.equal(campaign(t.dir, 'start', '--focus', 'Password reset', '--blocker', 'SMTP creds').code, 0);
    const twice = campaign(t.dir, 'start', '--focus', 'Other');
    assert.equal(twice.code, 1);
    assert.match(twice.err, /already active/);
    assert.equal(campaign(t.dir, 'work', 'done', '1').code, 0);
    const d = campaign(t.dir, 'decide', '--decision', 'Argon2id', '--rationale', 'Memory-hard');
    assert.match(d.out, /^d-[a-z2-9]{4}$/);
    const end = campaign(t.dir, 'end', '--done', 'Reset emails', '--next', 'Reset UI', '--next-priority', 'high', '--handoff', 'Start with the UI', '--note', 'See templates/', '--decision', 'SES', '--rationale', 'On AWS');
    assert.equal(end.code, 0, end.err);
    const model = JSON.parse(campaign(t.dir, 'show', '--json').out);
    assert.equal(model.active_session, null);
    // --done given: exactly those are logged; the completed item still leaves remaining work.
    assert.deepEqual(model.build_log.at(-1).accomplishments, ['Reset emails']);
    assert.deepEqual(model.build_log.at(-1).decisions, ['SES']);
    assert.deepEqual(model.remaining_work.map((w: { title: string }) => w.title), ['Rate limiting', 'Reset UI']);
    assert.equal(model.handoff_notes.next_session, 'Start with the UI');
    assert.equal(model.decisions_log.length, 2);
    const sup = campaign(t.dir, 'decide', '--supersede', d.out, '--decision', 'bcrypt', '--rationale', 'Library support');
    assert.equal(sup.code, 0, sup.err);
  });

  it('prints the primer, as text and as JSON within its budget', () => {
    const text = campaign(t.dir, 'primer');
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /Demo/);
    assert.match(text.out, /Start with the UI/);
    const json = JSON.parse(campaign(t.dir, 'primer', '--budget', '300', '--json').out);
    assert.equal(typeof json.text, 'string');
    assert.ok(json.tokens <= 300);
    assert.equal(typeof json.omitted, 'object');
  });

  it('validates: ok, or FILE:LINE:COL problems with exit 1', () => {
    assert.deepEqual(campaign(t.dir, 'validate'), { code: 0, out: 'ok', err: '' });
    const bad = tempDir();
    try {
      mkdirSync(join(bad.dir, '.claude'));
      writeFileSync(join(bad.dir, '.claude', 'campaign.yaml'), fixture('invalid-schema.yaml'));
      const r = campaign(bad.dir, 'validate');
      assert.equal(r.code, 1);
      assert.match(r.out, /campaign\.yaml:5:15: remaining_work\[0\]\.priority: must be one of: high, medium, low/);
      assert.match(r.out, /campaign\.yaml:6:\d+: remaining_work\[1\]\.title: missing required key "title"/);
      // Refused operations say why, with no stack trace, and change nothing.
      const add = campaign(bad.dir, 'work', 'add', '--title', 'x');
      assert.equal(add.code, 1);
      assert.doesNotMatch(add.err, /\n\s+at /);
      assert.equal(readFileSync(join(bad.dir, '.claude', 'campaign.yaml'), 'utf8'), fixture('invalid-schema.yaml'));
    } finally {
      bad.cleanup();
    }
  });

  it('uses --file and reports a missing campaign as a user problem', () => {
    const other = tempDir();
    try {
      const r = campaign(other.dir, 'show');
      assert.equal(r.code, 1);
      assert.match(r.err, /campaign init/);
      writeFileSync(join(other.dir, 'c.yaml'), fixture('commented.yaml'));
      assert.equal(JSON.parse(campaign(other.dir, '--file', 'c.yaml', 'show', '--json').out).identity.name, 'Auth Service');
    } finally {
      other.cleanup();
    }
  });

  it('exits 2 on bad usage', () => {
    for (const args of [[], ['nope'], ['work'], ['work', 'add'], ['start'], ['work', 'add', '--title'], ['show', '--bogus'], ['end', '--decision', 'D'], ['primer', '--budget', 'lots'], ['work', 'set', '1', '--priority', 'urgent']]) {
      const r = campaign(t.dir, ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    }
  });

  it('prints the JSON Schema, and the committed copy is current', () => {
    const r = campaign(t.dir, 'schema');
    const schema = JSON.parse(r.out);
    assert.equal(schema.type, 'object');
    assert.ok(schema.properties.remaining_work);
    const committed = join(repoRoot, 'schemas', 'campaign.schema.json');
    assert.ok(existsSync(committed), 'schemas/campaign.schema.json is missing');
    assert.deepEqual(JSON.parse(readFileSync(committed, 'utf8')), schema);
  });
});

describe('campaign end: the core end-session rule', () => {
  it('without --done logs what was completed this session; --next naming open work re-prioritizes it, never a duplicate', () => {
    const t = tempDir();
    try {
      const ok = (...args: string[]) => {
        const r = campaign(t.dir, ...args);
        assert.equal(r.code, 0, `${args.join(' ')}: ${r.err}`);
        return r.out;
      };
      ok('init', '--name', 'Demo');
      ok('work', 'add', '--title', 'Finished last week');
      ok('work', 'done', '1'); // no session: done on an earlier day, so to speak
      ok('work', 'add', '--title', 'Password reset', '--priority', 'high');
      ok('work', 'add', '--title', 'Rate limiting', '--priority', 'low');
      ok('start', '--focus', 'Reset');
      ok('work', 'done', 'Password reset');
      const out = ok('end', '--next', 'rate  LIMITING', '--next-priority', 'high', '--next', 'Audit log');
      assert.match(out, /1 accomplishment\(s\) logged, 1 next step\(s\) added, 1 open item\(s\) re-prioritized/);
      const model = JSON.parse(ok('show', '--json'));
      assert.deepEqual(model.build_log.at(-1).accomplishments, ['Password reset']);
      assert.deepEqual(model.remaining_work.map((w: { title: string; priority: string }) => [w.title, w.priority]), [
        ['Rate limiting', 'high'],
        ['Audit log', 'high'],
      ]);
    } finally {
      t.cleanup();
    }
  });
});
