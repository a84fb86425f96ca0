// The handoff form's message protocol: the guards accept exactly the messages
// each side may send and refuse malformed or hostile ones; the webview sources
// never turn text into markup.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  CancelMessage,
  createMessage,
  DraftChangedMessage,
  fitPrefill,
  HANDOFF_LIMITS,
  InitMessage,
  isHostMessage,
  isWebviewMessage,
  ReadyMessage,
  SubmitMessage,
  SubmitResultMessage,
  type HandoffDraft,
  type HandoffPrefill,
} from '../../src/protocol/handoffProtocol';
import type { EndSessionInput } from '../../src/core/operations/sessionOps';

const repoRoot = process.env.CAMPAIGN_REPO_ROOT ?? resolve(__dirname, '../../..');

const input: EndSessionInput = {
  done: ['Protocol file'],
  next: [{ title: 'Wire End Session', priority: 'high' }],
  handoff: 'Start with the command.',
  notes: ['Watch the CSP'],
  decisions: [{ decision: 'Use vscode-elements', rationale: 'Maintained; the toolkit is sunset' }],
};

const draft: HandoffDraft = {
  accomplishments: ['Protocol file', ''],
  next: [{ title: '', priority: 'medium' }],
  handoff: '',
  notes: [],
  decisions: [{ decision: 'half filled', rationale: '' }],
};

const prefill: HandoffPrefill = {
  focus: 'Handoff form',
  started: '2026-03-02T09:00:00Z',
  accomplishments: ['a'],
  suggestedNext: [{ title: 'b', priority: 'low' }],
};

const submit = (i: unknown) => ({ type: 'submit', params: { input: i } });

