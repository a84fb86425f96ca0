// The handoff panel's host logic against a stand-in `vscode` module: the CSP
// and nonce, the ready handshake, the guard on every incoming message, submit
// and its result, the single instance, the kept draft, and clean disposal.
// (The real panel in a real VS Code is covered by the in-host tests.)
import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import Module from 'node:module';
import type { EndSessionInput } from '../../src/core/operations/sessionOps';
import type { HandoffDraft, HandoffPrefill } from '../../src/protocol/handoffProtocol';

// ---- A minimal stand-in for the parts of the vscode API the panel uses --------

type Listener<T> = (e: T) => void;

class Emitter<T> {
  private listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  get count(): number {
    return this.listeners.size;
  }
}

interface FakeUri {
  path: string;
  toString(): string;
}
const uri = (path: string): FakeUri => ({ path, toString: () => `https://file+.vscode-resource.test${path}` });

class FakePanel {
  readonly received = new Emitter<unknown>();
  readonly disposeEvents = new Emitter<void>();
  readonly viewStateEvents = new Emitter<unknown>();
  readonly posted: { type: string; params: unknown }[] = [];
  visible = true;
  disposed = false;
  reveals = 0;
  deliver = true;
  readonly webview = {
    html: '',
    cspSource: 'https://csp.example',
    asWebviewUri: (u: FakeUri) => u,
    postMessage: (m: { type: string; params: unknown }) => {
      this.posted.push(m);
      return Promise.resolve(this.deliver);
    },
    onDidReceiveMessage: this.received.event,
  };
  readonly onDidDispose = this.disposeEvents.event;
  readonly onDidChangeViewState = this.viewStateEvents.event;
  constructor(
    readonly viewType: string,
    readonly title: string,
    readonly options: { enableScripts?: boolean; retainContextWhenHidden?: boolean; localResourceRoots?: FakeUri[] },
  ) {}
  reveal(): void {
    this.reveals++;
  }
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposeEvents.fire();
  }
  /** The webview sends a message (anything: the host must check it). */
  send(message: unknown): void {
    this.received.fire(message);
  }
  listenerCount(): number {
    return this.received.count + this.disposeEvents.count + this.viewStateEvents.count;
  }
}

const panels: FakePanel[] = [];
const trust = new Emitter<void>();
const fakeVscode = {
  Uri: { joinPath: (base: FakeUri, ...parts: string[]) => uri([base.path, ...parts].join('/')) },
  ViewColumn: { Active: -1 },
  window: {
    createWebviewPanel: (viewType: string, title: string, _show: unknown, options: FakePanel['options']) => {
      const p = new FakePanel(viewType, title, options);
      panels.push(p);
      return p;
    },
  },
  workspace: { onDidGrantWorkspaceTrust: trust.event },
};

const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolveFilename = loader._resolveFilename;
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  return request === 'vscode' ? 'vscode' : resolveFilename.call(this, request, ...rest);
};
require.cache['vscode'] = { id: 'vscode', filename: 'vscode', loaded: true, exports: fakeVscode } as unknown as NodeJS.Module;
// Loaded after the stand-in is in place.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HandoffPanel, handoffHtml, createNonce } =
  require('../../src/extension/handoffPanel') as typeof import('../../src/extension/handoffPanel');

// ---- Helpers --------------------------------------------------------------------

const extensionUri = uri('/ext') as unknown as import('vscode').Uri;
let sessionCounter = 0;

function prefill(): HandoffPrefill {
  sessionCounter++;
  return {
    focus: 'Handoff form',
    started: `2026-03-02T09:${String(sessionCounter).padStart(2, '0')}:00Z`,
    accomplishments: ['Protocol file'],
    suggestedNext: [{ title: 'Wire End Session', priority: 'high' }],
  };
}

const input: EndSessionInput = { done: ['Protocol file'], next: [], notes: [], decisions: [] };
const draft: HandoffDraft = { accomplishments: ['x'], next: [], handoff: 'half written', notes: [], decisions: [] };
const tick = () => new Promise((r) => setImmediate(r));

function open(overrides: Partial<Parameters<typeof HandoffPanel.show>[1]> = {}) {
  const logs: string[] = [];
  const submitted: EndSessionInput[] = [];
  const args = {
    prefill: prefill(),
    readOnly: false,
    onSubmit: async (i: EndSessionInput) => {
      submitted.push(i);
    },
    log: (m: string) => logs.push(m),
    ...overrides,
  };
  const handle = HandoffPanel.show(extensionUri, args);
  const panel = panels[panels.length - 1]!;
  return { handle, panel, logs, submitted, args };
}

beforeEach(() => {
  HandoffPanel.currentPanel?.dispose();
});

// ---- Tests ------------------------------------------------------------------------

