// Property-based fuzzing of the core: generated campaign files (every way
// people, agents and the seed write them) and random sequences of named
// operations. Each operation either applies — and the file re-reads to what
// an independent reference model says it should — or refuses with a
// CampaignError and the text is byte-identical. Parse → no-op write is byte
// for byte. Comments survive unless they belonged to something the operation
// removed or replaced. CAMPAIGN_FUZZ_RUNS=N runs more; CAMPAIGN_FUZZ_SEED
// reproduces a run.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { addWork, completeWork, removeWork, updateWork } from '../../src/core/operations/workOps';
import { endSession, startSession, updateSession } from '../../src/core/operations/sessionOps';
import { logDecision, supersedeDecision } from '../../src/core/operations/decisionOps';
import { addConstraint, removeConstraint, setHandoff, setIdentity } from '../../src/core/operations/identityOps';
import type { Operation } from '../../src/core/operations/operation';
import { CampaignError } from '../../src/core/model/problems';
import { anyText, fuzzRuns, fuzzSeed, generatedCampaign, someText, type GeneratedCampaign } from '../support/campaignArbitraries';
import { ReferenceCampaign, Refused, type OpInputRef, type Priority, type WorkStatus } from '../support/referenceCampaign';
import { seededRandom } from '../support/fixtures';
import { recordBattery } from '../support/batteryStats';

// ---- operations as data ---------------------------------------------------------

const priority = fc.constantFrom<Priority>('high', 'medium', 'low');
const status = fc.constantFrom<WorkStatus>('todo', 'in_progress', 'blocked', 'done');
const ref: fc.Arbitrary<OpInputRef> = fc.record({
  kind: fc.constantFrom<OpInputRef['kind']>('id', 'pos', 'title', 'titleCase', 'raw', 'id', 'pos', 'title'),
  n: fc.nat(12),
  raw: fc.oneof(anyText, fc.constantFrom('0', '1', '99', 'w1', 'd1', 'nope')),
});
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const texts = fc.array(anyText, { maxLength: 3 });

type OpDesc =
  | { op: 'addWork'; title: string; priority?: Priority; notes?: string }
  | { op: 'updateWork'; ref: OpInputRef; title?: string; priority?: Priority; status?: WorkStatus; notes?: string | null }
  | { op: 'completeWork' | 'removeWork'; ref: OpInputRef }
  | { op: 'startSession'; focus?: string; blockers?: string[]; workRef?: OpInputRef; replace?: boolean }
  | { op: 'endSession'; done: string[]; next: { title: string; priority: Priority }[]; handoff?: string; notes: string[]; decisions: { decision: string; rationale: string }[] }
  | { op: 'updateSession'; focus?: string; blockers?: string[] }
  | { op: 'logDecision'; decision: string; rationale: string }
  | { op: 'supersedeDecision'; ref: OpInputRef; decision: string; rationale: string }
  | { op: 'setIdentity'; name?: string; purpose?: string; tech_stack?: string[] }
  | { op: 'addConstraint'; text: string }
  | { op: 'removeConstraint'; ref: OpInputRef }
  | { op: 'setHandoff'; next_session?: string | null; notes?: string[] };

const decisionInput = fc.record({ decision: fc.oneof(someText, anyText), rationale: fc.oneof(someText, someText, anyText) });

