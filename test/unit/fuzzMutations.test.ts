// Fuzzing the reader with mangled files: generated campaigns, then truncated,
// bytes flipped, indentation broken, tabs, YAML punctuation sprinkled, lines
// duplicated or dropped, huge scalars, deep nesting, alias bombs. Every case
// runs in a worker thread with a time limit. The core must never crash (only
// CampaignError), never hang, point every problem at a line and column ≥ 1,
// and whatever it does read must round-trip and take an edit cleanly.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { fuzzRuns, fuzzSeed, generatedCampaign } from '../support/campaignArbitraries';
import { TimeBoxedReader } from '../support/timeBox';
import { recordBattery } from '../support/batteryStats';

// A case that does not finish is a hang, reported as one. The limit is a
// liveness guard, far above honest work on a loaded machine (reading is linear:
// about 8 µs per element of a flow list, a second or two for a 400 KB list);
// how fast cases are read is a speed target in bench/refusals.ts.
const hangMs = (bytes: number) => 60_000 + (bytes / 1024) * 200;

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bits: number }
  | { kind: 'bytes'; at: number; bytes: number[] }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'indent'; line: number; delta: number }
  | { kind: 'tabs'; line: number }
  | { kind: 'dupLine' | 'dropLine' | 'swapLines'; line: number }
  | { kind: 'huge'; line: number; size: number; shape: 'plain' | 'quoted' | 'block' | 'key' | 'flow' }
  | { kind: 'nest'; depth: number; open: '[' | '{' | '- ' }
  | { kind: 'aliases'; levels: number };

const PUNCT = [':', ': ', '-', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', '&a ', '*a', '!', '!!binary ', '|', '>', '\t', '\n', '\r', '\r\n', ' ', '%', '@', '`', '?', ',', '\u0000', '\ufeff', '\u2028', '\u0085', '---\n', '...\n', '<<: *a\n', '\\'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }), weight: 4 },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bits: fc.integer({ min: 1, max: 255 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('bytes' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.array(fc.constantFrom(...PUNCT), { minLength: 1, maxLength: 3 }).map((a) => a.join('')) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('indent' as const), line: fc.nat(200), delta: fc.integer({ min: -4, max: 4 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('tabs' as const), line: fc.nat(200) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('dupLine' as const, 'dropLine' as const, 'swapLines' as const), line: fc.nat(200) }) },
  {
    // Rare (they dominate the run time) but always in the mix.
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('huge' as const),
      line: fc.nat(200),
      size: fc.constantFrom(10_000, 60_000, 250_000),
      shape: fc.constantFrom<'plain' | 'quoted' | 'block' | 'key' | 'flow'>('plain', 'quoted', 'block', 'key', 'flow'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('nest' as const), depth: fc.constantFrom(50, 1000, 5000, 20000), open: fc.constantFrom<'[' | '{' | '- '>('[', '{', '- ') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('aliases' as const), levels: fc.integer({ min: 2, max: 12 }) }) },
);

function mutate(text: string, m: Mutation): string | Buffer {
  const lines = text.split('\n');
  const pick = (n: number) => (lines.length ? n % lines.length : 0);
  const pos = (at: number) => Math.floor(at * text.length);
  switch (m.kind) {
    case 'truncate':
      return Buffer.from(text).subarray(0, Math.floor(m.at * Buffer.byteLength(text)));
    case 'flip': {
      const b = Buffer.from(text);
      if (b.length) b[Math.min(b.length - 1, Math.floor(m.at * b.length))]! ^= m.bits;
      return b;
    }
    case 'bytes': {
      const b = Buffer.from(text);
      const at = Math.floor(m.at * b.length);
      return Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
    }
    case 'insert':
      return text.slice(0, pos(m.at)) + m.text + text.slice(pos(m.at));
    case 'delete':
      return text.slice(0, pos(m.at)) + text.slice(pos(m.at) + m.length);
    case 'indent': {
      const i = pick(m.line);
      lines[i] = m.delta >= 0 ? ' '.repeat(m.delta) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.delta}}`), '');
      return lines.join('\n');
    }
    case 'tabs': {
      const i = pick(m.line);
      lines[i] = lines[i]!.replace(/^( +)/, (s) => '\t'.repeat(Math.max(1, s.length / 2)));
      return lines.join('\n');
    }
    case 'dupLine':
      lines.splice(pick(m.line), 0, lines[pick(m.line)] ?? '');
      return lines.join('\n');
    case 'dropLine':
      lines.splice(pick(m.line), 1);
      return lines.join('\n');
    case 'swapLines': {
      const i = pick(m.line);
      const j = pick(m.line + 1);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 'huge': {
      const big = 'x'.repeat(m.size);
      const line = {
        plain: `x_big: ${big}`,
        quoted: `x_big: "${big}\\"${big.slice(0, 100)}"`,
        block: `x_big: |\n${`  ${big.slice(0, 80)}\n`.repeat(Math.ceil(m.size / 80))}`,
        key: `${big}: 1`,
        flow: `x_big: [${'a, '.repeat(Math.round(m.size / 12))}b]`,
      }[m.shape];
      lines.splice(pick(m.line), 0, line);
      return lines.join('\n');
    }
    case 'nest': {
      const close = m.open === '[' ? ']' : m.open === '{' ? '}' : '';
      const body =
        m.open === '- '
          ? Array.from({ length: Math.min(m.depth, 3000) }, (_, i) => `${'  '.repeat(i)}- `).join('\n') + 'x'
          : m.open.repeat(m.depth) + close.repeat(m.depth);
      return `${text}\nx_deep: ${m.open === '- ' ? '\n' : ''}${body}\n`;
    }
    case 'aliases': {
      const bomb = ['x_bomb0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let i = 1; i < m.levels; i++) bomb.push(`x_bomb${i}: &b${i} [${Array(9).fill(`*b${i - 1}`).join(', ')}]`);
      return `${text}\n${bomb.join('\n')}\n`;
    }
  }
}

