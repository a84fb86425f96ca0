// Real `git merge`s of parallel branches that change the campaign through the
// CLI, with the merge driver `campaign git-setup` configures: clean merges
// keep every change exactly once, true conflicts leave a valid file with
// `merge_conflicts:` and the path marked conflicted, invalid input leaves
// OURS untouched, and the merged file is valid in every case.
import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { fixture } from '../support/fixtures';
import { CAMPAIGN, gitRepo, must, type GitRepo } from './gitRepo';

interface ShownItem {
  id?: string;
  title: string;
  priority: string;
  status: string;
}
interface Shown {
  remaining_work: ShownItem[];
  decisions_log: { id?: string; decision: string; status: string }[];
  build_log: { date: string; accomplishments: string[] }[];
  active_session: { focus: string } | null;
}

function show(repo: GitRepo, ...flags: string[]): Shown {
  return JSON.parse(must(repo, 'show', '--json', ...flags)) as Shown;
}

function once<T>(list: readonly T[], pred: (x: T) => boolean, what: string): T {
  const found = list.filter(pred);
  assert.equal(found.length, 1, `${what}: expected exactly once, found ${found.length}`);
  return found[0]!;
}

/** A repository with the commented fixture committed on main and the driver set up. */
function setup(text = fixture('commented.yaml')): GitRepo {
  const repo = gitRepo();
  repo.write(CAMPAIGN, text);
  must(repo, 'git-setup', '--node', process.execPath);
  repo.commitAll('base');
  return repo;
}

function assertValid(repo: GitRepo): void {
  const v = repo.campaign('validate');
  assert.equal(v.code, 0, `merged file is invalid: ${v.out} ${v.err}`);
}