const opDesc: fc.Arbitrary<OpDesc & { day: number }> = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: fc.record({ op: fc.constant('addWork' as const), title: fc.oneof(someText, anyText), priority: opt(priority), notes: opt(anyText) }, { requiredKeys: ['op', 'title'] }) },
      {
        weight: 4,
        arbitrary: fc.record(
          { op: fc.constant('updateWork' as const), ref, title: anyText, priority, status, notes: fc.oneof(anyText, fc.constant(null)) },
          { requiredKeys: ['op', 'ref'] },
        ),
      },
      { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('completeWork' as const, 'removeWork' as const), ref }) },
      {
        weight: 2,
        arbitrary: fc.record(
          { op: fc.constant('startSession' as const), focus: anyText, blockers: texts, workRef: ref, replace: fc.boolean() },
          { requiredKeys: ['op'] },
        ),
      },
      {
        weight: 2,
        arbitrary: fc.record(
          {
            op: fc.constant('endSession' as const),
            done: texts,
            next: fc.array(fc.record({ title: anyText, priority }), { maxLength: 2 }),
            handoff: anyText,
            notes: texts,
            decisions: fc.array(decisionInput, { maxLength: 2 }),
          },
          { requiredKeys: ['op', 'done', 'next', 'notes', 'decisions'] },
        ),
      },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('updateSession' as const), focus: anyText, blockers: texts }, { requiredKeys: ['op'] }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('logDecision' as const), decision: fc.oneof(someText, anyText), rationale: fc.oneof(someText, anyText) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('supersedeDecision' as const), ref, decision: someText, rationale: fc.oneof(someText, anyText) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('setIdentity' as const), name: anyText, purpose: anyText, tech_stack: texts }, { requiredKeys: ['op'] }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('addConstraint' as const), text: fc.oneof(someText, anyText) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('removeConstraint' as const), ref }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('setHandoff' as const), next_session: fc.oneof(anyText, fc.constant(null)), notes: texts }, { requiredKeys: ['op'] }) },
    ),
    fc.constantFrom(24, 24, 25),
  )
  .map(([d, day]) => ({ ...(d as OpDesc), day }));

// ---- running an operation on both sides -------------------------------------------------

const p2 = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
const isoDate = (d: Date) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
function isoTimestamp(d: Date): string {
  const off = -d.getTimezoneOffset();
  return `${isoDate(d)}T${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}${off >= 0 ? '+' : '-'}${p2(off / 60)}:${p2(off % 60)}`;
}

/** The core operation for a description, with references resolved against the reference state. */
function coreOp(d: OpDesc, ref: ReferenceCampaign): Operation<unknown> {
  const w = (r: OpInputRef) => ref.workRefString(r);
  const o = <T extends object>(x: T): T => Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined)) as T;
  switch (d.op) {
    case 'addWork':
      return addWork(o({ title: d.title, priority: d.priority, notes: d.notes })) as Operation<unknown>;
    case 'updateWork':
      return updateWork(w(d.ref), o({ title: d.title, priority: d.priority, status: d.status, notes: d.notes })) as Operation<unknown>;
    case 'completeWork':
      return completeWork(w(d.ref)) as Operation<unknown>;
    case 'removeWork':
      return removeWork(w(d.ref)) as Operation<unknown>;
    case 'startSession':
      return startSession(o({ focus: d.focus, blockers: d.blockers, workRef: d.workRef && w(d.workRef), replace: d.replace })) as Operation<unknown>;
    case 'endSession':
      return endSession(o({ done: d.done, next: d.next, handoff: d.handoff, notes: d.notes, decisions: d.decisions })) as Operation<unknown>;
    case 'updateSession':
      return updateSession(o({ focus: d.focus, blockers: d.blockers })) as Operation<unknown>;
    case 'logDecision':
      return logDecision({ decision: d.decision, rationale: d.rationale }) as Operation<unknown>;
    case 'supersedeDecision':
      return supersedeDecision(ref.decisionRefString(d.ref), { decision: d.decision, rationale: d.rationale }) as Operation<unknown>;
    case 'setIdentity':
      return setIdentity(o({ name: d.name, purpose: d.purpose, tech_stack: d.tech_stack })) as Operation<unknown>;
    case 'addConstraint':
      return addConstraint(d.text) as Operation<unknown>;
    case 'removeConstraint':
      return removeConstraint(ref.constraintRefString(d.ref)) as Operation<unknown>;
    case 'setHandoff':
      return setHandoff(o({ next_session: d.next_session, notes: d.notes })) as Operation<unknown>;
  }
}