describe('fuzz: mangled files are refused cleanly, never crash or hang', () => {
  let reader: TimeBoxedReader;
  before(() => {
    reader = new TimeBoxedReader();
    // Warm up: the first case also waits for the worker to load the core.
    assert.notEqual(reader.read(Buffer.from('version: 1\n'), 60_000), 'timeout');
  });
  after(() => reader.close());

  it('mutated campaign files: a CampaignError with line and column, or a clean read', (t) => {
    t.diagnostic(`fuzz seed ${fuzzSeed()} (replay: CAMPAIGN_FUZZ_SEED=${fuzzSeed()} and the path fast-check prints in CAMPAIGN_FUZZ_PATH)`);
    const tally = { cases: 0, read: 0, refused: 0, editsApplied: 0, editsRefused: 0, slowestMs: 0, byKind: {} as Record<string, number> };
    const started = Date.now();
    fc.assert(
      fc.property(generatedCampaign, fc.array(mutation, { minLength: 1, maxLength: 3 }), (gen, ms) => {
        let current: string | Buffer = gen.text;
        for (const m of ms) {
          current = mutate(typeof current === 'string' ? current : current.toString('utf8'), m);
          tally.byKind[m.kind] = (tally.byKind[m.kind] ?? 0) + 1;
        }
        const bytes = typeof current === 'string' ? Buffer.from(current) : current;
        tally.cases++;
        const outcome = reader.read(bytes, hangMs(bytes.length));
        if (process.env.CAMPAIGN_FUZZ_DUMP) writeFileSync(process.env.CAMPAIGN_FUZZ_DUMP, bytes);
        const what = `mutations ${JSON.stringify(ms.map((m) => ({ ...m })))} of\n${gen.text}`;
        assert.notEqual(outcome, 'timeout', `hung for over ${hangMs(bytes.length)} ms: ${what}`);
        if (outcome === 'timeout') return;
        tally.slowestMs = Math.max(tally.slowestMs, outcome.ms);
        assert.notEqual(outcome.kind, 'crash', `crashed instead of refusing: ${outcome.kind === 'crash' ? outcome.error : ''}\n${what}`);
        if (outcome.kind === 'refused') {
          tally.refused++;
          assert.ok(outcome.problems.length >= 1, `a refusal names at least one problem: ${outcome.message}\n${what}`);
          for (const p of outcome.problems) {
            assert.ok(Number.isInteger(p.line) && p.line >= 1, `line ≥ 1: ${JSON.stringify(p)}`);
            assert.ok(Number.isInteger(p.column) && p.column >= 1, `column ≥ 1: ${JSON.stringify(p)}`);
            assert.ok(p.line <= outcome.lines + 1, `line within the file (${outcome.lines} lines): ${JSON.stringify(p)}`);
            assert.ok(p.message.trim().length > 0, 'a problem says what is wrong');
          }
        } else if (outcome.kind === 'read') {
          tally.read++;
          assert.ok(outcome.roundTrip, `a file that reads must round-trip byte for byte: ${what}`);
          assert.ok(outcome.editOk, `an edit of it must read back: ${outcome.detail ?? ''} ${what}`);
          if (outcome.edit === 'applied') tally.editsApplied++;
          else tally.editsRefused++;
        }
      }),
      { numRuns: fuzzRuns(400), seed: fuzzSeed(), path: process.env.CAMPAIGN_FUZZ_PATH, endOnFailure: true, includeErrorInReport: true },
    );
    const ms = Date.now() - started;
    t.diagnostic(
      `${tally.cases} mangled files: ${tally.refused} refused with problems, ${tally.read} still readable (${tally.editsApplied} took an edit, ${tally.editsRefused} refused it); slowest ${Math.round(tally.slowestMs)} ms; worker restarts ${reader.restarts}; ${ms} ms`,
    );
    t.diagnostic(`mutations: ${JSON.stringify(tally.byKind)}`);
    recordBattery('fuzz: mangled files', { cases: tally.cases, refused: tally.refused, read: tally.read, slowestMs: Math.round(tally.slowestMs), ms });
  });

  it('random bytes and random unicode text: never a crash or a hang', (t) => {
    t.diagnostic(`fuzz seed ${fuzzSeed()} (replay: CAMPAIGN_FUZZ_SEED=${fuzzSeed()} and the path fast-check prints in CAMPAIGN_FUZZ_PATH)`);
    let n = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.string({ unit: 'grapheme', maxLength: 300 }).map((s) => Buffer.from(s)),
          fc.array(fc.constantFrom(...PUNCT, 'a', 'key', 'version', '1', ' ', '\n', '  '), { maxLength: 120 }).map((a) => Buffer.from(a.join(''))),
        ),
        (bytes) => {
          n++;
          const outcome = reader.read(bytes, hangMs(bytes.length));
          assert.notEqual(outcome, 'timeout', `hung: ${JSON.stringify(Buffer.from(bytes).toString('utf8'))}`);
          if (outcome === 'timeout') return;
          assert.notEqual(outcome.kind, 'crash', outcome.kind === 'crash' ? `${outcome.error}\n${JSON.stringify(Buffer.from(bytes).toString('utf8'))}` : '');
          if (outcome.kind === 'refused') {
            assert.ok(outcome.problems.length >= 1, `refusal without a problem: ${outcome.message} ${JSON.stringify(Buffer.from(bytes).toString('utf8'))}`);
            for (const p of outcome.problems) assert.ok(p.line >= 1 && p.column >= 1, JSON.stringify(p));
          } else if (outcome.kind === 'read') {
            assert.ok(outcome.roundTrip && outcome.editOk, `${outcome.detail ?? ''} ${JSON.stringify(Buffer.from(bytes).toString('utf8'))}`);
          }
        },
      ),
      { numRuns: fuzzRuns(1000), seed: fuzzSeed(), path: process.env.CAMPAIGN_FUZZ_PATH, endOnFailure: true, includeErrorInReport: true },
    );
    t.diagnostic(`${n} random inputs`);
    recordBattery('fuzz: random bytes and text', { cases: n });
  });
});
