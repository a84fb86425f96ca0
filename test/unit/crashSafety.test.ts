// Crash safety: a writer killed at any point (SIGKILL: no cleanup runs)
// leaves the campaign file either as it was or as the finished write made
// it, never torn; the temp file and lock it leaves behind are cleared by the
// next write, so nothing accumulates. One test kills exactly between the
// synced temp file and the rename (CAMPAIGN_TEST_PAUSE_BEFORE_RENAME_MS, a
// documented test hook in campaignFile.ts); the other kills a busy writer at
// random moments, many times over.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyToFile, loadCampaign } from '../../src/core/file/campaignFile';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { addWork } from '../../src/core/operations/workOps';
import { fixture, seededRandom, tempDir } from '../support/fixtures';
import { recordBattery } from '../support/batteryStats';

const crashWriter = join(__dirname, '..', 'support', 'crashWriter.js');
const ITERATIONS = Number(process.env.CAMPAIGN_CRASH_RUNS) || 20;

function project() {
  const t = tempDir('campaign-crash-');
  mkdirSync(join(t.dir, '.claude'));
  const path = join(t.dir, '.claude', 'campaign.yaml');
  writeFileSync(path, fixture('commented.yaml'));
  return { ...t, path, folder: join(t.dir, '.claude') };
}