/** Applies the description to the reference; `result` is what the core returned (for new ids). */
function referenceApply(d: OpDesc, ref: ReferenceCampaign, now: Date, result: unknown): void {
  const today = isoDate(now);
  const queue = (ids: unknown): (() => string) => {
    const list = (Array.isArray(ids) ? ids : [ids]).filter((x): x is string => typeof x === 'string' && x !== '');
    return () => list.shift() ?? 'MISSING-ID';
  };
  const w = (r: OpInputRef) => ref.workRefString(r);
  switch (d.op) {
    case 'addWork':
      return ref.addWork(d, today, queue(result));
    case 'updateWork':
      return ref.updateWork(w(d.ref), d, today);
    case 'completeWork':
      return ref.completeWork(w(d.ref), today);
    case 'removeWork':
      return ref.removeWork(w(d.ref));
    case 'startSession': {
      const { workRef, ...rest } = d;
      const input: Parameters<ReferenceCampaign['startSession']>[0] = { ...rest };
      if (workRef) input.workRef = w(workRef);
      return ref.startSession(input, isoTimestamp(now), today);
    }
    case 'endSession': {
      const r = (result ?? {}) as { addedWork?: string[]; decisionIds?: string[] };
      return ref.endSession(d, today, { work: queue(r.addedWork ?? []), decision: queue(r.decisionIds ?? []) });
    }
    case 'updateSession':
      return ref.updateSession(d);
    case 'logDecision':
      return ref.logDecision(d, today, queue(result));
    case 'supersedeDecision':
      return ref.supersedeDecision(ref.decisionRefString(d.ref), d, today, queue(result));
    case 'setIdentity':
      return ref.setIdentity(d);
    case 'addConstraint':
      return ref.addConstraint(d.text);
    case 'removeConstraint':
      return ref.removeConstraint(ref.constraintRefString(d.ref));
    case 'setHandoff':
      return ref.setHandoff(d, today);
  }
}

/** Would the reference refuse? (Run on a throwaway copy, before the core runs.) */
function referenceRefuses(d: OpDesc, ref: ReferenceCampaign, now: Date): boolean {
  const copy = ref.clone();
  const placeholder = d.op === 'endSession' ? { addedWork: Array(9).fill('w-zzzz'), decisionIds: Array(9).fill('d-zzzz') } : 'w-zzzz';
  try {
    referenceApply(d, copy, now, placeholder);
    return false;
  } catch (err) {
    if (err instanceof Refused) return true;
    throw err;
  }
}

// ---- checks ---------------------------------------------------------------------------

function checkFormat(before: string, after: string, label: string): void {
  assert.equal(after.startsWith('\ufeff'), before.startsWith('\ufeff'), `${label}: BOM kept`);
  const crlf = /^\ufeff?[^\n]*\r\n/.test(before);
  if (crlf) assert.doesNotMatch(after.replace(/\r\n/g, ''), /\n/, `${label}: every line ending stays CRLF`);
  else if (before.includes('\n')) assert.doesNotMatch(after, /\r\n/, `${label}: LF file stays LF`);
}

function checkComments(gen: GeneratedCampaign, ref: ReferenceCampaign, text: string, label: string, before = ''): void {
  for (const c of gen.comments) {
    if (!ref.alive(c.owner)) continue;
    const found = c.text.includes('\n') ? c.text.split('\n').every((l) => text.includes(`#${l}`)) : text.includes(`#${c.text}`);
    assert.ok(found, `${label}: comment "#${c.text}" (owner ${c.owner}) was lost\n--- before ---\n${before}\n--- after ---\n${text}`);
  }
}

const counters = { campaigns: 0, operations: 0, applied: 0, refused: 0, noops: 0 };

