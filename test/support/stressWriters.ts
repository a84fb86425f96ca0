// A manual stress run (not part of `npm test`): ROUNDS rounds of 8 CLI
// writers against one campaign file while foreignWriter.js saves it in place
// as fast as it can (20 writes a round, 0–5 ms apart). Prints what was lost
// and whether the file still has all its sections. This is how the
// "half-saved file taken for an empty campaign" wipe was found (2 runs in 6
// ended with only `remaining_work` left); see docs/testing-battery.md.
//
//   node scripts/build.mjs --tests && node out/test/support/stressWriters.js [ROUNDS] [RUNS]
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CampaignDocument } from '../../src/core/document/campaignDocument';

const exec = promisify(execFile);
const root = process.env.CAMPAIGN_REPO_ROOT ?? join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const foreign = join(__dirname, 'foreignWriter.js');

async function once(rounds: number): Promise<{ sections: number; ours: number; oursKept: number; failures: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-stress-'));
  try {
    mkdirSync(join(dir, '.claude'));
    const path = join(dir, '.claude', 'campaign.yaml');
    copyFileSync(join(root, 'test', 'fixtures', 'campaigns', 'commented.yaml'), path);
    const failures: string[] = [];
    const titles: string[] = [];
    for (let r = 0; r < rounds; r++) {
      const writer = exec(process.execPath, [foreign, path, `R${r}`, '20', '0', '5', join(dir, 'foreign.log')]).catch((e: { stderr?: string }) => {
        failures.push(`foreign: ${e.stderr ?? e}`);
      });
      const ours = Array.from({ length: 8 }, (_, i) => {
        const title = `R${r} ${i}`;
        titles.push(title);
        return exec(process.execPath, [cli, 'work', 'add', '--title', title], { cwd: dir }).catch((e: { stderr?: string }) => {
          failures.push(`${title}: ${e.stderr ?? e}`);
        });
      });
      await Promise.all([writer, ...ours]);
    }
    const text = readFileSync(path, 'utf8');
    const sections = text.split('\n').filter((l) => /^[a-z_]+:/.test(l)).length;
    const kept = new Set(CampaignDocument.parse(text).model.remaining_work.map((w) => w.title));
    return { sections, ours: titles.length, oursKept: titles.filter((t) => kept.has(t)).length, failures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 8);
  const runs = Number(process.argv[3] ?? 5);
  let wiped = 0;
  for (let i = 0; i < runs; i++) {
    const r = await once(rounds);
    if (r.sections < 9) wiped++;
    console.log(`run ${i + 1}: ${r.sections} of 9 sections, ${r.oursKept}/${r.ours} of our items kept, ${r.failures.length} refusals${r.failures.length ? `: ${r.failures[0]!.split('\n')[0]}` : ''}`);
  }
  console.log(`${wiped} of ${runs} runs lost sections`);
  process.exitCode = wiped ? 1 : 0;
}

void main();
