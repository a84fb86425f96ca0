// `campaign import` as a person runs it (in-process): a project folder with a
// memory bank, --dry-run that writes nothing, --merge that adds without
// duplicating or disturbing the file, and clear messages for paths that
// cannot be read (a folder used to give a raw EISDIR).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { renderPrimer } from '../../src/core/primer/primer';
import { repoRoot, tempDir } from '../support/fixtures';

const banks = join(repoRoot, 'test/fixtures/import/memory-bank');

let today = new Date(2026, 11, 6, 12);

async function cli(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const when = today;
  const code = await runCli(argv, { cwd, now: () => when, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function projectWithBank(bank = '0xCosmicTofu__ui-mapper') {
  const t = tempDir('campaign-import-');
  cpSync(join(banks, bank), join(t.dir, 'memory-bank'), { recursive: true });
  return t;
}

const campaignAt = (dir: string) => join(dir, '.claude', 'campaign.yaml');

describe('campaign import: memory banks from the command line', () => {
  it('--dry-run prints the report and writes nothing', async () => {
    const t = projectWithBank();
    try {
      const r = await cli(t.dir, 'import', 'memory-bank', '--dry-run');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^# Import report \(dry run: nothing written to \.claude\/campaign\.yaml\)/);
      assert.match(r.out, /Read the memory bank in memory-bank\/ \(6 files\)\./);
      assert.match(r.out, /\| Remaining work \| 6 \(6 open: 5 high, 1 medium, 0 low; 1 in progress\) \| memory-bank\/activeContext\.md 3, memory-bank\/progress\.md 3 \|/);
      assert.match(r.out, /## Unplaced: 43 lines/);
      assert.match(r.out, /- memory-bank\/systemPatterns\.md: 11 lines \(lines 3-15\)/);
      assert.match(r.out, /Reading the sources whole: [\d,]+ tokens/);
      assert.equal(existsSync(join(t.dir, '.claude')), false);
    } finally {
      t.cleanup();
    }
  });

  it('the project folder: finds memory-bank/, writes the campaign, and the report matches the file', async () => {
    const t = projectWithBank('31103__MedFeeBot');
    try {
      const r = await cli(t.dir, 'import', '.');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^Imported into \.claude\/campaign\.yaml: /);
      const model = CampaignDocument.parse(readFileSync(campaignAt(t.dir), 'utf8')).model;
      assert.equal(model.identity.name, 'MedFeeBot');
      assert.equal(model.active_session, null);
      const open = model.remaining_work.filter((w) => w.status !== 'done');
      assert.match(r.out, new RegExp(`\\| Remaining work \\| ${model.remaining_work.length} \\(${open.length} open: ${open.filter((w) => w.priority === 'high').length} high`));
      const primerTokens = renderPrimer(model).tokens;
      assert.match(r.out, new RegExp(`The campaign’s primer: ${primerTokens.toLocaleString('en-US')} tokens \\(budget 2,000\\)`));
    } finally {
      t.cleanup();
    }
  });

  it('refuses to replace an existing campaign without --merge or --force, and says so', async () => {
    const t = projectWithBank();
    try {
      assert.equal((await cli(t.dir, 'import', 'memory-bank')).code, 0);
      const again = await cli(t.dir, 'import', 'memory-bank');
      assert.equal(again.code, 1);
      assert.match(again.err, /already exists.*--merge.*--force/);
      assert.equal((await cli(t.dir, 'import', 'memory-bank', '--merge', '--force')).code, 2);
    } finally {
      t.cleanup();
    }
  });

  it('--merge adds what is missing, never an entry already there (same title), and keeps comments', async () => {
    const t = projectWithBank();
    try {
      mkdirSync(join(t.dir, '.claude'));
      const mine = [
        '# My own campaign — this comment stays',
        'version: 1',
        'identity:',
        '  name: UI Mapper',
        '  purpose: ""',
        '  tech_stack: [TypeScript]',
        'constraints: []',
        'active_session: null',
        'remaining_work:',
        '  - id: w-mine',
        '    title: reproduce ERROR and collect logs   # my note',
        '    priority: low',
        '    status: todo',
        'build_log: []',
        'decisions_log: []',
        'handoff_notes:',
        '  next_session: Keep going',
        '  notes: []',
        '',
      ].join('\n');
      writeFileSync(campaignAt(t.dir), mine);
      const dry = await cli(t.dir, 'import', 'memory-bank', '--merge', '--dry-run');
      assert.equal(dry.code, 0, dry.err);
      assert.equal(readFileSync(campaignAt(t.dir), 'utf8'), mine, '--dry-run with --merge writes nothing');

      const r = await cli(t.dir, 'import', 'memory-bank', '--merge');
      assert.equal(r.code, 0, r.err);
      const text = readFileSync(campaignAt(t.dir), 'utf8');
      assert.ok(text.startsWith('# My own campaign — this comment stays\n'));
      assert.match(text, /title: reproduce ERROR and collect logs {3}# my note/);
      const model = CampaignDocument.parse(text).model;
      assert.equal(model.identity.name, 'UI Mapper', 'a name a person wrote is not overwritten');
      assert.match(model.identity.purpose, /^Transform a target website/);
      assert.deepEqual(model.identity.tech_stack, ['TypeScript', 'Next.js (App Router)', 'NextAuth', 'Prisma (SQLite in dev; PostgreSQL in prod)', 'Playwright']);
      assert.equal(model.handoff_notes.next_session, 'Keep going');
      const titles = model.remaining_work.map((w) => w.title.toLowerCase());
      assert.equal(titles.filter((x) => x.startsWith('reproduce error')).length, 1);
      assert.equal(model.remaining_work.length, 6);
      // Added: purpose, 4 tech, 2 constraints, 5 work items, 2 build-log entries. Already there: TypeScript,
      // the work item (another case, same title) and a next_session a person wrote.
      assert.match(r.out, /Merged into the existing campaign: added 14 entries; 3 already there/);

      // Again, a week later: nothing new, nothing duplicated (undated accomplishments included).
      const before = readFileSync(campaignAt(t.dir), 'utf8');
      today = new Date(2026, 11, 13, 12);
      try {
        const twice = await cli(t.dir, 'import', 'memory-bank', '--merge');
        assert.equal(twice.code, 0, twice.err);
        assert.match(twice.out, /added 0 entries/);
      } finally {
        today = new Date(2026, 11, 6, 12);
      }
      assert.equal(readFileSync(campaignAt(t.dir), 'utf8'), before);
    } finally {
      t.cleanup();
    }
  });

  it('files one by one: a Kiro tasks.md and a plain checkbox list', async () => {
    const t = tempDir('campaign-import-');
    try {
      cpSync(join(repoRoot, 'test/fixtures/import/kiro/tasks.md'), join(t.dir, 'tasks.md'));
      writeFileSync(join(t.dir, 'TODO.md'), '- [ ] Write the docs\n- [x] Ship 1.0\n');
      const r = await cli(t.dir, 'import', 'tasks.md', 'TODO.md');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /Read 2 files\./);
      assert.match(r.out, /\| Remaining work \| 5 \(5 open: 0 high, 5 medium, 0 low\) \| tasks\.md 4, TODO\.md 1 \|/);
      assert.match(r.out, /\| Build log \(accomplishments\) \| 3 \| tasks\.md 2, TODO\.md 1 \|/);
    } finally {
      t.cleanup();
    }
  });

  it('paths that cannot be read get a clear message, not EISDIR or ENOENT', async () => {
    const t = tempDir('campaign-import-');
    try {
      const missing = await cli(t.dir, 'import', 'memory-bank');
      assert.equal(missing.code, 1);
      assert.match(missing.err, /Nothing to import at memory-bank: no such file or folder/);
      mkdirSync(join(t.dir, 'empty'));
      const empty = await cli(t.dir, 'import', 'empty');
      assert.equal(empty.code, 1);
      assert.match(empty.err, /empty has no Markdown files to import \(and no memory-bank\/ folder\)/);
      writeFileSync(join(t.dir, 'notes.txt'), 'x');
      mkdirSync(join(t.dir, 'dir.md'));
      const dirMd = await cli(t.dir, 'import', 'dir.md');
      assert.equal(dirMd.code, 1);
      assert.doesNotMatch(dirMd.err, /EISDIR/);
      assert.equal(existsSync(campaignAt(t.dir)), false);
    } finally {
      t.cleanup();
    }
  });
});