function runSequence(gen: GeneratedCampaign, ops: (OpDesc & { day: number })[], persistent: boolean): void {
  counters.campaigns++;
  const first = CampaignDocument.parse(gen.text);
  assert.equal(first.toString(), gen.text, 'parse → toString is byte-identical');
  const ref = new ReferenceCampaign(gen.data);
  assert.deepEqual(first.model, ref.model(), 'the generated file reads as the reference says');
  checkComments(gen, ref, gen.text, 'generated');

  let text = gen.text;
  let cd = first;
  const random = seededRandom(ops.length + 7);
  for (const [step, d] of ops.entries()) {
    counters.operations++;
    const label = `step ${step} ${d.op} ${JSON.stringify(d)}`;
    const now = new Date(2026, 10, d.day, 12, 0, 0);
    if (!persistent) cd = CampaignDocument.parse(text);
    const expectRefusal = referenceRefuses(d, ref, now);
    const idsBefore = new Set([...ref.work.map((x) => x.id), ...ref.decisions.map((x) => x.id)]);
    let result: unknown;
    try {
      result = cd.apply(coreOp(d, ref), { now, random });
    } catch (err) {
      if (!(err instanceof CampaignError)) throw new Error(`${label}: crashed with ${String((err as Error)?.stack ?? err)}`);
      counters.refused++;
      assert.ok(expectRefusal, `${label}: refused (${err.message}) but the reference applies it`);
      assert.equal(cd.toString(), text, `${label}: a refused operation leaves the text byte-identical`);
      continue;
    }
    assert.ok(!expectRefusal, `${label}: applied but the reference refuses it`);
    referenceApply(d, ref, now, result);
    const after = cd.toString();
    if (after === text) counters.noops++;
    else counters.applied++;
    checkFormat(text, after, label);
    let reread: CampaignDocument;
    try {
      reread = CampaignDocument.parse(after);
    } catch (err) {
      throw new Error(`${label}: the written text does not parse: ${String(err)} ${JSON.stringify((err as CampaignError).problems)}\n--- before ---\n${text}\n--- after ---\n${after}`);
    }
    assert.equal(reread.toString(), after, `${label}: the written file round-trips byte for byte`);
    assert.deepEqual(reread.model, ref.model(), `${label}: the file re-reads to the expected model\n--- before ---\n${text}\n--- after ---\n${after}`);
    assert.deepEqual(cd.model, ref.model(), `${label}: the document's own model matches`);
    for (const id of [...ref.work.map((x) => x.id), ...ref.decisions.map((x) => x.id)]) {
      if (id && !idsBefore.has(id)) assert.match(id, /^[wd]-[a-z2-9]{4,}$/, `${label}: new id ${id}`);
    }
    checkComments(gen, ref, after, label, text);
    text = after;
  }
}

describe('fuzz: generated campaigns and random operations', () => {
  it('every operation applies as the reference model says, or refuses leaving the text byte-identical', (t) => {
    t.diagnostic(`fuzz seed ${fuzzSeed()} (replay: CAMPAIGN_FUZZ_SEED=${fuzzSeed()} and the path fast-check prints in CAMPAIGN_FUZZ_PATH)`);
    const started = Date.now();
    const numRuns = fuzzRuns(200);
    fc.assert(
      fc.property(generatedCampaign, fc.array(opDesc, { minLength: 1, maxLength: 8 }), fc.boolean(), (gen, ops, persistent) => {
        runSequence(gen, ops, persistent);
      }),
      { numRuns, seed: fuzzSeed(), path: process.env.CAMPAIGN_FUZZ_PATH, endOnFailure: process.env.CAMPAIGN_FUZZ_SHRINK !== '1', includeErrorInReport: true },
    );
    const ms = Date.now() - started;
    t.diagnostic(`${counters.campaigns} campaigns, ${counters.operations} operations: ${counters.applied} applied, ${counters.noops} no-ops, ${counters.refused} refused (${ms} ms)`);
    recordBattery('fuzz: operation sequences', { cases: counters.campaigns, operations: counters.operations, ms });
  });

  it('parse → no-op write is byte-identical for every generated file', (t) => {
    t.diagnostic(`fuzz seed ${fuzzSeed()} (replay: CAMPAIGN_FUZZ_SEED=${fuzzSeed()} and the path fast-check prints in CAMPAIGN_FUZZ_PATH)`);
    let n = 0;
    fc.assert(
      fc.property(generatedCampaign, (gen) => {
        n++;
        const cd = CampaignDocument.parse(gen.text);
        assert.equal(cd.toString(), gen.text);
        // Applying an operation that changes nothing also writes nothing.
        cd.apply({ name: 'noop', apply: () => undefined }, { now: new Date(2026, 10, 24, 12) });
        assert.equal(cd.toString(), gen.text);
      }),
      { numRuns: fuzzRuns(300), seed: fuzzSeed(), path: process.env.CAMPAIGN_FUZZ_PATH, includeErrorInReport: true },
    );
    t.diagnostic(`${n} files`);
    recordBattery('fuzz: no-op round trip', { cases: n });
  });
});