describe('handoff protocol: messages from the webview', () => {
  it('accepts every well-formed message', () => {
    assert.ok(isWebviewMessage(createMessage(ReadyMessage, {})));
    assert.ok(isWebviewMessage(createMessage(CancelMessage, {})));
    assert.ok(isWebviewMessage(createMessage(CancelMessage, { filled: true })));
    assert.ok(!isWebviewMessage({ type: 'cancel', params: { filled: 'yes' } }), 'filled is a boolean');
    assert.ok(!isWebviewMessage({ type: 'cancel', params: { filled: true, extra: 1 } }), 'no unknown keys');
    assert.ok(isWebviewMessage(createMessage(DraftChangedMessage, { draft })));
    assert.ok(isWebviewMessage(createMessage(SubmitMessage, { input })));
    const { handoff: _omitted, ...withoutHandoff } = input;
    assert.ok(isWebviewMessage(submit(withoutHandoff)), 'handoff is optional');
  });

  it('uses the wire names the brief fixes', () => {
    assert.deepEqual(
      [InitMessage, SubmitResultMessage, ReadyMessage, DraftChangedMessage, SubmitMessage, CancelMessage].map((k) => k.type),
      ['init', 'submitResult', 'ready', 'draftChanged', 'submit', 'cancel'],
    );
  });

  it('survives a structured-clone round trip (what postMessage does)', () => {
    assert.ok(isWebviewMessage(structuredClone(createMessage(SubmitMessage, { input }))));
  });

  it('refuses anything that is not a message', () => {
    for (const bad of [undefined, null, 0, 'ready', true, [], ['ready'], () => 1, { type: 'ready' }, { params: {} }]) {
      assert.equal(isWebviewMessage(bad), false, String(bad));
    }
  });

  it('refuses unknown types, host-only types and extra keys', () => {
    const bad: unknown[] = [
      { type: 'eval', params: {} },
      { type: 'init', params: { draft: null, prefill, readOnly: false } },
      { type: 'submitResult', params: { ok: true } },
      { type: 'READY', params: {} },
      { type: 'ready', params: {}, extra: 1 },
      { type: 'ready', params: { x: 1 } },
      { type: 'cancel', params: null },
      { type: 'ready', params: [] },
      { type: 'toString', params: {} },
      { type: '__proto__', params: {} },
    ];
    for (const m of bad) assert.equal(isWebviewMessage(m), false, JSON.stringify(m));
  });

  it('refuses submits whose input has the wrong shape', () => {
    const bad: unknown[] = [
      undefined,
      {},
      { ...input, done: 'Protocol file' },
      { ...input, done: [1] },
      { ...input, done: [null] },
      { ...input, next: [{ title: 'x' }] },
      { ...input, next: [{ title: 'x', priority: 'urgent' }] },
      { ...input, next: [{ title: 'x', priority: 'HIGH' }] },
      { ...input, next: [{ title: 'x', priority: 'high', id: 'w1' }] },
      { ...input, handoff: 42 },
      { ...input, handoff: null },
      { ...input, notes: undefined },
      { ...input, decisions: [{ decision: 'x' }] },
      { ...input, decisions: [{ decision: 'x', rationale: ['y'] }] },
      { ...input, extra: true },
    ];
    for (const i of bad) assert.equal(isWebviewMessage(submit(i)), false, JSON.stringify(i));
  });

  it('refuses blank entries and half-filled decisions in a submit (the form never sends them)', () => {
    const bad: unknown[] = [
      { ...input, done: ['  '] },
      { ...input, next: [{ title: '', priority: 'low' }] },
      { ...input, handoff: '   ' },
      { ...input, notes: [''] },
      { ...input, decisions: [{ decision: 'Use X', rationale: ' ' }] },
      { ...input, decisions: [{ decision: '', rationale: 'Because' }] },
    ];
    for (const i of bad) assert.equal(isWebviewMessage(submit(i)), false, JSON.stringify(i));
  });

  it('refuses oversized input', () => {
    const tooMany = Array.from({ length: HANDOFF_LIMITS.maxRows + 1 }, (_, i) => `item ${i}`);
    const tooLong = 'x'.repeat(HANDOFF_LIMITS.maxLineLength + 1);
    assert.equal(isWebviewMessage(submit({ ...input, done: tooMany })), false);
    assert.equal(isWebviewMessage(submit({ ...input, notes: [tooLong] })), false);
    assert.equal(isWebviewMessage(submit({ ...input, handoff: 'y'.repeat(HANDOFF_LIMITS.maxHandoffLength + 1) })), false);
    assert.ok(isWebviewMessage(submit({ ...input, handoff: 'y'.repeat(HANDOFF_LIMITS.maxHandoffLength) })));
    const hugeDraft = { ...draft, accomplishments: tooMany };
    assert.equal(isWebviewMessage({ type: 'draftChanged', params: { draft: hugeDraft } }), false);
  });

  it('refuses prototype tricks, class instances, symbol keys and sparse arrays', () => {
    const polluted: unknown = JSON.parse(`{"type":"submit","params":{"input":${JSON.stringify(input).replace('{', '{"__proto__":{"admin":true},')}}}`);
    assert.equal(isWebviewMessage(polluted), false, '__proto__ as an own key');
    assert.equal(isWebviewMessage(submit(Object.assign(Object.create({ inherited: 1 }), input))), false);
    assert.equal(isWebviewMessage(Object.assign(new (class Msg {})(), { type: 'ready', params: {} })), false);
    assert.equal(isWebviewMessage({ type: 'ready', params: { [Symbol('x')]: 1 } }), false);
    // eslint-disable-next-line no-sparse-arrays
    const sparse = ['a', , 'c'];
    assert.equal(isWebviewMessage(submit({ ...input, done: sparse })), false);
    assert.equal(({} as Record<string, unknown>).admin, undefined, 'nothing was polluted');
  });

  it('accepts a draft with blank and half-filled rows (it is work in progress), but not with wrong types', () => {
    assert.ok(isWebviewMessage({ type: 'draftChanged', params: { draft } }));
    assert.equal(isWebviewMessage({ type: 'draftChanged', params: { draft: { ...draft, handoff: undefined } } }), false);
    assert.equal(isWebviewMessage({ type: 'draftChanged', params: { draft: { ...draft, next: [{ title: '', priority: 'p0' }] } } }), false);
    assert.equal(isWebviewMessage({ type: 'draftChanged', params: {} }), false);
  });
});

