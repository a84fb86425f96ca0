// Concurrent writers. What is guaranteed, and tested here:
//
// * Campaign's own writers (CLI processes, the extension) take turns through
//   the lock file: every operation's effect lands exactly once.
// * A writer that ignores the lock (an editor, a script, the seed's Python)
//   is caught by the SHA-256 guard: if it wrote the file after we read it, we
//   re-apply our operation on top of its version instead of replacing it. The
//   check runs twice, the second time with our new text already synced in the
//   temp file, right before the rename.
//
// What cannot be guaranteed without a lock every writer honours (the
// boundary, see SECURITY.md and docs/testing-battery.md): a foreign write that
// lands in the microseconds between our last check and our rename is
// replaced; and a foreign writer that writes back a stale read (read, then
// write later, like an editor saving an old buffer) replaces whatever we
// wrote in between. The mixed test below therefore accepts a missing effect
// only when the two writers' time windows overlapped, counts such cases, and
// fails on any other loss, any duplicate, and any invalid file.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { applyToFile, loadCampaign } from '../../src/core/file/campaignFile';
import { addWork } from '../../src/core/operations/workOps';
import type { Operation } from '../../src/core/operations/operation';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { fixture, repoRoot, tempDir } from '../support/fixtures';
import { recordBattery } from '../support/batteryStats';

const exec = promisify(execFile);
const cli = join(repoRoot, 'dist', 'cli.js');
const foreignWriter = join(__dirname, '..', 'support', 'foreignWriter.js');
const WRITERS = 8;
const ROUNDS = 5;
const PURE_ROUNDS = 3;
const SLACK_MS = 5;

function project() {
  const t = tempDir('campaign-concurrency-');
  mkdirSync(join(t.dir, '.claude'));
  const path = join(t.dir, '.claude', 'campaign.yaml');
  writeFileSync(path, fixture('commented.yaml'));
  return { ...t, path, folder: join(t.dir, '.claude') };
}

interface Ran {
  item: string;
  kind: 'work' | 'decision';
  spawnAt: number;
  exitAt: number;
}

/** One CLI process: `work add` or `decide`, timed. */
async function runCli(cwd: string, kind: Ran['kind'], item: string, env: NodeJS.ProcessEnv = process.env): Promise<Ran> {
  const args = kind === 'work' ? ['work', 'add', '--title', item, '--priority', 'low'] : ['decide', '--decision', item, '--rationale', `because ${item}`];
  const spawnAt = Date.now();
  await exec(process.execPath, [cli, ...args], { cwd, env });
  return { item, kind, spawnAt, exitAt: Date.now() };
}

function countOf(list: readonly string[], item: string): number {
  return list.filter((x) => x === item).length;
}

function leftovers(folder: string): string[] {
  return readdirSync(folder).filter((n) => n !== 'campaign.yaml');
}

const tally = { cliOps: 0, foreignWrites: 0, oursLostToForeign: 0, foreignLostToOurs: 0 };

