// The one end-session rule in the core: what counts as completed this
// session, exactly the given accomplishments logged, done work leaving the
// list, next steps merging with open work by one title rule, and the session
// focus following a rename.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import type { Operation } from '../../src/core/operations/operation';
import {
  endSession,
  endSessionWithDefaults,
  startSession,
  withEndSessionDefaults,
  type EndSessionInput,
} from '../../src/core/operations/sessionOps';
import { completedThisSession } from '../../src/core/operations/sessionWork';
import { findOpenWorkByTitle, sameTitle, titleKey } from '../../src/core/operations/workMatch';
import { addWork, completeWork, removeWork, updateWork } from '../../src/core/operations/workOps';
import { fixedContext } from '../support/fixtures';

// w1 was finished on an earlier day and is already in the build log.
const base = `version: 1
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
`;

function run(text: string, ...ops: Operation<unknown>[]): CampaignDocument {
  const cd = CampaignDocument.parse(text);
  const ctx = fixedContext();
  for (const op of ops) cd.apply(op, ctx);
  // Re-read from text: the rule must hold for what is in the file, not in memory.
  return CampaignDocument.parse(cd.toString());
}

const nothing: Omit<EndSessionInput, 'done'> = { next: [], notes: [], decisions: [] };

describe('completedThisSession', () => {
  it('lists what was completed during the session, in order: ids for items that have one, titles for plain items', () => {
    const cd = run(base, startSession({ focus: 'Limits' }), completeWork('w3'), completeWork('Tidy the README'), updateWork('w2', { status: 'done' }));
    assert.deepEqual(completedThisSession(cd.model), ['Write API docs', 'Tidy the README', 'Add rate limiting']);
    const file = parse(cd.toString()) as { active_session: { completed: string[] } };
    assert.deepEqual(file.active_session.completed, ['w3', 'Tidy the README', 'w2']);
  });

  it('leaves out work finished before the session started', () => {
    const cd = run(base, startSession({ focus: 'Limits' }));
    assert.deepEqual(completedThisSession(cd.model), []);
    assert.equal(cd.model.active_session?.completed, undefined);
  });

  it('forgets an item that is reopened or removed, and reads a renamed item by its new title', () => {
    const reopened = run(base, startSession({ focus: 'Limits' }), completeWork('w2'), updateWork('w2', { status: 'todo' }));
    assert.deepEqual(completedThisSession(reopened.model), []);
    assert.doesNotMatch(reopened.toString(), /completed:/, 'an emptied record leaves no key behind');
    const removed = run(base, startSession({ focus: 'Limits' }), completeWork('w2'), removeWork('w2'));
    assert.deepEqual(completedThisSession(removed.model), []);
    const renamed = run(base, startSession({ focus: 'Limits' }), completeWork('w2'), updateWork('w2', { title: 'Add rate limits per account' }));
    assert.deepEqual(completedThisSession(renamed.model), ['Add rate limits per account']);
  });

  it('is empty without a session; completing outside one does not touch a later session', () => {
    const cd = run(base, completeWork('w2'), startSession({ focus: 'Docs' }));
    assert.deepEqual(completedThisSession(cd.model), []);
  });
});

