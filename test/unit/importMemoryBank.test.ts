// Moving in from other memory systems: real public Cline memory banks (one in
// Japanese), Roo Code file names, CRLF, a Kiro tasks.md and plain checkbox
// lists become a campaign by the fixed heading table; every line that has no
// place is kept by file and line; the report counts what went where; and the
// primer of the result stays within budget while carrying the bank's focus
// and its open high-priority work.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { renderCampaignFile } from '../../src/core/document/newCampaign';
import { planImport, type ImportPlan } from '../../src/core/import/importPlan';
import { buildImportReport, formatImportReport } from '../../src/core/import/importReport';
import { importMarkdown } from '../../src/core/import/markdownImport';
import { readFailure } from '../../src/core/import/importSources';
import { nameFromTitle } from '../../src/core/import/memoryBank/entryText';
import { classifyHeading } from '../../src/core/import/memoryBank/headingTable';
import { DEFAULT_PRIMER_BUDGET, renderPrimer } from '../../src/core/primer/primer';
import { estimateTokens } from '../../src/core/primer/tokenEstimate';
import { repoRoot, seededRandom } from '../support/fixtures';

const importDir = join(repoRoot, 'test/fixtures/import');
/** Noon local time: the day undated accomplishments are logged under. */
const now = new Date(2026, 11, 6, 12);
const today = '2026-12-06';

function readFolder(dir: string): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .map((n) => ({ name: `memory-bank/${n}`, text: readFileSync(join(dir, n), 'utf8') }));
}

function importBank(folder: string): { plan: ImportPlan; text: string; model: CampaignDocument['model'] } {
  const plan = planImport(readFolder(join(importDir, 'memory-bank', folder)), { now, random: seededRandom(3), bankFolder: 'memory-bank' });
  const text = renderCampaignFile(plan.data);
  return { plan, text, model: CampaignDocument.parse(text).model };
}

interface Expected {
  name: string;
  /** Open work, by priority, and how much of it the bank marks in progress. */
  open: { high: number; medium: number; low: number; inProgress: number };
  /** Build-log accomplishments (checked boxes, ✅ items, "What Works", "Recent Changes"). */
  done: number;
  decisions: number;
  constraints: number;
  tech: number;
  /** The handoff: a next_session from the focus, and how many more focus notes. */
  focus: boolean;
  focusNotes: number;
  /** Lines kept under import_unplaced. */
  unplaced: number;
}

// Counted by reading each bank against the heading table (README, "Import").
const BANKS: Record<string, Expected> = {
  // Read whole: Next Steps 3 + Next Up 1 (high), In Progress 1 (high, in progress), Known Issues 1 (medium);
  // Working 2 + Recent Changes 1 done; Out of Scope 2 constraints; Stack 5; Current Focus 1;
  // unplaced: Primary Goals + Core Scope 8, productContext 16 (the brief's Purpose won: "Why This Exists" is kept with its line),
  // Dev Setup + Key Configuration 8, systemPatterns 11.
  '0xCosmicTofu__ui-mapper': { name: 'Webflow UI Mapper', open: { high: 5, medium: 1, low: 0, inProgress: 1 }, done: 3, decisions: 0, constraints: 2, tech: 5, focus: true, focusNotes: 0, unplaced: 43 },
  // tasks.md: 5 [x] + 4 [ ] (Creative Phases, unlabelled: medium); Milestones M1–M5 (medium);
  // progress.md: "### Next Steps" 5 (high); ✅ headings and "Completed Steps" are build log.
  '217th__tda_large_collector': { name: 'TDA Large Collector', open: { high: 5, medium: 9, low: 0, inProgress: 0 }, done: 31, decisions: 21, constraints: 0, tech: 12, focus: true, focusNotes: 0, unplaced: 222 },
  // 46 open and 27 checked boxes; "In Progress" 8 open boxes (high, in progress); "Immediate Tasks" 6 open (high);
  // "Upcoming Work" / "Long Term" / "Low Priority" low; Latest Milestone 3 + Major Updates 9 done.
  '0x4007__module-rewards': { name: 'Comment Score Analysis', open: { high: 18, medium: 22, low: 41, inProgress: 8 }, done: 39, decisions: 9, constraints: 0, tech: 0, focus: true, focusNotes: 5, unplaced: 128 },
  // Japanese: 次のステップ 7 (high), 進行中 3 (high, in progress), 残っているタスク 8 + 既知の問題点・課題 5 (medium),
  // 最近の変更 + 完了したこと done, アクティブな決定事項 + 決定事項の変遷 decisions, 現在のフォーカス 3;
  // 開発言語とランタイム 3 + 主要ライブラリ 7 tech (" - 説明" kept as unplaced: 11 lines).
  '31103__MedFeeBot': { name: 'MedFeeBot', open: { high: 11, medium: 13, low: 0, inProgress: 3 }, done: 60, decisions: 32, constraints: 0, tech: 10, focus: true, focusNotes: 2, unplaced: 266 },
  // Every "Current Work Focus" section is marked "Complete ✅": no focus, all build log.
  '0ut5ider__DM-Player': { name: 'DM-Player', open: { high: 8, medium: 18, low: 38, inProgress: 0 }, done: 309, decisions: 21, constraints: 15, tech: 12, focus: false, focusNotes: 0, unplaced: 755 },
  // "(5% Complete)" phases are not done: What's Left to Build stays open work.
  '44masa__border-collie-and-me': { name: 'Border Collie and Me', open: { high: 18, medium: 89, low: 0, inProgress: 0 }, done: 21, decisions: 25, constraints: 34, tech: 33, focus: true, focusNotes: 4, unplaced: 400 },
};