/** A running crashWriter, with what it has said so far. */
function startWriter(path: string, tag: string, env: NodeJS.ProcessEnv = {}, count?: number) {
  const child = spawn(process.execPath, [crashWriter, path, tag, ...(count ? [String(count)] : [])], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const state = { stdout: '', stderr: '', done: -1 };
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stdout!.on('data', (c: string) => {
    state.stdout += c;
    const all = [...state.stdout.matchAll(/^done (\d+)$/gm)];
    if (all.length) state.done = Number(all[all.length - 1]![1]);
  });
  child.stderr!.on('data', (c: string) => (state.stderr += c));
  // 'close', not 'exit': only then has everything the child printed been read.
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const waitFor = (pattern: RegExp, where: 'stdout' | 'stderr', timeoutMs = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        if (pattern.test(state[where])) return resolve();
        if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${pattern}: ${state.stderr}`));
        setTimeout(tick, 2);
      };
      tick();
    });
  return { child, state, exited, waitFor };
}

async function kill(child: ChildProcess, exited: Promise<void>): Promise<void> {
  child.kill('SIGKILL');
  await exited;
}

const strays = (folder: string) => readdirSync(folder).filter((n) => n !== 'campaign.yaml');

describe('crash safety', () => {
  it('killed between the synced temp file and the rename: the old file, byte for byte; the next write clears what was left', async () => {
    const p = project();
    try {
      const before = readFileSync(p.path, 'utf8');
      const w = startWriter(p.path, 'Killed', { CAMPAIGN_TEST_PAUSE_BEFORE_RENAME_MS: '30000' });
      await w.waitFor(/paused before rename/, 'stderr');
      const temp = /paused before rename (.+)$/m.exec(w.state.stderr)![1]!.trim();
      // The new text is complete on disk, only not yet in place.
      assert.ok(readFileSync(temp, 'utf8').includes('title: Killed 0'));
      assert.equal(readFileSync(p.path, 'utf8'), before);
      await kill(w.child, w.exited);

      assert.equal(readFileSync(p.path, 'utf8'), before, 'the file is exactly the old one');
      assert.deepEqual(strays(p.folder).sort(), ['.' + temp.split('/.').pop(), 'campaign.yaml.lock'].sort(), 'a temp file and a stale lock are left');
      // The next writer breaks the dead writer's lock and sweeps its temp file.
      await applyToFile(p.path, addWork({ title: 'After the crash' }), { root: p.dir, random: seededRandom(3) });
      assert.deepEqual(strays(p.folder), [], 'nothing left behind');
      const { doc } = await loadCampaign(p.path);
      const titles = doc.model.remaining_work.map((x) => x.title);
      assert.ok(titles.includes('After the crash'));
      assert.ok(!titles.includes('Killed 0'));
    } finally {
      p.cleanup();
    }
  });

  it('a crashed writer\'s lock, met by 8 writers at once: broken once, every write lands exactly once', async () => {
    const p = project();
    try {
      const w = startWriter(p.path, 'Killed', { CAMPAIGN_TEST_PAUSE_BEFORE_RENAME_MS: '30000' });
      await w.waitFor(/paused before rename/, 'stderr');
      await kill(w.child, w.exited);
      assert.ok(existsSync(`${p.path}.lock`), 'a stale lock is left');
      const writers = Array.from({ length: 8 }, (_, i) => startWriter(p.path, `After ${i}`, {}, 1));
      // Each writes one item and exits.
      await Promise.all(writers.map((x) => x.exited));
      for (const x of writers) assert.match(x.state.stdout, /^done 0$/m, x.state.stderr);
      const titles = (await loadCampaign(p.path)).doc.model.remaining_work.map((x) => x.title);
      for (let i = 0; i < 8; i++) assert.ok(titles.includes(`After ${i} 0`), `After ${i} 0`);
      assert.equal(new Set(titles).size, titles.length, 'nothing twice');
      assert.ok(!titles.includes('Killed 0'));
      await applyToFile(p.path, addWork({ title: 'Last' }), { root: p.dir });
      assert.deepEqual(strays(p.folder), [], 'no lock, temp or set-aside lock file left');
    } finally {
      p.cleanup();
    }
  });

  it(`a busy writer killed at random moments, ${ITERATIONS} times: never a torn file, every finished write kept, no temp files pile up`, async (t) => {
    const p = project();
    const started = Date.now();
    const tally = { kills: 0, writesFinished: 0, killedMidWrite: 0, pausedKills: 0 };
    try {
      const base = CampaignDocument.parse(readFileSync(p.path, 'utf8')).model;
      let expected: string[] = base.remaining_work.map((x) => x.title);
      let withoutWrite = 0;
      for (let i = 0; i < ITERATIONS; i++) {
        // Half the runs widen the temp-to-rename window so kills land inside it.
        const pause = i % 2 ? String(1 + (i % 7) * 3) : '';
        const w = startWriter(p.path, `C${i}`, pause ? { CAMPAIGN_TEST_PAUSE_BEFORE_RENAME_MS: pause } : {});
        await w.waitFor(/^ready$/m, 'stdout');
        await new Promise((r) => setTimeout(r, 10 + Math.random() * 200));
        await kill(w.child, w.exited);
        tally.kills++;
        if (pause) tally.pausedKills++;

        const text = readFileSync(p.path, 'utf8');
        const cd = CampaignDocument.parse(text); // never torn: always a complete, valid file
        const titles = cd.model.remaining_work.map((x) => x.title);
        const mine = titles.slice(expected.length);
        assert.deepEqual(titles.slice(0, expected.length), expected, `iteration ${i}: every earlier write kept, in order`);
        const finished = w.state.done + 1;
        // Either the last write it reported, or one more that landed just before the kill.
        assert.ok(mine.length === finished || mine.length === finished + 1, `iteration ${i}: ${mine.length} items, ${finished} reported`);
        assert.deepEqual(mine, Array.from({ length: mine.length }, (_, k) => `C${i} ${k}`));
        assert.deepEqual({ ...cd.model, remaining_work: [] }, { ...base, remaining_work: [] }, 'nothing else changed');
        assert.ok(text.includes('# Security first') && text.endsWith('\n'));
        if (mine.length === finished + 1) tally.killedMidWrite++;
        tally.writesFinished += mine.length;
        expected = titles;
        // A writer that got to write swept the temp files of the dead ones
        // before it: at most its own is left (plus those of writers killed
        // before they could write anything).
        withoutWrite = mine.length > 0 ? 0 : withoutWrite + 1;
        const left = strays(p.folder);
        assert.ok(left.filter((n) => n.endsWith('.tmp')).length <= 1 + withoutWrite, `iteration ${i}: temp files pile up: ${left.join(', ')}`);
      }
      // One more write clears the last leftovers.
      await applyToFile(p.path, addWork({ title: 'Final' }), { root: p.dir });
      assert.deepEqual(strays(p.folder), [], 'no temp or lock file left');
      assert.equal(existsSync(`${p.path}.lock`), false);
      const ms = Date.now() - started;
      t.diagnostic(
        `${tally.kills} kills (${tally.pausedKills} with a widened temp-to-rename window): ${tally.writesFinished} writes landed, ${tally.killedMidWrite} of them just before the kill; ${ms} ms`,
      );
      recordBattery('crash safety', { kills: tally.kills, writes: tally.writesFinished, ms });
    } finally {
      p.cleanup();
    }
  });
});
