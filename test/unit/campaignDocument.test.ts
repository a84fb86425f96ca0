// Reading campaign files: what people and the seed's Python write is accepted
// and normalized; bad or hostile input is refused with line and column.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { CampaignError } from '../../src/core/model/problems';
import { fixture } from '../support/fixtures';

function problemsOf(text: string, maxBytes?: number) {
  try {
    CampaignDocument.parse(text, maxBytes === undefined ? {} : { maxBytes });
  } catch (err) {
    assert.ok(err instanceof CampaignError, `expected CampaignError, got ${String(err)}`);
    return err.problems;
  }
  assert.fail('expected the file to be refused');
}

describe('reading campaign files', () => {
  it('normalizes a hand-written, commented file', () => {
    const c = CampaignDocument.parse(fixture('commented.yaml')).model;
    assert.equal(c.identity.name, 'Auth Service');
    assert.deepEqual(c.identity.tech_stack, ['Python', 'PostgreSQL', 'Redis']);
    assert.equal(c.constraints.length, 2);
    assert.equal(c.active_session, null);
    assert.deepEqual(
      c.remaining_work.map((w) => [w.id, w.priority, w.status]),
      [['w1', 'high', 'todo'], ['w2', 'medium', 'todo'], ['w3', 'low', 'todo']],
    );
    assert.equal(c.build_log[1]!.title, 'Authentication System');
    assert.equal(c.decisions_log[1]!.status, 'active');
    assert.equal(c.handoff_notes.next_session, 'Start with password reset');
  });

  it('reads a file the seed wrote mid-session (anchors, aliases, extra keys, tagged strings)', () => {
    const c = CampaignDocument.parse(fixture('seed-started.yaml')).model;
    assert.equal(c.active_session?.focus, 'Implement password reset');
    assert.equal(c.active_session?.started, '2026-11-24T19:57:17.281669');
    assert.deepEqual(c.active_session?.blockers, []);
    assert.deepEqual(
      c.remaining_work.map((w) => [w.title, w.priority, w.form]),
      [
        ['Implement password reset flow', 'high', 'string'],
        ['Add rate limiting to auth endpoints', 'medium', 'string'],
        ['Write API documentation', 'low', 'string'],
      ],
    );
    assert.equal(c.identity.name, 'Auth Service');
    assert.equal(c.decisions_log.length, 2);
    assert.equal(c.decisions_log[0]!.id, undefined);
  });

  it('reads an empty file and a file with no version as an empty campaign', () => {
    for (const text of ['', '\n', '# just a comment\n', 'identity:\n  name: X\n']) {
      const c = CampaignDocument.parse(text).model;
      assert.deepEqual(c.remaining_work, []);
      assert.deepEqual(c.build_log, []);
      assert.equal(c.active_session, null);
    }
  });

  it('reads untagged string items as medium and tags case-insensitively', () => {
    const c = CampaignDocument.parse('remaining_work:\n  - Plain item\n  - "[low] lower"\n  - "[Med] mid"\n').model;
    assert.deepEqual(c.remaining_work.map((w) => [w.title, w.priority]), [
      ['Plain item', 'medium'],
      ['lower', 'low'],
      ['mid', 'medium'],
    ]);
  });

  it('reports YAML syntax errors with line and column', () => {
    const problems = problemsOf(fixture('invalid-yaml.yaml'));
    assert.ok(problems.length >= 1);
    // The unclosed flow sequence opened on line 3 is detected where line 4 starts.
    assert.deepEqual([problems[0]!.line, problems[0]!.column], [4, 1]);
    assert.match(problems[0]!.message, /end with a \]/);
  });

  it('reports every schema problem at the value involved', () => {
    const problems = problemsOf(fixture('invalid-schema.yaml'));
    const byPath = new Map(problems.map((p) => [p.path, p]));
    const priority = byPath.get('remaining_work[0].priority');
    assert.ok(priority, JSON.stringify(problems));
    assert.equal(priority.line, 5);
    assert.equal(priority.column, 15);
    assert.match(priority.message, /high, medium, low/);
    const title = byPath.get('remaining_work[1].title');
    assert.ok(title, JSON.stringify(problems));
    assert.equal(title.line, 6);
    assert.match(title.message, /missing required key "title"/);
  });

  it('refuses duplicate keys', () => {
    const problems = problemsOf(fixture('duplicate-keys.yaml'));
    assert.equal(problems[0]!.line, 4);
    assert.match(problems[0]!.message, /unique/i);
  });

  it('refuses a top level that is not a mapping', () => {
    assert.match(problemsOf('- a\n- b\n')[0]!.message, /mapping/);
    assert.match(problemsOf('just text\n')[0]!.message, /mapping/);
  });

  // How fast: bench/refusals.ts (a speed target, not a test).
  it('refuses alias bombs instead of expanding them', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) bomb.push(`${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(9).fill(`*${'abcdefghij'[i - 1]}`).join(', ')}]`);
    const problems = problemsOf(bomb.join('\n'));
    assert.match(problems[0]!.message, /alias/);
  });

  it('refuses files over the size limit, saying so', () => {
    const big = `notes: "${'x'.repeat(2000)}"\n`;
    assert.match(problemsOf(big, 1000)[0]!.message, /too large/);
  });

  it('refuses binary data', () => {
    const problems = problemsOf('version: 1\nidentity:\n  name: a\u0000b\n');
    assert.equal(problems[0]!.line, 3);
    assert.match(problems[0]!.message, /binary/);
  });

  it('does not pollute prototypes through __proto__ or constructor keys', () => {
    const cd = CampaignDocument.parse('__proto__:\n  polluted: true\nconstructor:\n  prototype:\n    polluted: true\nidentity:\n  name: safe\n');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(cd.model.identity.name, 'safe');
    assert.equal(Object.getPrototypeOf(cd.model), Object.prototype);
  });

  it('survives absurd nesting with an error, not a crash', () => {
    const deep = `x: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    try {
      CampaignDocument.parse(deep);
    } catch (err) {
      assert.ok(err instanceof CampaignError);
    }
  });

  it('renders an unedited document byte for byte, BOM and CRLF included', () => {
    const original = `\ufeff${fixture('commented.yaml').replace(/\n/g, '\r\n')}`;
    assert.equal(CampaignDocument.parse(original).toString(), original);
    const seed = fixture('seed-started.yaml');
    assert.equal(CampaignDocument.parse(seed).toString(), seed);
  });
});