describe('concurrent writers', () => {
  before(() => assert.ok(existsSync(cli), `build the CLI first (node scripts/build.mjs): ${cli}`));
  after(() => {
    recordBattery('concurrent writers', { ...tally });
  });

  it(`${WRITERS} CLI processes at once, ${PURE_ROUNDS} rounds: every effect exactly once`, async (t) => {
    const p = project();
    try {
      const ran: Ran[] = [];
      for (let r = 0; r < PURE_ROUNDS; r++) {
        const batch = await Promise.all(
          Array.from({ length: WRITERS }, (_, i) => runCli(p.dir, i % 3 === 2 ? 'decision' : 'work', `R${r} writer ${i} $(x) ; | \` # "q"`)),
        );
        ran.push(...batch);
      }
      tally.cliOps += ran.length;
      const { doc } = await loadCampaign(p.path);
      const titles = doc.model.remaining_work.map((w) => w.title);
      const decisions = doc.model.decisions_log.map((d) => d.decision);
      for (const op of ran) assert.equal(countOf(op.kind === 'work' ? titles : decisions, op.item), 1, op.item);
      assert.equal(new Set(doc.model.remaining_work.map((w) => w.id)).size, doc.model.remaining_work.length, 'ids unique');
      assert.equal(new Set(doc.model.decisions_log.map((d) => d.id)).size, doc.model.decisions_log.length, 'ids unique');
      assert.ok(readFileSync(p.path, 'utf8').includes('# Security first'), 'comments kept');
      assert.deepEqual(leftovers(p.folder), [], 'no lock or temp file left');
      t.diagnostic(`${ran.length} CLI operations in ${PURE_ROUNDS} rounds of ${WRITERS}`);
    } finally {
      p.cleanup();
    }
  });

  it(`${WRITERS} CLI processes and an unlocked read-modify-write writer, ${ROUNDS} rounds: nothing doubled, nothing lost except across that writer's blind write`, async (t) => {
    const p = project();
    const log = join(p.dir, 'foreign.log');
    try {
      const ran: Ran[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const foreign = exec(process.execPath, [foreignWriter, p.path, `R${r}`, '12', '0', '25', log]);
        const batch = Promise.all(
          Array.from({ length: WRITERS }, (_, i) => runCli(p.dir, i % 2 ? 'decision' : 'work', `Mixed R${r} writer ${i}`)),
        );
        const [, ours] = await Promise.all([foreign, batch]);
        ran.push(...ours);
      }
      const writes = readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { item: string; readAt: number; wroteAt: number });
      tally.cliOps += ran.length;
      tally.foreignWrites += writes.length;

      const text = readFileSync(p.path, 'utf8');
      const cd = CampaignDocument.parse(text); // valid
      const m = cd.model;
      const titles = m.remaining_work.map((w) => w.title);
      const decisions = m.decisions_log.map((d) => d.decision);
      let oursLost = 0;
      for (const op of ran) {
        const n = countOf(op.kind === 'work' ? titles : decisions, op.item);
        assert.ok(n <= 1, `${op.item} appears ${n} times`);
        if (n === 0) {
          // Lost: only acceptable if a foreign read-modify-write straddled our run.
          const straddled = writes.some((w) => w.readAt <= op.exitAt + SLACK_MS && w.wroteAt >= op.spawnAt - SLACK_MS);
          assert.ok(
            straddled,
            `${op.item} (ran ${op.spawnAt}–${op.exitAt}) was lost with no foreign write overlapping it\n${JSON.stringify(writes.filter((w) => Math.abs(w.wroteAt - op.exitAt) < 3000))}\nmissing: ${ran.filter((o) => countOf(o.kind === 'work' ? titles : decisions, o.item) === 0).map((o) => `${o.item} ${o.spawnAt}-${o.exitAt}`).join(', ')}`,
          );
          oursLost++;
        }
      }
      let foreignLost = 0;
      for (const w of writes) {
        const n = countOf(m.constraints, w.item);
        assert.ok(n <= 1, `${w.item} appears ${n} times`);
        if (n === 0) {
          // Lost: only acceptable if one of our processes ran while it was being written
          // (its save may even land in the file our rename just replaced).
          const during = ran.some((op) => w.readAt <= op.exitAt + SLACK_MS && w.wroteAt >= op.spawnAt - SLACK_MS);
          assert.ok(during, `${w.item} was lost while none of our writers ran`);
          foreignLost++;
        }
      }
      tally.oursLostToForeign += oursLost;
      tally.foreignLostToOurs += foreignLost;
      assert.ok(text.includes('# Security first'), 'comments kept');
      assert.deepEqual(leftovers(p.folder), [], 'no lock or temp file left');
      t.diagnostic(
        `${ran.length} CLI operations and ${writes.length} foreign writes; lost at the boundary: ${oursLost} of ours (foreign writer wrote a stale read over them), ${foreignLost} foreign`,
      );
    } finally {
      p.cleanup();
    }
  });

  it('a foreign write while our write waits before its rename is kept: the operation is re-applied on top of it', async () => {
    const p = project();
    try {
      const child = spawn(process.execPath, [cli, 'work', 'add', '--title', 'Guarded item'], {
        cwd: p.dir,
        env: { ...process.env, CAMPAIGN_TEST_PAUSE_BEFORE_RENAME_MS: '600' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let wrote = false;
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
        if (!wrote && stderr.includes('paused before rename')) {
          wrote = true;
          // The editor saves while our new text sits synced in its temp file.
          const text = readFileSync(p.path, 'utf8');
          writeFileSync(p.path, text.replace('constraints:\n', 'constraints:\n  - Saved by an editor meanwhile\n'));
        }
      });
      assert.equal(await exited, 0, stderr);
      assert.ok(wrote, 'the write paused before its rename');
      const { doc } = await loadCampaign(p.path);
      assert.equal(countOf(doc.model.constraints, 'Saved by an editor meanwhile'), 1);
      assert.equal(countOf(doc.model.remaining_work.map((w) => w.title), 'Guarded item'), 1);
      assert.equal((stderr.match(/paused before rename/g) ?? []).length, 2, 'first attempt abandoned, second written');
      assert.deepEqual(leftovers(p.folder), [], 'the abandoned temp file is gone');
    } finally {
      p.cleanup();
    }
  });

  it('extension path: an external write while an operation is in flight — re-applied on top of it', async () => {
    const p = project();
    try {
      let calls = 0;
      const inFlight: Operation<string> = {
        name: 'test.add-with-external-write',
        apply(cd, ctx) {
          calls++;
          if (calls === 1) {
            // Someone saves the file while the operation runs (first attempt only).
            writeFileSync(p.path, readFileSync(p.path, 'utf8').replace('constraints:\n', 'constraints:\n  - Written mid-flight\n'));
          }
          return addWork({ title: 'Added from the sidebar' }).apply(cd, ctx);
        },
      };
      const r = await applyToFile(p.path, inFlight, { root: p.dir });
      assert.equal(r.retries, 1);
      assert.equal(calls, 2);
      const { doc, text } = await loadCampaign(p.path);
      assert.equal(countOf(doc.model.constraints, 'Written mid-flight'), 1);
      assert.equal(countOf(doc.model.remaining_work.map((w) => w.title), 'Added from the sidebar'), 1);
      assert.equal(r.text, text);
      assert.deepEqual(leftovers(p.folder), []);
    } finally {
      p.cleanup();
    }
  });

  it('extension path: an external write between the synced temp file and the rename — re-applied on top of it', async () => {
    const p = project();
    const previous = process.env.CAMPAIGN_TEST_PAUSE_BEFORE_RENAME_MS;
    const stderrWrite = process.stderr.write.bind(process.stderr);
    try {
      process.env.CAMPAIGN_TEST_PAUSE_BEFORE_RENAME_MS = '150';
      let pauses = 0;
      // The hook announces itself on stderr; count it instead of printing it.
      process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        if (String(chunk).includes('paused before rename')) {
          pauses++;
          // Written at once, inside the announced pause (not on a timer that a loaded machine could run after the rename).
          if (pauses === 1) writeFileSync(p.path, readFileSync(p.path, 'utf8').replace('constraints:\n', 'constraints:\n  - Saved during the rename window\n'));
          return true;
        }
        return (stderrWrite as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof process.stderr.write;
      const r = await applyToFile(p.path, addWork({ title: 'Late check' }), { root: p.dir });
      assert.equal(r.retries, 1);
      assert.equal(pauses, 2);
      const { doc } = await loadCampaign(p.path);
      assert.equal(countOf(doc.model.constraints, 'Saved during the rename window'), 1);
      assert.equal(countOf(doc.model.remaining_work.map((w) => w.title), 'Late check'), 1);
      assert.deepEqual(leftovers(p.folder), []);
    } finally {
      process.stderr.write = stderrWrite;
      if (previous === undefined) delete process.env.CAMPAIGN_TEST_PAUSE_BEFORE_RENAME_MS;
      else process.env.CAMPAIGN_TEST_PAUSE_BEFORE_RENAME_MS = previous;
      p.cleanup();
    }
  });
});
