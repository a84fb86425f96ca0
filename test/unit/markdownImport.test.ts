// Importing the seed article's own Markdown campaign, and reporting (never
// silently dropping) what has no place in the schema.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { importMarkdown } from '../../src/core/import/markdownImport';
import { renderCampaignFile } from '../../src/core/document/newCampaign';
import { repoRoot, seededRandom } from '../support/fixtures';

const article = readFileSync(join(repoRoot, 'test/fixtures/claude-code/article-campaign.md'), 'utf8');

describe('Markdown import', () => {
  it('the article’s example becomes a valid schema v1 campaign with every fact in place', () => {
    const result = importMarkdown(article, { random: seededRandom(7) });
    const model = CampaignDocument.parse(renderCampaignFile(result.data)).model;

    // The template's placeholders are read as "not filled in", and said so.
    assert.equal(model.identity.name, '');
    assert.equal(model.identity.purpose, '');
    assert.deepEqual(model.identity.tech_stack, []);
    assert.equal(model.active_session, null);
    assert.deepEqual(
      result.placeholders.map((p) => p.line),
      [1, 3, 4, 5, 7, 8, 9],
    );

    assert.deepEqual(model.constraints, ['No external auth providers (self-hosted requirement)', 'Must support offline-first mobile clients']);
    assert.deepEqual(
      model.remaining_work.map((w) => [w.title, w.priority, w.status]),
      [
        ['Implement password reset flow', 'high', 'todo'],
        ['Add rate limiting to auth endpoints', 'medium', 'todo'],
        ['Write API documentation', 'low', 'todo'],
      ],
    );
    assert.ok(model.remaining_work.every((w) => /^w-[a-z2-9]{4}$/.test(w.id ?? '')));

    // Newest last, as the schema keeps them (the article lists newest first).
    assert.deepEqual(result.reordered, ['build_log', 'decisions_log']);
    assert.deepEqual(model.build_log, [
      {
        date: '2026-03-20',
        title: 'Database Schema',
        accomplishments: ['Created user and session tables', 'Added indexes for common queries'],
        decisions: ['PostgreSQL over MongoDB for relational data'],
      },
      {
        date: '2026-03-21',
        title: 'Authentication System',
        accomplishments: ['Implemented JWT-based auth', 'Added refresh token rotation'],
        decisions: ['Chose short-lived access tokens (15min)'],
      },
    ]);
    assert.deepEqual(
      model.decisions_log.map((d) => [d.date, d.decision, d.rationale, d.status]),
      [
        ['2026-03-20', 'PostgreSQL', 'ACID compliance needed', 'active'],
        ['2026-03-21', 'JWT tokens', 'Stateless auth, scalable', 'active'],
      ],
    );
    assert.deepEqual(model.handoff_notes, {
      next_session: 'Start with password reset',
      notes: ['Check /auth/reset branch for partial implementation'],
    });
    assert.deepEqual(result.unplaced, [], 'the article’s layout places every line');
  });

  it('a filled-in campaign: identity, session and blockers', () => {
    const md = [
      '# Campaign: Auth Service',
      '## Identity',
      '- **Purpose:** Self-hosted auth',
      '- Tech Stack: Python, PostgreSQL, Redis',
      '- Constraints: No SaaS',
      '## Active Session',
      '- Started: 2026-11-24',
      '- Focus: Password reset',
      '- Blockers: SMTP creds; staging down',
      '## Remaining Work',
      '- [x] Old thing',
      '- [HIGH][BLOCKED] Reset emails',
      '  - waiting on SMTP',
      '- ~~Drop Mongo~~',
    ].join('\r\n');
    const { data, unplaced } = importMarkdown(md, { random: seededRandom(1) });
    const model = CampaignDocument.parse(renderCampaignFile(data)).model;
    assert.deepEqual(model.identity, { name: 'Auth Service', purpose: 'Self-hosted auth', tech_stack: ['Python', 'PostgreSQL', 'Redis'] });
    assert.deepEqual(model.constraints, ['No SaaS']);
    assert.deepEqual(model.active_session, { started: '2026-11-24', focus: 'Password reset', blockers: ['SMTP creds', 'staging down'] });
    assert.deepEqual(
      model.remaining_work.map((w) => [w.title, w.priority, w.status, w.notes]),
      [
        ['Old thing', 'medium', 'done', undefined],
        ['Reset emails', 'high', 'blocked', 'waiting on SMTP'],
        ['Drop Mongo', 'medium', 'done', undefined],
      ],
    );
    assert.deepEqual(unplaced, []);
  });

  it('reports what it cannot place, with line numbers, and keeps it in the file', () => {
    const md = [
      'Some intro paragraph.',
      '# Campaign: X',
      '## Identity',
      '- Repo: github.com/x/y',
      '## Active Patterns',
      '- Authentication: JWT',
      '## Build Log',
      '- stray line before any entry',
      '### 2026-01-02: Thing',
      'A paragraph, not a list item.',
      '## Decisions Log',
      '| Date | Decision | Rationale | Owner |',
      '|---|---|---|---|',
      '| 2026-01-02 | Use X | Because | Ana |',
    ].join('\n');
    const { data, unplaced } = importMarkdown(md, { random: seededRandom(1) });
    assert.deepEqual(
      unplaced.map((u) => [u.line, u.reason]),
      [
        [1, 'before the first section'],
        [4, 'no identity field "repo"'],
        [5, 'a section Campaign has no place for'],
        [6, 'in a section Campaign has no place for'],
        [8, 'a build-log line before the first "### DATE: title" entry'],
        [10, 'not a list item'],
        [14, 'table cells in a column Campaign has no place for'],
      ],
    );
    assert.equal(unplaced[6]!.text, 'Owner: Ana');
    const kept = (data as { import_unplaced?: string[] }).import_unplaced!;
    assert.equal(kept.length, 7);
    assert.equal(kept[1], 'line 4 (Identity): - Repo: github.com/x/y');
    // Still a valid campaign with the extra key.
    const model = CampaignDocument.parse(renderCampaignFile(data)).model;
    assert.equal(model.decisions_log[0]!.decision, 'Use X');
  });
});