function counts(model: CampaignDocument['model'], plan: ImportPlan): Expected {
  const open = model.remaining_work.filter((w) => w.status !== 'done');
  return {
    name: model.identity.name,
    open: {
      high: open.filter((w) => w.priority === 'high').length,
      medium: open.filter((w) => w.priority === 'medium').length,
      low: open.filter((w) => w.priority === 'low').length,
      inProgress: open.filter((w) => w.status === 'in_progress').length,
    },
    done: model.build_log.reduce((n, b) => n + b.accomplishments.length, 0),
    decisions: model.decisions_log.length,
    constraints: model.constraints.length,
    tech: model.identity.tech_stack.length,
    focus: !!model.handoff_notes.next_session,
    focusNotes: model.handoff_notes.notes.length,
    unplaced: plan.unplaced.reduce((n, u) => n + u.lines.length, 0),
  };
}

describe('Memory-bank import: the real public banks', () => {
  for (const [folder, expected] of Object.entries(BANKS)) {
    it(`${folder}: what lands where`, () => {
      const { plan, model } = importBank(folder);
      assert.equal(plan.layout, 'memory-bank');
      assert.deepEqual(counts(model, plan), expected);
      // An import is not a session.
      assert.equal(model.active_session, null);
    });

    it(`${folder}: every unplaced line is kept word for word with its file and line`, () => {
      const { plan, text } = importBank(folder);
      const files = new Map(plan.files.map((f) => [f.name, f.text.split(/\r?\n/)]));
      const kept = (CampaignDocument.parse(text).doc.toJS() as { import_unplaced?: string[] }).import_unplaced ?? [];
      assert.equal(kept.length, BANKS[folder]!.unplaced);
      for (const entry of kept) {
        const m = /^(.+?\.md):(\d+): (.*)$/.exec(entry);
        assert.ok(m, entry);
        assert.equal(files.get(m[1]!)![Number(m[2]) - 1]!.trim(), m[3], entry);
      }
    });

    it(`${folder}: import then primer — within budget, with the focus and the open high-priority work`, () => {
      const { model, text } = importBank(folder);
      const primer = renderPrimer(model);
      assert.ok(primer.tokens <= DEFAULT_PRIMER_BUDGET, `${primer.tokens} tokens`);
      const next = model.handoff_notes.next_session;
      if (next) assert.ok(primer.text.includes(next.slice(0, 30)), 'the focus is in the primer');
      // Every open high-priority item (the bank's next steps and what it has in progress), however long the bank.
      const high = model.remaining_work.filter((w) => w.priority === 'high' && w.status !== 'done');
      for (const w of high) assert.ok(primer.text.includes(w.title.slice(0, 30)), `"${w.title}" is in the primer`);
      // The unplaced lines stay in the file, never in the primer.
      const kept = (CampaignDocument.parse(text).doc.toJS() as { import_unplaced?: string[] }).import_unplaced ?? [];
      assert.ok(kept.length > 0);
      assert.ok(!primer.text.includes('import_unplaced'));
      const narrative = kept.map((k) => k.replace(/^.+?:\d+: /, '')).filter((k) => k.length > 40);
      for (const line of narrative.slice(0, 20)) assert.ok(!primer.text.includes(line), `unplaced text leaked into the primer: ${line}`);
    });
  }

  it('the Cline bank, item by item (0xCosmicTofu/ui-mapper)', () => {
    const { model } = importBank('0xCosmicTofu__ui-mapper');
    assert.deepEqual(model.identity, {
      name: 'Webflow UI Mapper',
      purpose: 'Transform a target website into Webflow collections, symbols, and bindings using AI-driven analysis and export.',
      tech_stack: ['Next.js (App Router)', 'TypeScript', 'NextAuth', 'Prisma (SQLite in dev; PostgreSQL in prod)', 'Playwright'],
    });
    assert.deepEqual(
      model.remaining_work.map((w) => [w.title, w.priority, w.status]),
      [
        ['Instrument auth callback/sign-in flow to capture runtime evidence.', 'high', 'todo'],
        ['Reproduce error and collect logs.', 'high', 'todo'],
        ['Fix configuration or code path based on evidence.', 'high', 'todo'],
        ['Google OAuth auth error investigation.', 'high', 'in_progress'],
        ['Authentication error appears after Google account selection (configuration error).', 'medium', 'todo'],
        ['Collect runtime logs and identify root cause.', 'high', 'todo'],
      ],
    );
    assert.deepEqual(model.handoff_notes, { next_session: 'Debugging Google OAuth authentication error after account selection.', notes: [] });
    assert.deepEqual(model.constraints, ['Direct Webflow API integration.', 'Batch processing and custom templates (roadmap).']);
    assert.deepEqual(
      model.build_log.map((b) => [b.date, b.title, b.accomplishments]),
      [
        [today, 'Recent Changes (activeContext.md)', ['Memory bank initialized.']],
        [today, 'Working (progress.md)', ['App structure and pipeline exist per README.', 'Auth pages and API routes present.']],
      ],
    );
  });

  it('the Japanese bank: 現在のフォーカス, 次のステップ, 技術スタック-like headings, 決定事項', () => {
    const { model } = importBank('31103__MedFeeBot');
    assert.match(model.handoff_notes.next_session ?? '', /^CI\/CDパイプラインの検証: GitHub Actions ワークフロー/);
    assert.ok(model.identity.tech_stack.includes('言語: Python'));
    const high = model.remaining_work.filter((w) => w.priority === 'high' && w.status === 'todo').map((w) => w.title);
    assert.ok(high.includes('本番環境用の GitHub Secrets を設定する。'));
    const inProgress = model.remaining_work.filter((w) => w.status === 'in_progress');
    assert.deepEqual(
      inProgress.map((w) => w.notes?.split('; ')[0]),
      ['CI/CD パイプライン構築 (初期)', 'CI/CD パイプライン修正', 'ドキュメント更新'],
    );
    // A "**label:**" over a list in a decisions section: each item is a decision, named with its label.
    assert.ok(model.decisions_log.some((d) => d.decision === 'Cloud Functions デプロイ構成: ソースディレクトリは `./src` を指定。'));
  });

  it('reports the token cost of the bank read whole against the primer, with the primer’s own estimator', () => {
    const { plan, text, model } = importBank('0ut5ider__DM-Player');
    const report = buildImportReport(plan, text);
    assert.equal(report.tokens.sources, estimateTokens(plan.files.map((f) => f.text).join('\n')));
    assert.equal(report.tokens.primer, renderPrimer(model).tokens);
    assert.ok(report.tokens.sources > 10 * report.tokens.primer / 2, 'the bank costs several times the primer');
  });
});