describe('handoff protocol: messages from the host', () => {
  it('accepts init and both submit results', () => {
    assert.ok(isHostMessage(createMessage(InitMessage, { draft: null, prefill, readOnly: false })));
    assert.ok(isHostMessage(createMessage(InitMessage, { draft, prefill, readOnly: true })));
    assert.ok(isHostMessage(createMessage(SubmitResultMessage, { ok: true })));
    assert.ok(isHostMessage(createMessage(SubmitResultMessage, { ok: false, message: 'The file is invalid' })));
  });

  it('refuses malformed host messages', () => {
    const bad: unknown[] = [
      { type: 'ready', params: {} },
      { type: 'init', params: { draft: null, prefill, readOnly: 'no' } },
      { type: 'init', params: { draft: undefined, prefill, readOnly: false } },
      { type: 'init', params: { draft: null, prefill: { ...prefill, focus: 1 }, readOnly: false } },
      { type: 'submitResult', params: { ok: true, message: 'x' } },
      { type: 'submitResult', params: { ok: false } },
      { type: 'submitResult', params: { ok: 'false', message: 'x' } },
      { type: 'submitResult', params: { ok: false, message: 'x'.repeat(HANDOFF_LIMITS.maxMessageLength + 1) } },
    ];
    for (const m of bad) assert.equal(isHostMessage(m), false, JSON.stringify(m).slice(0, 120));
  });

  it('fitPrefill makes any prefill acceptable to the webview', () => {
    const huge: HandoffPrefill = {
      focus: 'f'.repeat(HANDOFF_LIMITS.maxLineLength * 2),
      started: prefill.started,
      accomplishments: Array.from({ length: HANDOFF_LIMITS.maxRows * 2 }, () => 'c'.repeat(HANDOFF_LIMITS.maxLineLength + 5)),
      suggestedNext: [{ title: 't', priority: 'urgent' as 'high' }],
    };
    assert.equal(isHostMessage(createMessage(InitMessage, { draft: null, prefill: huge, readOnly: false })), false);
    const fitted = fitPrefill(huge);
    assert.ok(isHostMessage(createMessage(InitMessage, { draft: null, prefill: fitted, readOnly: false })));
    assert.equal(fitted.accomplishments.length, HANDOFF_LIMITS.maxRows);
    assert.equal(fitted.suggestedNext[0]!.priority, 'medium');
    assert.deepEqual(fitPrefill(prefill), prefill, 'a prefill within the limits is unchanged');
  });
});

describe('handoff webview sources', () => {
  function sourcesUnder(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return sourcesUnder(p);
      return /\.(ts|js|mjs|html|css)$/.test(name) ? [p] : [];
    });
  }

  it('never turn text into markup (no innerHTML, unsafeHTML, insertAdjacentHTML, …)', () => {
    const files = [...sourcesUnder(join(repoRoot, 'webview')), join(repoRoot, 'src/protocol/handoffProtocol.ts')];
    assert.ok(files.some((f) => f.endsWith(join('handoff', 'main.ts'))), `webview sources found under ${repoRoot}`);
    const forbidden = /\b(innerHTML|outerHTML|insertAdjacentHTML|unsafeHTML|unsafeSVG|createContextualFragment|DOMParser|document\.write|srcdoc)\b/;
    const offenders = files.filter((f) => forbidden.test(readFileSync(f, 'utf8'))).map((f) => relative(repoRoot, f));
    assert.deepEqual(offenders, []);
  });

  it('import vscode-elements per component, never the whole bundle or the sunset toolkit', () => {
    const files = sourcesUnder(join(repoRoot, 'webview')).filter((f) => f.endsWith('.ts'));
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/from\s+'(@vscode[^']*)'|import\s+'(@vscode[^']*)'/g)) {
        const spec = m[1] ?? m[2] ?? '';
        assert.match(spec, /^@vscode-elements\/elements\/dist\/vscode-[a-z-]+\/(index|vscode-[a-z-]+)\.js$/, `${relative(repoRoot, f)}: ${spec}`);
      }
      assert.doesNotMatch(text, /@vscode\/webview-ui-toolkit/);
    }
  });
});
