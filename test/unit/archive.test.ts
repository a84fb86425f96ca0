// `campaign archive`: old build-log entries and superseded or old decisions
// move to .claude/campaign-archive/YEAR.yaml, appended and never lost;
// `show --json --with-archive` equals `show --json` before archiving; an
// interrupted run is finished (or undone) by the next one.
import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { archiveCampaign, planArchive } from '../../src/core/archive/archive';
import { archiveInfo, combineByDate } from '../../src/core/archive/archiveView';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { tempDir } from '../support/fixtures';
import { cliPath } from './gitRepo';

const HISTORY = `# Campaign: Long project
version: 1
identity:
  name: Long project
  purpose: Years of history
  tech_stack: [Go]
constraints: []
active_session: null
remaining_work:
  - id: w1
    title: Keep going
    priority: high
    status: todo
build_log:
  # The early days
  - date: "2024-02-01"
    title: Start
    accomplishments: [Repo]
  - date: "2024-06-10"
    accomplishments:
      - Prototype
    decisions: [Go]
  - date: "2025-01-05"
    title: Beta
    accomplishments: [Beta]
  - date: "2025-01-05"
    title: Beta hotfix
    accomplishments: [Fix]
  - date: "2025-09-30"
    accomplishments: [v1]
  - date: "2026-02-01"
    accomplishments: [v2 started]
  - date: "2026-03-01"
    accomplishments: [v2 alpha]
decisions_log:
  - id: d1
    date: "2024-02-01"
    decision: Go
    rationale: Static binaries
  - id: d2
    date: "2024-03-01"
    decision: SQLite
    rationale: Simple
    status: superseded
    superseded_by: d4
  - id: d4
    date: "2025-01-05"
    decision: PostgreSQL
    rationale: Scale
  - decision: Undated house rule
    rationale: Predates dates
  - id: d5
    date: "2025-02-01"
    decision: REST
    rationale: Simple
    status: superseded
    superseded_by: d6
  - id: d6
    date: "2026-01-10"
    decision: gRPC
    rationale: Streaming
handoff_notes:
  next_session: Continue v2
  notes: []
# The team's own key
x_owner: platform
`;

function project(text = HISTORY) {
  const t = tempDir('campaign-archive-');
  mkdirSync(join(t.dir, '.claude'));
  const path = join(t.dir, '.claude', 'campaign.yaml');
  writeFileSync(path, text);
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: t.dir, encoding: 'utf8' });
    return { code: r.status, out: r.stdout.trimEnd(), err: r.stderr.trimEnd() };
  };
  const archiveDir = join(t.dir, '.claude', 'campaign-archive');
  return { ...t, path, cli, archiveDir, read: () => readFileSync(path, 'utf8') };
}

function showJson(p: ReturnType<typeof project>, ...flags: string[]): unknown {
  const r = p.cli('show', '--json', ...flags);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out);
}