describe('Memory-bank import: layouts the corpus lacks', () => {
  it('Roo Code file names (projectBrief.md, decisionLog.md), CRLF, dated entries and emoji marks', () => {
    const plan = planImport(readFolder(join(importDir, 'roo-bank')), { now, random: seededRandom(5), bankFolder: 'memory-bank' });
    assert.ok(plan.files.every((f) => f.text.includes('\r\n')), 'the fixture is CRLF');
    const model = CampaignDocument.parse(renderCampaignFile(plan.data)).model;
    assert.deepEqual(model.identity, { name: 'Tide Tables', purpose: 'A small web app that shows local tide times offline.', tech_stack: ['TypeScript', 'Vite', 'IndexedDB'] });
    assert.deepEqual(model.constraints, ['Works offline after the first visit', 'No tracking or analytics']);
    assert.deepEqual(model.handoff_notes, { next_session: 'Caching the harmonic constants per station.', notes: [] });
    assert.equal(model.active_session, null);
    assert.deepEqual(
      model.remaining_work.map((w) => [w.title, w.priority, w.status]),
      [
        ['How often do constants change?', 'medium', 'todo'],
        ['Offline cache for station data', 'high', 'in_progress'],
        ['Service worker registration', 'high', 'todo'],
        ['Moon phase overlay', 'low', 'todo'],
      ],
    );
    assert.deepEqual(
      model.build_log.map((b) => [b.date, b.accomplishments]),
      [
        ['2025-03-01', ['Project scaffold with Vite']],
        ['2025-03-02', ['Added the station picker']],
        [today, ['Station picker']],
      ],
    );
    assert.deepEqual(
      model.decisions_log.map((d) => [d.date, d.decision, d.rationale]),
      [
        ['2025-03-01', 'Use IndexedDB for station data', 'localStorage caps at 5 MB'],
        ['2025-03-02', 'Compute tides in the browser', 'no server to run'],
      ],
    );
    assert.deepEqual(
      plan.unplaced.map((u) => [u.file, u.first, u.last, u.lines.map((l) => l.text)]),
      [
        // The brief's purpose came first: this heading's paragraph is kept, with the heading.
        ['memory-bank/productContext.md', 3, 4, ['## Why This Project Exists', 'Sailors need tide times where there is no signal.']],
        ['memory-bank/decisionLog.md', 3, 3, ['This file records architectural and implementation decisions.']],
        ['memory-bank/decisionLog.md', 9, 10, ['## Rationale', '* The app must work offline.']],
      ],
    );
  });

  it('Roo Code’s templates: empty bullets are nothing, appended dated entries are entries', () => {
    const active = ['# Active Context', '', '## Current Focus', '', '*   ', '', '## Recent Changes', '', '*', '[2025-04-02 12:30:00] - Set up the repository', '', '## Open Questions/Issues', '', '*   '].join('\r\n');
    const product = ['# Product Context', '', '## Project Goal', '', '*   Tide times offline', '', '## Key Features', '', '*   '].join('\r\n');
    const plan = planImport([{ name: 'activeContext.md', text: active }, { name: 'productContext.md', text: product }], { now, bankFolder: '' });
    assert.equal(plan.data.identity?.purpose, 'Tide times offline');
    assert.deepEqual(plan.data.remaining_work, []);
    assert.deepEqual(plan.data.handoff_notes, { next_session: null, notes: [] });
    assert.deepEqual(plan.data.build_log?.map((b) => [b.date, b.accomplishments]), [['2025-04-02', ['Set up the repository']]]);
    // Only the section with no place in a campaign is kept; empty template sections leave nothing behind.
    assert.deepEqual(plan.unplaced.map((u) => [u.file, u.first, u.last]), [['productContext.md', 7, 7]]);
  });

  it('the report: entries per section and file, unplaced counts and ranges', () => {
    const plan = planImport(readFolder(join(importDir, 'roo-bank')), { now, random: seededRandom(5), bankFolder: 'memory-bank' });
    const text = renderCampaignFile(plan.data);
    const report = buildImportReport(plan, text);
    const by = Object.fromEntries(report.sections.map((s) => [s.section, [s.total, Object.fromEntries(s.byFile.map((f) => [f.file.replace('memory-bank/', ''), f.count]))]]));
    assert.deepEqual(by, {
      'identity.name': [1, { 'projectBrief.md': 1 }],
      'identity.purpose': [1, { 'projectBrief.md': 1 }],
      'identity.tech_stack': [3, { 'projectBrief.md': 3 }],
      constraints: [2, { 'projectBrief.md': 2 }],
      remaining_work: [4, { 'activeContext.md': 1, 'progress.md': 3 }],
      build_log: [3, { 'activeContext.md': 1, 'progress.md': 2 }],
      decisions_log: [2, { 'decisionLog.md': 2 }],
      handoff_notes: [1, { 'activeContext.md': 1 }],
    });
    assert.deepEqual(report.work, { open: 4, inProgress: 1, high: 2, medium: 1, low: 1 });
    assert.deepEqual(report.unplaced, [
      { file: 'memory-bank/productContext.md', lines: 2, ranges: ['3-4'] },
      { file: 'memory-bank/decisionLog.md', lines: 3, ranges: ['3', '9-10'] },
    ]);
    assert.equal(report.unplacedLines, 5);
    const md = formatImportReport(report);
    assert.match(md, /Read the memory bank in memory-bank\/ \(5 files\)\./);
    assert.match(md, /\| Remaining work \| 4 \(4 open: 2 high, 1 medium, 1 low; 1 in progress\) \| memory-bank\/activeContext\.md 1, memory-bank\/progress\.md 3 \|/);
    assert.match(md, /- memory-bank\/decisionLog\.md: 3 lines \(lines 3, 9-10\)/);
    assert.match(md, new RegExp(`Reading the sources whole: ${report.tokens.sources} tokens`));
  });

  it('a Kiro spec tasks.md: nested sub-tasks, _Requirements_ lines as notes', () => {
    const text = readFileSync(join(importDir, 'kiro/tasks.md'), 'utf8');
    const plan = planImport([{ name: 'tasks.md', text }], { now, random: seededRandom(2) });
    assert.equal(plan.layout, 'markdown');
    const model = CampaignDocument.parse(renderCampaignFile(plan.data)).model;
    assert.deepEqual(
      model.remaining_work.map((w) => [w.title, w.priority, w.status, w.notes]),
      [
        ['1. Set up project structure and core interfaces', 'medium', 'todo', 'Create directory structure for models, services and API components; Requirements: 1.1'],
        ['2.2 Implement User model with validation', 'medium', 'todo', 'Requirements: 1.2'],
        ['2.2.1 Write unit tests for User model', 'medium', 'todo', undefined],
        ['3. Create storage mechanism', 'medium', 'todo', 'Implement database connection utilities'],
      ],
    );
    assert.deepEqual(
      model.build_log.map((b) => b.accomplishments),
      [['2. Implement data models', '2.1 Create core data model interfaces']],
    );
    // A done task's details have no field: kept, with their lines.
    assert.deepEqual(
      plan.unplaced.map((u) => [u.first, u.last]),
      [[9, 10]],
    );
  });

  it('any Markdown checkbox list: open boxes are work, checked ones build log, the rest kept', () => {
    const md = ['# Things', '', 'Some intro.', '', '- [ ] Write the docs', '- [x] Ship 1.0', '* [X] Tag the release', '- plain bullet'].join('\n');
    const plan = planImport([{ name: 'TODO.md', text: md }], { now, random: seededRandom(2) });
    const model = CampaignDocument.parse(renderCampaignFile(plan.data)).model;
    assert.deepEqual(model.remaining_work.map((w) => [w.title, w.priority, w.status]), [['Write the docs', 'medium', 'todo']]);
    assert.deepEqual(model.build_log.map((b) => b.accomplishments), [['Ship 1.0', 'Tag the release']]);
    assert.deepEqual(plan.unplaced.map((u) => [u.first, u.last]), [[3, 3], [8, 8]]);
  });

  it('ADR-like entries: "Decision:" with its "Rationale:" / "Reason:", dated by their heading', () => {
    const md = [
      '# Decision Log',
      '## ADR-001: Storage (2025-02-01)',
      '**Status:** Accepted',
      '**Decision:** Use SQLite for the cache',
      '**Rationale:** Embedded, no server to run',
      '## ADR-002: Transport',
      '- Decision: REST over gRPC',
      '- Reason: browsers speak it',
    ].join('\n');
    const plan = planImport([{ name: 'decisions.md', text: md }], { now, random: seededRandom(2) });
    assert.deepEqual(
      plan.data.decisions_log?.map((d) => [d.date, d.decision, d.rationale]),
      [
        ['2025-02-01', 'Use SQLite for the cache', 'Embedded, no server to run'],
        [today, 'REST over gRPC', 'browsers speak it'],
      ],
    );
    assert.deepEqual(plan.unplaced.map((u) => [u.first, u.lines.map((l) => l.text)]), [[2, ['## ADR-001: Storage (2025-02-01)', '**Status:** Accepted']]]);
  });

  it('names: "Project Overview: X", bold markers and "Project Brief" never leak into the name', () => {
    assert.equal(nameFromTitle('**Project Overview: Foo Bar**'), 'Foo Bar');
    assert.equal(nameFromTitle('DM-Player Project Brief'), 'DM-Player');
    assert.equal(nameFromTitle('Project Brief: Border Collie and Me'), 'Border Collie and Me');
    assert.equal(nameFromTitle('**プロジェクト概要: MedFeeBot**'), 'MedFeeBot');
    assert.equal(nameFromTitle('Project Brief'), '');
    assert.equal(nameFromTitle('Project'), '');
    const plan = planImport([{ name: 'projectbrief.md', text: '# **Project Overview: Foo Bar**\n\n## Purpose\nDo things.\n' }, { name: 'progress.md', text: '# Progress\n## Next Steps\n- Go\n' }], { now, bankFolder: '' });
    assert.equal(plan.data.identity?.name, 'Foo Bar');
  });

  it('the priority rule: in progress / current / next → high, issues and unlabelled → medium, planned / future → low', () => {
    const rule = (h: string) => classifyHeading(h, 'progress');
    assert.deepEqual(rule('In Progress'), { target: 'work', priority: 'high', status: 'in_progress' });
    assert.deepEqual(rule('Current Tasks'), { target: 'work', priority: 'high', status: 'in_progress' });
    assert.deepEqual(rule('Next Steps'), { target: 'next', priority: 'high' });
    assert.deepEqual(rule('Immediate Tasks'), { target: 'next', priority: 'high' });
    assert.deepEqual(rule('Known Issues'), { target: 'work', priority: 'medium' });
    assert.deepEqual(rule("What's Left to Build"), { target: 'work', priority: 'medium' });
    assert.deepEqual(rule('Planned Features'), { target: 'work', priority: 'low' });
    assert.deepEqual(rule('Upcoming Work'), { target: 'work', priority: 'low' });
    assert.deepEqual(rule('Future Considerations'), { target: 'work', priority: 'low' });
    assert.deepEqual(rule('Could Have'), { target: 'work', priority: 'low' });
    assert.deepEqual(rule('**3. 次のステップ**'), { target: 'next', priority: 'high' });
    assert.deepEqual(rule('デプロイフェーズ (進行中)'), { target: 'work', priority: 'high', status: 'in_progress' });
    assert.deepEqual(rule('4. 既知の問題点・課題'), { target: 'work', priority: 'medium' });
    // Work headings mean nothing in a brief: its "Problems It Solves" is not a bug list.
    assert.equal(classifyHeading('Problems It Solves', 'product'), undefined);
    assert.deepEqual(classifyHeading('Technical Constraints', 'tech'), { target: 'constraints' });
    assert.deepEqual(classifyHeading('Technology Stack', 'tech'), { target: 'tech' });
    assert.deepEqual(classifyHeading('Key Decisions', 'active'), { target: 'decisions' });
  });
});