describe('handoff panel (host)', () => {
  it('opens a scripted panel limited to dist/webview, not retained when hidden', () => {
    const { panel } = open();
    assert.equal(panel.viewType, 'campaign.handoff');
    assert.equal(panel.title, 'End Session — Handoff');
    assert.equal(panel.options.enableScripts, true);
    assert.equal(panel.options.retainContextWhenHidden, false);
    assert.deepEqual(panel.options.localResourceRoots?.map((u) => u.path), ['/ext/dist/webview']);
  });

  it('serves a shell with a strict CSP whose nonce tags the one script', () => {
    const { panel } = open();
    const html = panel.webview.html;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
    assert.ok(nonce.length >= 16, csp);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /style-src https:\/\/csp\.example(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0]!.includes(`nonce="${nonce}"`));
    assert.match(scripts[0]!, /src="https:\/\/file\+\.vscode-resource\.test\/ext\/dist\/webview\/handoff\.js"/);
    assert.match(html, /<link rel="stylesheet" href="[^"]*\/dist\/webview\/handoff\.css">/);
  });

  it('uses a fresh nonce per render', () => {
    const first = open().panel.webview.html;
    HandoffPanel.currentPanel?.dispose();
    const second = open().panel.webview.html;
    const nonceOf = (h: string) => /nonce-([^']+)'/.exec(h)?.[1];
    assert.notEqual(nonceOf(first), nonceOf(second));
    assert.notEqual(createNonce(), createNonce());
  });

  it('escapes what it puts into the shell', () => {
    const html = handoffHtml({ cspSource: 'x', scriptUri: '"><script>alert(1)</script>', styleUri: 's', nonce: 'n' });
    assert.equal([...html.matchAll(/<script\b/g)].length, 1);
  });

  it('posts nothing before ready, then init with the prefill', async () => {
    const { panel, args } = open({ readOnly: true });
    await tick();
    assert.deepEqual(panel.posted, []);
    panel.send({ type: 'ready', params: {} });
    await tick();
    assert.equal(panel.posted.length, 1);
    assert.deepEqual(panel.posted[0], { type: 'init', params: { draft: null, prefill: args.prefill, readOnly: true } });
  });

  it('ignores and logs malformed or hostile messages', async () => {
    const { panel, logs, submitted } = open();
    const hostile: unknown[] = [
      null,
      'submit',
      { type: 'submit', params: { input: { done: 'x' } } },
      { type: 'submit', params: { input: { ...input, decisions: [{ decision: 'd', rationale: '' }] } } },
      { type: 'ready', params: {}, extra: 1 },
      { type: 'init', params: {} },
      { type: 'x'.repeat(10_000), params: {} },
    ];
    for (const m of hostile) panel.send(m);
    await tick();
    assert.deepEqual(submitted, []);
    assert.deepEqual(panel.posted, []);
    assert.equal(logs.length, hostile.length);
    assert.ok(logs.every((l) => l.startsWith('[handoff] ignored a malformed message') && l.length < 120));
  });

  it('submits, reports success, and disposes everything', async () => {
    const { panel, submitted, handle } = open();
    panel.send({ type: 'ready', params: {} });
    panel.send({ type: 'submit', params: { input } });
    await tick();
    assert.deepEqual(submitted, [input]);
    assert.deepEqual(panel.posted.at(-1), { type: 'submitResult', params: { ok: true } });
    assert.equal(panel.disposed, true);
    assert.equal(panel.listenerCount(), 0);
    assert.equal(trust.count, 0);
    assert.equal(HandoffPanel.currentPanel, undefined);
    handle.dispose(); // idempotent
  });

  it('reports a failed submit in the form and stays open', async () => {
    const { panel, logs } = open({
      onSubmit: () => Promise.reject(new Error('The campaign file is invalid (3 problems)')),
    });
    panel.send({ type: 'ready', params: {} });
    panel.send({ type: 'submit', params: { input } });
    await tick();
    assert.deepEqual(panel.posted.at(-1), {
      type: 'submitResult',
      params: { ok: false, message: 'The campaign file is invalid (3 problems)' },
    });
    assert.equal(panel.disposed, false);
    assert.ok(logs.some((l) => l.includes('end session failed')));
  });

  it('clips a long error message to what the webview accepts', async () => {
    const { panel } = open({ onSubmit: () => Promise.reject(new Error('e'.repeat(50_000))) });
    panel.send({ type: 'ready', params: {} });
    panel.send({ type: 'submit', params: { input } });
    await tick();
    const result = panel.posted.at(-1)!.params as { ok: false; message: string };
    assert.equal(result.ok, false);
    assert.ok(result.message.length <= 4_000);
  });

  it('refuses to submit while read-only, and while a submit is in flight', async () => {
    const ro = open({ readOnly: true });
    ro.panel.send({ type: 'ready', params: {} });
    ro.panel.send({ type: 'submit', params: { input } });
    await tick();
    assert.deepEqual(ro.submitted, []);
    assert.equal((ro.panel.posted.at(-1)!.params as { ok: boolean }).ok, false);
    ro.handle.dispose();

    let release: () => void = () => {};
    const calls: EndSessionInput[] = [];
    const slow = open({
      onSubmit: (i) => {
        calls.push(i);
        return new Promise<void>((r) => (release = r));
      },
    });
    slow.panel.send({ type: 'ready', params: {} });
    slow.panel.send({ type: 'submit', params: { input } });
    slow.panel.send({ type: 'submit', params: { input } });
    await tick();
    assert.equal(calls.length, 1);
    assert.deepEqual(slow.panel.posted.at(-1), {
      type: 'submitResult',
      params: { ok: false, message: 'The session is already being ended.' },
    });
    release();
    await tick();
    assert.equal(slow.panel.disposed, true);
  });

  it('keeps a single instance: show reveals it and re-sends init with the new arguments', async () => {
    const first = open();
    first.panel.send({ type: 'ready', params: {} });
    const again = HandoffPanel.show(extensionUri, { ...first.args, readOnly: true });
    await tick();
    assert.equal(again, first.handle);
    assert.equal(panels.at(-1), first.panel);
    assert.equal(first.panel.reveals, 1);
    assert.deepEqual(
      first.panel.posted.map((m) => [m.type, (m.params as { readOnly: boolean }).readOnly]),
      [['init', false], ['init', true]],
    );
  });

  it('keeps the draft when the panel is closed and reopened in the same session; Cancel discards it', async () => {
    const first = open();
    first.panel.send({ type: 'ready', params: {} });
    first.panel.send({ type: 'draftChanged', params: { draft } });
    first.panel.dispose(); // the person closes the tab
    assert.equal(HandoffPanel.currentPanel, undefined);
    assert.equal(first.panel.listenerCount(), 0);

    const reopened = HandoffPanel.show(extensionUri, first.args);
    const panel = panels.at(-1)!;
    panel.send({ type: 'ready', params: {} });
    await tick();
    assert.deepEqual((panel.posted[0]!.params as { draft: HandoffDraft }).draft, draft);

    panel.send({ type: 'cancel', params: {} });
    assert.equal(panel.disposed, true);
    assert.equal(HandoffPanel.currentPanel, undefined);
    reopened.dispose();

    HandoffPanel.show(extensionUri, first.args);
    const third = panels.at(-1)!;
    third.send({ type: 'ready', params: {} });
    await tick();
    assert.equal((third.posted[0]!.params as { draft: HandoffDraft | null }).draft, null);
  });

  it('does not offer a draft from another session', async () => {
    const first = open();
    first.panel.send({ type: 'ready', params: {} });
    first.panel.send({ type: 'draftChanged', params: { draft } });
    first.panel.dispose();
    const second = open(); // a new prefill, so a new session key
    second.panel.send({ type: 'ready', params: {} });
    await tick();
    assert.equal((second.panel.posted[0]!.params as { draft: HandoffDraft | null }).draft, null);
  });

  it('holds a result while the webview is hidden and delivers it after the next ready', async () => {
    let release: () => void = () => {};
    const { panel } = open({ onSubmit: () => new Promise<void>((_, reject) => (release = () => reject(new Error('conflict')))) });
    panel.send({ type: 'ready', params: {} });
    panel.send({ type: 'submit', params: { input } });
    panel.visible = false;
    panel.viewStateEvents.fire({});
    release();
    await tick();
    assert.equal(panel.posted.length, 1, 'only the first init');
    panel.visible = true;
    panel.viewStateEvents.fire({});
    panel.send({ type: 'ready', params: {} });
    await tick();
    assert.deepEqual(
      panel.posted.map((m) => m.type),
      ['init', 'init', 'submitResult'],
    );
  });

  it('turns read-only off when the workspace becomes trusted', async () => {
    const { panel, submitted } = open({ readOnly: true });
    panel.send({ type: 'ready', params: {} });
    trust.fire();
    panel.send({ type: 'submit', params: { input } });
    await tick();
    assert.equal((panel.posted[1]!.params as { readOnly: boolean }).readOnly, false);
    assert.deepEqual(submitted, [input]);
  });

  it('Cancel on a filled form asks first: Discard closes and forgets the draft, keeping it keeps the form', async () => {
    const answers = [false, true];
    let asked = 0;
    const { panel } = open({
      confirmDiscard: async () => {
        asked++;
        return answers.shift()!;
      },
    });
    panel.send({ type: 'ready', params: {} });
    panel.send({ type: 'draftChanged', params: { draft } });
    panel.send({ type: 'cancel', params: { filled: true } });
    await tick();
    assert.equal(asked, 1);
    assert.equal(panel.disposed, false, 'keeping the form keeps the panel');
    assert.ok(HandoffPanel.currentPanel);
    panel.send({ type: 'cancel', params: { filled: true } });
    await tick();
    assert.equal(asked, 2);
    assert.equal(panel.disposed, true, 'Discard closes it');
  });

  it('Cancel on an unchanged form closes at once without asking', async () => {
    let asked = 0;
    const { panel } = open({ confirmDiscard: async () => ++asked > 0 });
    panel.send({ type: 'ready', params: {} });
    panel.send({ type: 'cancel', params: { filled: false } });
    await tick();
    assert.equal(asked, 0);
    assert.equal(panel.disposed, true);
  });
});