describe('campaign archive', () => {
  let p: ReturnType<typeof project> | undefined;
  afterEach(() => p?.cleanup());

  it('round-trips: show --json --with-archive equals show --json before archiving', () => {
    p = project();
    const original = showJson(p);
    const r = p.cli('archive', '--keep', '2');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Archived 5 build-log entries and 1 decision\(s\) to \.claude\/campaign-archive\/2024\.yaml, \.claude\/campaign-archive\/2025\.yaml\./);
    assert.deepEqual(readdirSync(p.archiveDir).sort(), ['2024.yaml', '2025.yaml']);
    assert.deepEqual(showJson(p, '--with-archive'), original);

    const live = showJson(p) as { build_log: { date: string }[]; decisions_log: { id?: string }[] };
    assert.deepEqual(live.build_log.map((e) => e.date), ['2026-02-01', '2026-03-01']);
    assert.deepEqual(live.decisions_log.map((d) => d.id ?? '-'), ['d1', 'd4', '-', 'd5', 'd6']);
    const text = p.read();
    assert.match(text, /\n\n# Older build-log entries and decisions \(campaign show --json --with-archive\)\narchive: \.claude\/campaign-archive\/\n$/);
    assert.ok(text.startsWith('# Campaign: Long project\nversion: 1\n'));
    assert.ok(text.includes('# The team\'s own key\nx_owner: platform'));
    // The archive is itself a campaign-shaped file (so the merge driver merges it too).
    const y2024 = CampaignDocument.parse(readFileSync(join(p.archiveDir, '2024.yaml'), 'utf8')).model;
    assert.deepEqual([y2024.build_log.length, y2024.decisions_log[0]!.id], [2, 'd2']);
  });

  it('appends on a later run (never rewriting what is there) and still round-trips', () => {
    p = project();
    const original = showJson(p);
    assert.equal(p.cli('archive', '--keep', '2').code, 0);
    const y2025 = readFileSync(join(p.archiveDir, '2025.yaml'), 'utf8');
    const r = p.cli('archive', '--before', '2026');
    assert.equal(r.code, 0, r.err);
    // REST stays: archived, it would read back after the undated rule that preceded it.
    assert.match(r.out, /Archived 0 build-log entries and 2 decision\(s\)[\s\S]*1 more stay/);
    const after = readFileSync(join(p.archiveDir, '2025.yaml'), 'utf8');
    assert.ok(after.startsWith(y2025.replace(/decisions_log: \[\]\n$/, '')), 'the earlier content is kept as it was');
    assert.deepEqual(showJson(p, '--with-archive'), original);
    const live = showJson(p) as { decisions_log: { decision: string }[] };
    assert.deepEqual(live.decisions_log.map((d) => d.decision), ['Undated house rule', 'REST', 'gRPC']);
    assert.match(p.cli('archive', '--before', '2026').out, /Nothing to archive\./);
  });

  it('defaults to keeping the newest 10 of each list, and says when nothing moves', () => {
    p = project();
    const before = p.read();
    const r = p.cli('archive');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'Nothing to archive.');
    assert.equal(p.read(), before);
    assert.equal(existsSync(p.archiveDir), false);
  });

  it('rejects bad options as usage errors', () => {
    p = project();
    assert.equal(p.cli('archive', '--before', 'last year').code, 2);
    assert.equal(p.cli('archive', '--keep', '-1').code, 2);
  });

  it('holds back entries whose place could not be restored, so the round trip stays exact', () => {
    const sameDay = HISTORY.replace(
      /decisions_log:[\s\S]*?handoff_notes:/,
      `decisions_log:
  - {id: dA, date: "2025-01-01", decision: A, rationale: r, status: superseded, superseded_by: dB}
  - {id: dB, date: "2025-01-01", decision: B, rationale: r}
  - {id: dC, date: "2025-01-01", decision: C, rationale: r, status: superseded, superseded_by: dB}
handoff_notes:`,
    );
    const data = CampaignDocument.parse(sameDay).doc.toJS() as Record<string, unknown>;
    const plan = planArchive(data, [], { keep: 0 });
    assert.deepEqual(plan.moves.decisions_log, [0]);
    assert.equal(plan.held, 1);
    p = project(sameDay);
    const original = showJson(p);
    assert.match(p.cli('archive', '--keep', '0').out, /1 more stay/);
    assert.deepEqual(showJson(p, '--with-archive'), original);
  });

  it('reports what the archive holds, for the primer', async () => {
    p = project();
    assert.equal(await archiveInfo(p.path), undefined);
    await archiveCampaign(p.path, { keep: 2 });
    assert.deepEqual(await archiveInfo(p.path), { path: '.claude/campaign-archive/', buildLogEntries: 5, decisions: 1, years: ['2024', '2025'] });
  });

  it('finishes a run interrupted between the archive and the campaign write', async () => {
    // What a finished run writes, computed in a copy.
    const done = project();
    await archiveCampaign(done.path, { keep: 2 });
    const archived = { y2024: readFileSync(join(done.archiveDir, '2024.yaml'), 'utf8'), y2025: readFileSync(join(done.archiveDir, '2025.yaml'), 'utf8') };
    const campaignAfter = done.read();
    done.cleanup();

    p = project();
    const original = showJson(p);
    // The crash: journal written, one archive file written, the campaign not yet.
    mkdirSync(p.archiveDir);
    const journal = {
      version: 1,
      archives: [
        { path: join(p.archiveDir, '2024.yaml'), before: null, after: archived.y2024 },
        { path: join(p.archiveDir, '2025.yaml'), before: null, after: archived.y2025 },
      ],
      campaign: { path: p.path, before: HISTORY, after: campaignAfter },
    };
    writeFileSync(join(p.archiveDir, '.archive-journal.json'), JSON.stringify(journal));
    writeFileSync(join(p.archiveDir, '2024.yaml'), archived.y2024);
    const blocked = p.cli('show', '--json', '--with-archive');
    assert.equal(blocked.code, 1);
    assert.match(blocked.err, /interrupted `campaign archive`/);

    const r = await archiveCampaign(p.path, { keep: 2 });
    assert.equal(r.recovered, 'completed');
    assert.equal(r.buildLog + r.decisions, 0);
    assert.equal(p.read(), campaignAfter);
    assert.equal(readFileSync(join(p.archiveDir, '2025.yaml'), 'utf8'), archived.y2025);
    assert.equal(existsSync(join(p.archiveDir, '.archive-journal.json')), false);
    assert.deepEqual(showJson(p, '--with-archive'), original);
  });

  it('undoes an interrupted run when the campaign changed since', async () => {
    p = project();
    const backup = tempDir();
    cpSync(p.dir, backup.dir, { recursive: true });
    mkdirSync(p.archiveDir);
    const edited = HISTORY.replace('Continue v2', 'Someone else edited this');
    writeFileSync(p.path, edited);
    writeFileSync(join(p.archiveDir, '2024.yaml'), 'build_log: [{date: "2024-02-01", accomplishments: [Repo]}]\n');
    writeFileSync(
      join(p.archiveDir, '.archive-journal.json'),
      JSON.stringify({
        version: 1,
        archives: [{ path: join(p.archiveDir, '2024.yaml'), before: null, after: 'build_log: [{date: "2024-02-01", accomplishments: [Repo]}]\n' }],
        campaign: { path: p.path, before: HISTORY, after: 'not what is there' },
      }),
    );
    const r = await archiveCampaign(p.path, { keep: 100 });
    assert.equal(r.recovered, 'rolled-back');
    assert.equal(existsSync(join(p.archiveDir, '2024.yaml')), false);
    assert.equal(p.read(), edited);
    backup.cleanup();
  });
});

describe('archive order', () => {
  it('puts archived entries back among live ones by date, same day archived first, undated with the next', () => {
    const e = (date: string, n: string) => ({ date, n });
    const archived = [e('2024-01-01', 'a1'), e('2025-05-05', 'a2')];
    const live = [e('2024-06-01', 'l1'), { n: 'undated' }, e('2025-05-05', 'l2'), e('2026-01-01', 'l3')];
    assert.deepEqual(
      combineByDate<{ n: string }>(archived, live).map((x) => x.n),
      ['a1', 'l1', 'a2', 'undated', 'l2', 'l3'],
    );
  });
});