describe('endSession', () => {
  it('logs exactly the accomplishments it is given; every done item leaves remaining work anyway', () => {
    const cd = run(base, startSession({ focus: 'Limits' }), completeWork('w2'), endSession({ ...nothing, done: ['Benchmarked the limiter', ' benchmarked  the limiter '] }));
    const m = cd.model;
    assert.deepEqual(m.build_log.at(-1)?.accomplishments, ['Benchmarked the limiter']);
    assert.deepEqual(m.remaining_work.map((w) => w.title), ['Write API docs', 'Tidy the README']);
    assert.equal(m.active_session, null);
  });

  it('logs nothing when given nothing, even with work completed', () => {
    const cd = run(base, startSession({ focus: 'Limits' }), completeWork('w2'), endSession({ ...nothing, done: [] }));
    assert.deepEqual(cd.model.build_log.at(-1)?.accomplishments, []);
  });

  it('defaults to what was completed this session only when no accomplishments are passed, never re-logging earlier work', () => {
    const cd = run(base, startSession({ focus: 'Limits' }), completeWork('w2'), completeWork('Tidy the README'), endSessionWithDefaults(nothing));
    const log = cd.model.build_log;
    assert.deepEqual(log.at(-1)?.accomplishments, ['Add rate limiting', 'Tidy the README']);
    assert.equal(log.flatMap((e) => e.accomplishments).filter((a) => a === 'Ship the login page').length, 1, 'w1 is logged once, on its own day');
    assert.ok(!cd.model.remaining_work.some((w) => w.status === 'done'));
    const started = run(base, startSession({ focus: 'Limits' }), completeWork('w2'));
    assert.deepEqual(withEndSessionDefaults(started.model, { ...nothing, done: ['Mine'] }).done, ['Mine']);
    assert.deepEqual(withEndSessionDefaults(started.model, nothing).done, ['Add rate limiting']);
  });

  it('a next step that names open work sets its priority instead of adding it twice; new ones are added', () => {
    const cd = run(
      base,
      startSession({ focus: 'Limits' }),
      endSession({
        ...nothing,
        done: [],
        next: [
          { title: '  add RATE limiting ', priority: 'high' },
          { title: 'Tidy the  README', priority: 'high' },
          { title: 'Write API docs', priority: 'low' },
          { title: 'Load-test the limiter', priority: 'medium' },
          { title: 'load-test the limiter', priority: 'low' },
          // Done work is not open: naming it adds new work.
          { title: 'Ship the login page', priority: 'low' },
        ],
      }),
    );
    assert.deepEqual(
      cd.model.remaining_work.map((w) => [w.title, w.priority]),
      [
        ['Add rate limiting', 'high'],
        ['Write API docs', 'low'],
        ['Tidy the README', 'high'],
        ['Load-test the limiter', 'medium'],
        ['Ship the login page', 'low'],
      ],
    );
  });

  it('reports what it re-prioritized and added', () => {
    const cd = CampaignDocument.parse(base);
    const ctx = fixedContext();
    cd.apply(startSession({ focus: 'x' }), ctx);
    const result = cd.apply(endSession({ ...nothing, done: ['a'], next: [{ title: 'add rate limiting', priority: 'high' }, { title: 'New', priority: 'low' }] }), ctx);
    assert.deepEqual(result.reprioritized, ['Add rate limiting']);
    assert.equal(result.addedWork.length, 1);
    assert.deepEqual(result.accomplishments, ['a']);
  });
});

describe('the session focus follows a rename of its work item', () => {
  it('renames the focus taken from the item', () => {
    const cd = run(base, startSession({ workRef: 'w2' }), updateWork('w2', { title: 'Rate-limit the login endpoint' }));
    assert.equal(cd.model.active_session?.focus, 'Rate-limit the login endpoint');
  });

  it('keeps a focus the person wrote, and ignores renames of other items', () => {
    const own = run(base, startSession({ workRef: 'w2', focus: 'Limits, then docs' }), updateWork('w2', { title: 'Renamed' }));
    assert.equal(own.model.active_session?.focus, 'Limits, then docs');
    const other = run(base, startSession({ workRef: 'w2' }), updateWork('w3', { title: 'Add rate limiting docs' }));
    assert.equal(other.model.active_session?.focus, 'Add rate limiting');
  });
});

describe('the session focus and blank titles (found by the fuzz suite, seed 20261124)', () => {
  it('renaming an item whose title is blank never changes the focus, even an empty one', () => {
    const blank = `version: 1
active_session:
  started: 2026-11-24T19:57:17
  focus: ""
remaining_work:
  - " "
`;
    const cd = run(blank, updateWork('1', { title: 'Now it has a name' }));
    assert.equal(cd.model.active_session?.focus, '');
    assert.equal(cd.model.remaining_work[0]!.title, 'Now it has a name');
  });
});

describe('the one title-matching rule', () => {
  it('ignores Markdown emphasis, Unicode width and trailing sentence punctuation', () => {
    assert.ok(sameTitle('**Fix** the login', 'fix the login.'));
    assert.ok(sameTitle('ＡＰＩ docs', 'API docs'));
    assert.ok(!sameTitle('Fix the login', 'Fix the logout'));
  });

  it('ignores case and runs of whitespace, and finds only open work', () => {
    assert.equal(titleKey('  Add   Rate\tlimiting '), 'add rate limiting');
    assert.ok(sameTitle('Add rate limiting', 'add  RATE limiting'));
    assert.ok(!sameTitle('Add rate limiting', 'Add rate limits'));
    const work = CampaignDocument.parse(base).model.remaining_work;
    assert.equal(findOpenWorkByTitle(work, 'WRITE api docs')?.id, 'w3');
    assert.equal(findOpenWorkByTitle(work, 'Ship the login page'), undefined, 'done work is not open');
    assert.equal(findOpenWorkByTitle(work, '   '), undefined);
  });

  it('a plain-string list stays plain when a next step re-prioritizes one of its items', () => {
    const seedLike = "active_session:\n  started: '2026-11-24'\n  focus: x\nremaining_work:\n- '[LOW] One'\n- Two\n";
    const cd = run(seedLike, endSession({ ...nothing, done: [], next: [{ title: 'one', priority: 'high' }] }), addWork({ title: 'Three' }));
    assert.deepEqual(parse(cd.toString()).remaining_work, ['[HIGH] One', 'Two', '[MEDIUM] Three']);
  });
});
