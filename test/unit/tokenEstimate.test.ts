// The token estimate against the real o200k_base count (gpt-tokenizer): it must
// never fall below 0.9 of the real count — on realistic text (READMEs, sources,
// primers of fixture campaigns, prose in several languages), on a large
// deterministic generated corpus (seeded PRNG; identifiers, paths, URLs,
// numbers, hashes, scripts, emoji, whitespace runs, control characters, random
// code points) and on fast-check's arbitrary strings — while staying close on
// English prose and Markdown (≤ 1.35x in aggregate). Also: the estimator's own
// splitter makes exactly the pieces of o200k's pre-tokenizer regex.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { O200K_TOKEN_SPLIT_REGEX } from 'gpt-tokenizer/encodingParams/constants';
import { estimateTokens, forEachPiece } from '../../src/core/primer/tokenEstimate';
import { arbitraryText, CODE, FOREIGN, fixturePrimers, generators, MARKDOWN, PROSE, realFiles, realTokens, windows } from '../support/tokenCorpus';

const FLOOR = 0.9;
const PROSE_CEILING = 1.35;

// ---- the checks ---------------------------------------------------------------------------

interface Tally {
  samples: number;
  estimated: number;
  real: number;
  minRatio: number;
  worst: string;
}

function measure(samples: Iterable<string>): Tally {
  const t: Tally = { samples: 0, estimated: 0, real: 0, minRatio: Infinity, worst: '' };
  for (const s of samples) {
    const real = realTokens(s);
    const est = estimateTokens(s);
    t.samples++;
    t.estimated += est;
    t.real += real;
    if (real > 0 && est / real < t.minRatio) {
      t.minRatio = est / real;
      t.worst = s;
    }
  }
  return t;
}

function assertFloor(name: string, t: Tally): void {
  assert.ok(
    t.minRatio >= FLOOR,
    `${name}: estimate ${t.minRatio.toFixed(3)}x of the real count on ${JSON.stringify(t.worst.slice(0, 200))}`,
  );
}

describe('estimateTokens', () => {
  it('is 0 for empty text, positive otherwise, and deterministic', () => {
    assert.equal(estimateTokens(''), 0);
    for (const s of [' ', 'a', '\n', '😀', 'hello world']) {
      assert.ok(estimateTokens(s) >= realTokens(s), s);
      assert.equal(estimateTokens(s), estimateTokens(s));
    }
  });

  it('splits text exactly like o200k_base pre-tokenizer regex', () => {
    const texts: string[] = [...PROSE, ...MARKDOWN, ...CODE, ...FOREIGN];
    const gens = generators(11);
    for (const g of Object.values(gens)) for (let i = 0; i < 20; i++) texts.push(g());
    const unit = fc.constantFrom(' ', '\n', '\r', '\t', 'a', 'B', "'", 's', 'l', 'L', 'v', 'e', '1', '٣', '.', '/', '\u0301', '\u00a0', '日', 'ǅ', 'ʰ', '\u2028', '\ud800', '😀');
    texts.push(...fc.sample(fc.string({ unit, maxLength: 40 }), { numRuns: 2000, seed: 5 }));
    texts.push(...fc.sample(fc.string({ unit: 'binary', size: 'medium' }), { numRuns: 1000, seed: 6 }));
    for (const text of texts) {
      const ours: string[] = [];
      forEachPiece(text, (start, end) => ours.push(text.slice(start, end)));
      const theirs = [...text.matchAll(new RegExp(O200K_TOKEN_SPLIT_REGEX.source, 'gu'))].map((m) => m[0]);
      assert.deepEqual(ours, theirs, JSON.stringify(text));
    }
  });

  it(`never undercounts realistic text by more than 10%, and stays within ${PROSE_CEILING}x on English prose and Markdown`, (t) => {
    const prose = measure([...PROSE, ...PROSE.map((p) => p.split('. ')[0]!), PROSE.join('\n\n')]);
    const markdown = measure([...MARKDOWN, MARKDOWN.join('\n')]);
    const readmes = realFiles('markdown');
    const readmeWindows = measure(readmes.flatMap((f, i) => [f.text, ...windows(f.text, 100 + i, 40)]));
    const sources = realFiles('code');
    const code = measure([...CODE, ...sources.flatMap((f, i) => [f.text, ...windows(f.text, 200 + i, 10)])]);
    const foreign = measure([...FOREIGN, FOREIGN.join(' ')]);
    for (const [name, tally] of Object.entries({ prose, markdown, readmeWindows, code, foreign })) {
      assertFloor(name, tally);
      t.diagnostic(`${name}: ${tally.samples} samples, min ${tally.minRatio.toFixed(3)}x, aggregate ${(tally.estimated / tally.real).toFixed(3)}x`);
    }
    assert.ok(readmes.length > 0 && sources.length > 0, 'READMEs in node_modules and src/core sources to measure');
    for (const [name, tally] of Object.entries({ prose, markdown, readmeWindows })) {
      assert.ok(tally.estimated / tally.real <= PROSE_CEILING, `${name}: ${(tally.estimated / tally.real).toFixed(3)}x overall`);
    }
  });

  it('never undercounts the generated corpus by more than 10%', (t) => {
    const perCategory = 150;
    let worst = Infinity;
    for (const [name, g] of Object.entries(generators(20260321))) {
      const tally = measure(Array.from({ length: perCategory }, g));
      assertFloor(name, tally);
      worst = Math.min(worst, tally.minRatio);
      t.diagnostic(`${name}: min ${tally.minRatio.toFixed(3)}x, aggregate ${(tally.estimated / tally.real).toFixed(3)}x`);
    }
    t.diagnostic(`worst over ${Object.keys(generators(0)).length} categories: ${worst.toFixed(3)}x`);
  });

  it('stays within the bound on English prose and Markdown generated in bulk', () => {
    const g = generators(7);
    for (const name of ['prose', 'markdown'] as const) {
      const tally = measure(Array.from({ length: 200 }, g[name]!));
      assertFloor(name, tally);
      assert.ok(tally.estimated / tally.real <= PROSE_CEILING, `${name}: ${(tally.estimated / tally.real).toFixed(3)}x`);
    }
  });

  it('never undercounts the primers of fixture campaigns by more than 10%', (t) => {
    const tally = measure(fixturePrimers());
    assertFloor('primers', tally);
    assert.ok(tally.estimated / tally.real <= PROSE_CEILING, `primers: ${(tally.estimated / tally.real).toFixed(3)}x`);
    t.diagnostic(`primers: min ${tally.minRatio.toFixed(3)}x, aggregate ${(tally.estimated / tally.real).toFixed(3)}x`);
  });

  it('never undercounts fast-check arbitrary strings by more than 10%', () => {
    const property = fc.property(
      arbitraryText(),
      (s) => {
        const real = realTokens(s);
        const est = estimateTokens(s);
        assert.ok(est >= FLOOR * real, `estimate ${est} < 0.9 x ${real} for ${JSON.stringify(s)}`);
      },
    );
    fc.assert(property, { numRuns: 6000, seed: 424242 });
  });
});
