// A worker thread that reads one (possibly mangled) campaign file at a time,
// so the fuzz test can time-box every case: the test blocks on a shared flag
// with a timeout and terminates this worker if a case hangs. Compiled to
// out/test/support/parseWorker.js. For each case it reports whether the core
// read the bytes, refused them with a CampaignError (and its problems), or
// crashed with anything else.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { decodeCampaignBytes } from '../../src/core/file/campaignFile';
import { addWork } from '../../src/core/operations/workOps';
import { CampaignError } from '../../src/core/model/problems';
import { seededRandom } from './fixtures';

export interface ParseCase {
  bytes: Uint8Array;
}

export type ParseOutcome =
  | { kind: 'read'; roundTrip: boolean; edit: 'applied' | 'refused'; editOk: boolean; detail?: string; ms: number }
  | { kind: 'refused'; message: string; problems: { line: number; column: number; message: string }[]; lines: number; ms: number }
  | { kind: 'crash'; error: string; ms: number };

/** FNV-1a of the bytes. */
function seedOf(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

export function readCase(bytes: Uint8Array): ParseOutcome {
  const started = performance.now();
  let text = '';
  try {
    text = decodeCampaignBytes(Buffer.from(bytes));
    const cd = CampaignDocument.parse(text);
    void cd.model;
    const roundTrip = cd.toString() === text;
    // An edit of a mangled-but-readable file either applies and reads back, or refuses.
    try {
      // Ids from a PRNG seeded by the bytes: a fuzz seed replays the same ids, so a failure reproduces.
      cd.apply(addWork({ title: 'Fuzz probe' }), { now: new Date(2026, 10, 24, 12), random: seededRandom(seedOf(bytes)) });
      const after = cd.toString();
      const reread = CampaignDocument.parse(after, { maxBytes: Number.MAX_SAFE_INTEGER });
      const editOk = reread.model.remaining_work.some((w) => w.title === 'Fuzz probe') && reread.toString() === after;
      return { kind: 'read', roundTrip, edit: 'applied', editOk, ms: performance.now() - started };
    } catch (err) {
      if (err instanceof CampaignError) return { kind: 'read', roundTrip, edit: 'refused', editOk: true, detail: err.message, ms: performance.now() - started };
      throw err;
    }
  } catch (err) {
    const ms = performance.now() - started;
    if (err instanceof CampaignError) {
      return {
        kind: 'refused',
        message: err.message,
        problems: err.problems.map((p) => ({ line: p.line, column: p.column, message: p.message })),
        lines: text.split('\n').length,
        ms,
      };
    }
    return { kind: 'crash', error: err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err), ms };
  }
}

if (parentPort && workerData?.flag) {
  const flag = new Int32Array(workerData.flag as SharedArrayBuffer);
  const port = workerData.port as MessagePort;
  port.on('message', (c: ParseCase) => {
    const outcome = readCase(c.bytes);
    port.postMessage(outcome);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
}
