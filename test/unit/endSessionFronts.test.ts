// The same end-session input through every front gives the same file, byte
// for byte, with the clock and the id source injected: the CLI (`campaign
// end`, run in-process through runCli) and the extension's path (the form's
// draft → toEndSessionInput → endSessionFromForm → the guarded write), and the
// defaulting call the MCP server makes (endSessionWithDefaults).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { applyToFile } from '../../src/core/file/campaignFile';
import type { Operation } from '../../src/core/operations/operation';
import { endSessionWithDefaults, startSession } from '../../src/core/operations/sessionOps';
import { completeWork } from '../../src/core/operations/workOps';
import { buildPrefill, endSessionFromForm } from '../../src/extension/handoffData';
import type { HandoffDraft } from '../../src/protocol/handoffProtocol';
import { createDraft, toEndSessionInput } from '../../webview/handoff/formState';
import { fixedContext, seededRandom, tempDir } from '../support/fixtures';

const NOW = new Date(2026, 10, 24, 18, 30, 0);

// A session in progress: w2 and a plain item completed during it; w1 done on an earlier day.
function startingText(): string {
  const cd = CampaignDocument.parse(`version: 1
identity:
  name: Auth Service   # the repo is auth-svc
active_session: null
remaining_work:
  - id: w1
    title: Ship the login page
    priority: high
    status: done
    done: 2026-11-20
  - id: w2
    title: Add rate limiting
    priority: medium
    status: todo
  - id: w3
    title: Write API docs
    priority: low
    status: todo
  - '[LOW] Tidy the README'
build_log:
  - date: 2026-11-20
    accomplishments:
      - Ship the login page
decisions_log: []
handoff_notes: null
`);
  const ctx = fixedContext();
  for (const op of [startSession({ focus: 'Rate limits' }), completeWork('w2'), completeWork('Tidy the README')] as Operation<unknown>[]) {
    cd.apply(op, ctx);
  }
  return cd.toString();
}

/** A fresh workspace holding `text` as its campaign file; returns the file's path. */
function workspace(dirs: { dir: string }, name: string, text: string): { cwd: string; path: string } {
  const cwd = join(dirs.dir, name);
  mkdirSync(join(cwd, '.claude'), { recursive: true });
  const path = join(cwd, '.claude', 'campaign.yaml');
  writeFileSync(path, text);
  return { cwd, path };
}

async function viaCli(cwd: string, argv: string[]): Promise<void> {
  const err: string[] = [];
  const code = await runCli(['end', ...argv], { cwd, now: () => NOW, random: seededRandom(7), out: () => undefined, err: (t) => err.push(t) });
  assert.equal(code, 0, err.join('\n'));
}

async function viaForm(path: string, draft: HandoffDraft): Promise<void> {
  await applyToFile(path, endSessionFromForm(toEndSessionInput(draft)), { now: NOW, random: seededRandom(7) });
}

describe('end session: the same input gives the same file from every front', () => {
  it('with accomplishments, next steps (one naming open work), handoff, a note and a decision', async () => {
    const t = tempDir();
    try {
      const text = startingText();
      const cli = workspace(t, 'cli', text);
      const form = workspace(t, 'form', text);
      await viaCli(cli.cwd, [
        '--done', 'Rate limiter middleware',
        '--done', 'Tidy the README',
        '--next', 'write api docs',
        '--next', 'Load-test the limiter',
        '--next-priority', 'high',
        '--handoff', 'Turn the limiter on in staging first',
        '--note', 'Redis runs on port 6380 here',
        '--decision', 'Token bucket per account', '--rationale', 'Carriers share IPs',
      ]);
      await viaForm(form.path, {
        accomplishments: ['Rate limiter middleware', 'Tidy the README', ''],
        next: [
          { title: 'write api docs', priority: 'high' },
          { title: 'Load-test the limiter', priority: 'high' },
        ],
        handoff: 'Turn the limiter on in staging first',
        notes: ['Redis runs on port 6380 here'],
        decisions: [{ decision: 'Token bucket per account', rationale: 'Carriers share IPs' }],
      });
      const fromCli = readFileSync(cli.path, 'utf8');
      assert.equal(readFileSync(form.path, 'utf8'), fromCli);
      // And the file is what the rule says.
      const m = CampaignDocument.parse(fromCli).model;
      assert.deepEqual(m.build_log.at(-1)?.accomplishments, ['Rate limiter middleware', 'Tidy the README']);
      assert.deepEqual(m.remaining_work.map((w) => [w.title, w.priority]), [['Write API docs', 'high'], ['Load-test the limiter', 'high']]);
      assert.equal(m.active_session, null);
    } finally {
      t.cleanup();
    }
  });

  it('without accomplishments: the CLI default, the MCP default and the untouched prefilled form agree', async () => {
    const t = tempDir();
    try {
      const text = startingText();
      const cli = workspace(t, 'cli', text);
      const form = workspace(t, 'form', text);
      const mcp = workspace(t, 'mcp', text);
      await viaCli(cli.cwd, []);
      const prefill = buildPrefill(CampaignDocument.parse(text).model, []);
      assert.deepEqual(prefill.accomplishments, ['Add rate limiting', 'Tidy the README']);
      await viaForm(form.path, createDraft(prefill));
      await applyToFile(mcp.path, endSessionWithDefaults({ next: [], notes: [], decisions: [] }), { now: NOW, random: seededRandom(7) });
      const fromCli = readFileSync(cli.path, 'utf8');
      assert.equal(readFileSync(form.path, 'utf8'), fromCli);
      assert.equal(readFileSync(mcp.path, 'utf8'), fromCli);
      const log = CampaignDocument.parse(fromCli).model.build_log;
      assert.deepEqual(log.at(-1)?.accomplishments, ['Add rate limiting', 'Tidy the README']);
      assert.equal(log.flatMap((e) => e.accomplishments).filter((a) => a === 'Ship the login page').length, 1, 'earlier work is not logged again');
    } finally {
      t.cleanup();
    }
  });
});