describe('git merge with the campaign driver', () => {
  let repo: GitRepo | undefined;
  afterEach(() => repo?.cleanup());

  it('merges adding, completing, re-prioritizing and deciding on both branches cleanly', () => {
    repo = setup();
    repo.ok('checkout', '-q', '-b', 'feature');
    const featureItem = must(repo, 'work', 'add', '--title', 'Feature item', '--priority', 'low');
    const featureDecision = must(repo, 'decide', '--decision', 'Redis for sessions', '--rationale', 'fast lookups');
    must(repo, 'work', 'done', 'w2');
    must(repo, 'work', 'set', 'w1', '--priority', 'low');
    repo.commitAll('feature work');

    repo.ok('checkout', '-q', 'main');
    const mainItem = must(repo, 'work', 'add', '--title', 'Main item', '--priority', 'high');
    const mainDecision = must(repo, 'decide', '--decision', 'Argon2 for passwords', '--rationale', 'memory-hard');
    must(repo, 'work', 'set', 'w2', '--priority', 'high');
    must(repo, 'work', 'set', 'w3', '--notes', 'OpenAPI first');
    repo.commitAll('main work');

    const merge = repo.git('merge', '--no-edit', 'feature');
    assert.equal(merge.code, 0, merge.out + merge.err);
    assert.equal(repo.ok('status', '--porcelain'), '');
    assertValid(repo);

    const m = show(repo);
    const w = (pred: (x: ShownItem) => boolean, what: string) => once(m.remaining_work, pred, what);
    assert.equal(w((x) => x.id === featureItem, 'feature item').title, 'Feature item');
    assert.equal(w((x) => x.id === mainItem, 'main item').priority, 'high');
    assert.deepEqual([w((x) => x.id === 'w1', 'w1').priority], ['low']);
    const w2 = w((x) => x.id === 'w2', 'w2');
    assert.deepEqual([w2.status, w2.priority], ['done', 'high']);
    assert.equal(w((x) => x.id === 'w3', 'w3').priority, 'low');
    once(m.decisions_log, (d) => d.id === featureDecision, 'feature decision');
    once(m.decisions_log, (d) => d.id === mainDecision, 'main decision');
    assert.equal(m.remaining_work.length, 5);
    assert.equal(m.decisions_log.length, 4);
    // OURS' comments survive the merge.
    const text = repo.read(CAMPAIGN);
    assert.ok(text.includes('# Security first') && text.includes('# Unknown keys belong to the team and must survive every edit'));
  });

  it('merges the same branches in the other direction to the same campaign', () => {
    repo = setup();
    repo.ok('checkout', '-q', '-b', 'feature');
    must(repo, 'work', 'add', '--title', 'Feature item');
    must(repo, 'work', 'done', 'w1');
    repo.commitAll('feature');
    repo.ok('checkout', '-q', 'main');
    must(repo, 'work', 'add', '--title', 'Main item');
    must(repo, 'work', 'set', 'w1', '--priority', 'low');
    repo.commitAll('main');
    repo.ok('branch', 'main-copy');

    assert.equal(repo.git('merge', '--no-edit', 'feature').code, 0);
    const onMain = show(repo);
    repo.ok('checkout', '-q', 'feature');
    assert.equal(repo.git('merge', '--no-edit', 'main-copy').code, 0);
    const onFeature = show(repo);
    const key = (s: Shown) => s.remaining_work.map((x) => JSON.stringify(x)).sort();
    assert.deepEqual(key(onFeature), key(onMain));
  });

  it('keeps work added and completed in sessions on both branches, build log included', () => {
    repo = setup();
    repo.ok('checkout', '-q', '-b', 'feature');
    must(repo, 'start', '--focus', 'Rate limits', '--work', 'w2');
    must(repo, 'work', 'done', 'w2');
    // --done given: exactly these are logged (the completed w2 among them, by name).
    must(repo, 'end', '--done', 'Token bucket', '--done', 'Add rate limiting to auth endpoints', '--next', 'Tune limits');
    repo.commitAll('feature session');
    repo.ok('checkout', '-q', 'main');
    must(repo, 'work', 'done', 'w3');
    must(repo, 'work', 'add', '--title', 'Audit log');
    repo.commitAll('main');

    const merge = repo.git('merge', '--no-edit', 'feature');
    assert.equal(merge.code, 0, merge.out + merge.err);
    assertValid(repo);
    const m = show(repo);
    assert.ok(!m.remaining_work.some((x) => x.id === 'w2'), 'w2 was swept into the build log on feature');
    once(m.remaining_work, (x) => x.title === 'Tune limits', 'next step from feature');
    once(m.remaining_work, (x) => x.title === 'Audit log', 'main addition');
    assert.equal(once(m.remaining_work, (x) => x.id === 'w3', 'w3').status, 'done');
    const last = m.build_log.at(-1)!;
    assert.deepEqual(last.accomplishments, ['Token bucket', 'Add rate limiting to auth endpoints']);
    assert.equal(m.active_session, null);
  });

  it('records the same field changed two ways, marks the file conflicted, and resolves', () => {
    repo = setup();
    repo.ok('checkout', '-q', '-b', 'feature');
    must(repo, 'work', 'set', 'w1', '--title', 'Reset by SMS');
    must(repo, 'work', 'add', '--title', 'Feature only');
    repo.commitAll('feature');
    repo.ok('checkout', '-q', 'main');
    must(repo, 'work', 'set', 'w1', '--title', 'Reset by email');
    repo.commitAll('main');

    const merge = repo.git('merge', '--no-edit', 'feature');
    assert.notEqual(merge.code, 0);
    assert.match(repo.ok('status', '--porcelain'), /^UU \.claude\/campaign\.yaml$/m);
    assertValid(repo);
    const text = repo.read(CAMPAIGN);
    assert.ok(!/^<{7}|^>{7}/m.test(text), 'no conflict markers');
    assert.match(text, /merge_conflicts:\n {2}- path: remaining_work\[w1\]\.title\n {4}ours: Reset by email\n {4}theirs: Reset by SMS\n/);
    once(show(repo).remaining_work, (x) => x.title === 'Feature only', 'the clean part of the merge');

    assert.match(must(repo, 'resolve'), /^1\. Work item w1 — title {2}\(remaining_work\[w1\]\.title\)\n {3}ours: {3}Reset by email\n {3}theirs: Reset by SMS$/);
    must(repo, 'resolve', '1', 'theirs');
    assert.ok(!repo.read(CAMPAIGN).includes('merge_conflicts'));
    assert.equal(once(show(repo).remaining_work, (x) => x.id === 'w1', 'w1').title, 'Reset by SMS');
    repo.ok('add', CAMPAIGN);
    repo.ok('commit', '-q', '--no-edit');
    assertValid(repo);
  });

  it('records two different active sessions as a conflict', () => {
    repo = setup();
    repo.ok('checkout', '-q', '-b', 'feature');
    must(repo, 'start', '--focus', 'Feature session');
    repo.commitAll('feature');
    repo.ok('checkout', '-q', 'main');
    must(repo, 'start', '--focus', 'Main session');
    repo.commitAll('main');

    const merge = repo.git('merge', '--no-edit', 'feature');
    assert.notEqual(merge.code, 0);
    assert.match(merge.out + merge.err, /active_session/);
    assertValid(repo);
    assert.equal(show(repo).active_session!.focus, 'Main session');
    const text = repo.read(CAMPAIGN);
    assert.match(text, /- path: active_session\n {4}ours:\n(?: {6}.*\n)* {6}focus: Main session\n(?: {6}.*\n)* {4}theirs:\n(?: {6}.*\n)* {6}focus: Feature session\n/);
  });

  it('refuses invalid YAML on a branch, leaving OURS untouched and the file conflicted', () => {
    repo = setup();
    repo.ok('checkout', '-q', '-b', 'feature');
    repo.write(CAMPAIGN, fixture('invalid-yaml.yaml'));
    repo.commitAll('broken');
    repo.ok('checkout', '-q', 'main');
    must(repo, 'work', 'add', '--title', 'Main item');
    repo.commitAll('main');
    const before = repo.read(CAMPAIGN);

    const merge = repo.git('merge', '--no-edit', 'feature');
    assert.notEqual(merge.code, 0);
    assert.match(merge.err + merge.out, /not valid YAML/);
    assert.equal(repo.read(CAMPAIGN), before);
    assert.match(repo.ok('status', '--porcelain'), /^UU \.claude\/campaign\.yaml$/m);
  });

  it('keeps OURS CRLF line endings and BOM through a merge', () => {
    // Written directly (not through the CLI), so each branch's text is exactly what the test says.
    const lf = fixture('commented.yaml');
    const bomCrlf = (t: string) => `\ufeff${t.replace(/\n/g, '\r\n')}`;
    repo = setup(bomCrlf(lf));
    repo.ok('checkout', '-q', '-b', 'feature');
    repo.write(CAMPAIGN, bomCrlf(lf.replace('  - id: w3\n', '  - id: w-feat\n    title: Feature item\n  - id: w3\n')));
    repo.commitAll('feature');
    repo.ok('checkout', '-q', 'main');
    repo.write(CAMPAIGN, bomCrlf(lf.replace('    priority: medium\n', '    priority: high\n')));
    repo.commitAll('main');
    assert.equal(repo.git('merge', '--no-edit', 'feature').code, 0);
    const text = repo.read(CAMPAIGN);
    assert.equal(text, bomCrlf(lf.replace('    priority: medium\n', '    priority: high\n').replace('  - id: w3\n', '  - id: w-feat\n    title: Feature item\n  - id: w3\n')));
  });

  it('merges a branch that archived with one that kept logging, losing nothing', () => {
    repo = setup();
    const original = show(repo);
    repo.ok('checkout', '-q', '-b', 'archiver');
    assert.match(must(repo, 'archive', '--keep', '1'), /Archived 1 build-log entry/);
    repo.commitAll('archive');
    repo.ok('checkout', '-q', 'main');
    must(repo, 'start', '--focus', 'Docs');
    must(repo, 'end', '--done', 'Wrote the API docs');
    repo.commitAll('main');

    assert.equal(repo.git('merge', '--no-edit', 'archiver').code, 0);
    assertValid(repo);
    const live = show(repo);
    assert.equal(live.build_log.length, 2);
    assert.deepEqual(live.build_log[0], original.build_log[1]);
    const all = show(repo, '--with-archive');
    assert.deepEqual(all.build_log.slice(0, 2), original.build_log);
    assert.deepEqual(all.build_log[2]!.accomplishments, ['Wrote the API docs']);
  });

  it('merges two branches that both archived (the archive files merge too)', () => {
    repo = setup();
    const original = show(repo);
    repo.ok('checkout', '-q', '-b', 'other');
    must(repo, 'archive', '--keep', '1');
    repo.commitAll('archive keep 1');
    repo.ok('checkout', '-q', 'main');
    must(repo, 'archive', '--before', '2026-03-21');
    must(repo, 'work', 'add', '--title', 'After archiving');
    repo.commitAll('archive before');

    const merge = repo.git('merge', '--no-edit', 'other');
    assert.equal(merge.code, 0, merge.out + merge.err);
    assertValid(repo);
    const all = show(repo, '--with-archive');
    assert.deepEqual(all.build_log, original.build_log);
    assert.deepEqual(all.decisions_log, original.decisions_log);
  });
});