describe('Paths that cannot be read', () => {
  it('each failure says what and what to do, never a bare errno', () => {
    const failure = (code: string) => readFailure(Object.assign(new Error(`${code}: raw`), { code }), 'memory-bank').message;
    assert.equal(failure('ENOENT'), 'Nothing to import at memory-bank: no such file or folder. Check the path.');
    assert.match(failure('EACCES'), /^memory-bank cannot be read \(permission denied\)\. Give your user read access/);
    assert.match(failure('EPERM'), /permission denied/);
    assert.match(failure('EISDIR'), /^memory-bank is a folder; point at the memory-bank folder or at its Markdown files\.$/);
  });
});

describe('The article layout still imports as before', () => {
  it('one article-layout file goes through the article importer, unchanged', () => {
    const article = readFileSync(join(repoRoot, 'test/fixtures/claude-code/article-campaign.md'), 'utf8');
    const plan = planImport([{ name: 'CAMPAIGN.md', text: article }], { random: seededRandom(7) });
    assert.equal(plan.layout, 'article');
    assert.deepEqual(plan.data, importMarkdown(article, { random: seededRandom(7) }).data);
    const report = buildImportReport(plan, renderCampaignFile(plan.data));
    assert.equal(report.sections.find((s) => s.section === 'remaining_work')!.total, 3);
    assert.equal(report.sections.find((s) => s.section === 'decisions_log')!.total, 2);
    assert.equal(report.unplacedLines, 0);
  });
});
