// Job: what the Campaign in-host suites share — the running extension's API
// (returned by activate()), the campaign file of the test workspace, a way to
// set its content and wait until the extension has read it, and a scripted
// Ui that answers the prompts a person would.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HandoffPanelArgs } from '../../src/extension/handoffPanel';
import type { CampaignExtensionApi } from '../../src/extension/extension';
import type { WorkNode } from '../../src/extension/remainingWorkTree';
import type { PickOrTypeOptions, PickOrTypeResult, Ui } from '../../src/extension/ui';
import { activateExtension, waitFor, workspaceRoot } from './helpers';

export async function campaignApi(): Promise<CampaignExtensionApi> {
  const ext = await activateExtension();
  const api = ext.exports as CampaignExtensionApi;
  assert.ok(api?.workspace, 'activate() returns the Campaign API');
  await api.workspace.ready();
  return api;
}

/** A work item's row in Remaining Work, found by its title across the priority groups. */
export function workNode(api: CampaignExtensionApi, title: string): Extract<WorkNode, { kind: 'work' }> {
  const tree = api.views.remainingWork;
  const found = tree
    .getChildren()
    .flatMap((g) => tree.getChildren(g))
    .find((n): n is Extract<WorkNode, { kind: 'work' }> => n.kind === 'work' && n.item.title === title);
  assert.ok(found, `no work item "${title}" in the view`);
  return found;
}

export function campaignPath(): string {
  return join(workspaceRoot().fsPath, '.claude', 'campaign.yaml');
}

export function readCampaign(): string {
  return readFileSync(campaignPath(), 'utf8');
}

/**
 * Test setup: writes (or with undefined, deletes) the campaign file and has the
 * store read it now. Setup does not wait for the file watcher, which can be
 * seconds late while the workbench starts; campaignLive.test.ts checks the
 * watcher itself.
 */
export async function setCampaignOnDisk(api: CampaignExtensionApi, text: string | undefined): Promise<void> {
  const path = campaignPath();
  if (text === undefined) {
    rmSync(path, { force: true });
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  await api.workspace.active?.reload();
  await waitForStore(api, text, 'the store to read the new campaign file');
}

/** Waits until the shown store holds `text` (valid or invalid), or is missing for undefined. */
export async function waitForStore(api: CampaignExtensionApi, text: string | undefined, what: string, timeoutMs = 5000): Promise<void> {
  await waitFor(
    () => {
      const s = api.workspace.active?.state;
      if (!s) return false;
      if (text === undefined) return s.kind === 'missing';
      return (s.kind === 'valid' || s.kind === 'invalid') && s.text === text;
    },
    what,
    timeoutMs,
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- A Ui that answers from a script -------------------------------------------

export type Answer =
  /** An input box: the text typed, or undefined for Escape. Text that fails validateInput is refused, as in VS Code. */
  | { input: string | undefined }
  /** A Quick Pick: the first item whose label contains this text; undefined for Escape. */
  | { pick: string | undefined }
  /** A multi-select Quick Pick: the items whose labels contain these texts, exactly; undefined for Escape. */
  | { picks: string[] | undefined }
  /** Start Session's pick-or-type: free text. */
  | { typed: string }
  /** A modal warning: the button pressed, or undefined for Cancel. */
  | { button: string | undefined };

export interface ShownMessage {
  kind: 'info' | 'warning' | 'error';
  message: string;
  actions: string[];
}

export class ScriptedUi implements Ui {
  private readonly answers: Answer[] = [];
  readonly messages: ShownMessage[] = [];
  /** Titles/prompts of every question asked, in order. */
  readonly asked: string[] = [];
  /** Messages validateInput returned for refused answers. */
  readonly validationErrors: string[] = [];
  /** Quick Pick items offered, per question. */
  readonly offered: string[][] = [];
  /** The same questions' items in full (descriptions, which one starts active via `picked`). */
  readonly offeredItems: vscode.QuickPickItem[][] = [];

  answer(...answers: Answer[]): this {
    this.answers.push(...answers);
    return this;
  }

  /** Every scripted answer was used. */
  assertDone(): void {
    assert.deepEqual(this.answers, [], 'every scripted answer was used');
  }

  private next<K extends string>(key: K, question: string): Extract<Answer, Record<K, unknown>> {
    this.asked.push(question);
    const a = this.answers.shift();
    if (!a || !(key in a)) throw new Error(`unexpected question "${question}" (expected a ${key} answer, had ${JSON.stringify(a)})`);
    return a as Extract<Answer, Record<K, unknown>>;
  }

  async showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const question = `${options.title ?? ''} ${options.prompt ?? ''}`.trim();
    for (;;) {
      const { input } = this.next('input', question);
      if (input === undefined) return undefined;
      const problem = await options.validateInput?.(input);
      const text = typeof problem === 'string' ? problem : problem?.message;
      if (!text) return input;
      this.validationErrors.push(text);
    }
  }

  async showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    this.offered.push(items.map((i) => i.label));
    this.offeredItems.push([...items]);
    const { pick } = this.next('pick', options.title ?? options.placeHolder ?? 'quick pick');
    if (pick === undefined) return undefined;
    const found = items.find((i) => i.label.includes(pick));
    if (!found) throw new Error(`no item "${pick}" among ${items.map((i) => i.label).join(' | ')}`);
    return found;
  }

  /** Quick Pick items that started selected, per multi-select question. */
  readonly preselected: string[][] = [];

  async showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<readonly T[] | undefined> {
    this.offered.push(items.map((i) => i.label));
    this.preselected.push(items.filter((i) => i.picked).map((i) => i.label));
    const { picks } = this.next('picks', options.title ?? options.placeHolder ?? 'quick pick');
    if (picks === undefined) return undefined;
    return picks.map((p) => {
      const found = items.find((i) => i.label.includes(p));
      if (!found) throw new Error(`no item "${p}" among ${items.map((i) => i.label).join(' | ')}`);
      return found;
    });
  }

  async pickOrType<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOrTypeOptions): Promise<PickOrTypeResult<T> | undefined> {
    this.offered.push(items.map((i) => i.label));
    this.asked.push(options.title);
    const a = this.answers.shift();
    if (a && 'typed' in a) return { typed: a.typed };
    if (a && 'pick' in a) {
      if (a.pick === undefined) return undefined;
      const found = items.find((i) => i.label.includes(a.pick!));
      if (!found) throw new Error(`no item "${a.pick}" among ${items.map((i) => i.label).join(' | ')}`);
      return { picked: found };
    }
    throw new Error(`unexpected pick-or-type "${options.title}" (had ${JSON.stringify(a)})`);
  }

  async showInformationMessage(message: string, ...actions: string[]): Promise<string | undefined> {
    this.messages.push({ kind: 'info', message, actions });
    return undefined;
  }

  async showWarningMessage(message: string, options: vscode.MessageOptions, ...actions: string[]): Promise<string | undefined> {
    this.messages.push({ kind: 'warning', message, actions });
    if (!options.modal) return undefined;
    return this.next('button', message).button;
  }

  async showErrorMessage(message: string, ...actions: string[]): Promise<string | undefined> {
    this.messages.push({ kind: 'error', message, actions });
    return undefined;
  }

  lastError(): ShownMessage | undefined {
    return this.messages.filter((m) => m.kind === 'error').at(-1);
  }
}

/** Runs `fn` with a scripted Ui in place of the real one. */
export async function withUi<T>(api: CampaignExtensionApi, ui: ScriptedUi, fn: () => Thenable<T>): Promise<T> {
  const real = api.commands.ui;
  api.commands.ui = ui;
  try {
    return await fn();
  } finally {
    api.commands.ui = real;
  }
}

export function campaignExists(): boolean {
  return existsSync(campaignPath());
}

/** A campaign with a little of everything, in the shape people write by hand. */
export const SAMPLE = `# Campaign: Auth Service
# Hand-written; the team edits this file directly too.
version: 1

identity:
  name: Auth Service   # the repo is auth-svc
  purpose: Self-hosted authentication for the mobile app
  tech_stack: [Python, PostgreSQL]

constraints:
  - No external auth providers

active_session: null

remaining_work:
  # Security first
  - id: w1
    title: Implement password reset flow
    priority: high
    status: todo
    notes: "Partial work on the **auth/reset** branch <b>see</b> [link](command:workbench.action.quit)"
  - id: w2
    title: Add rate limiting to auth endpoints
    priority: medium
    status: todo
  - id: w3
    title: Write API documentation
    priority: low
    status: blocked

build_log:
  - date: "2026-03-20"
    title: Database Schema
    accomplishments:
      - Created user and session tables
  - date: "2026-03-21"
    title: Authentication System
    accomplishments:
      - Implemented JWT-based auth
    decisions:
      - JWT tokens

decisions_log:
  - id: d1
    date: "2026-03-20"
    decision: MongoDB
    rationale: Flexible documents
    status: superseded
    superseded_by: d2
  - id: d2
    date: "2026-03-20"
    decision: PostgreSQL
    rationale: ACID compliance needed
  - id: d3
    date: "2026-03-21"
    decision: JWT tokens
    rationale: Stateless auth, scalable

handoff_notes:
  next_session: Start with password reset
  notes:
    - Check the auth/reset branch
`;

/** Runs End Session with the form's opener swapped out, and returns what the form would have been given. */
export async function endSessionCapturingForm(api: CampaignExtensionApi): Promise<HandoffPanelArgs | undefined> {
  let opened: HandoffPanelArgs | undefined;
  const realOpen = api.commands.openHandoff;
  api.commands.openHandoff = (_uri, args) => {
    opened = args;
  };
  try {
    await vscode.commands.executeCommand('campaign.endSession');
  } finally {
    api.commands.openHandoff = realOpen;
  }
  return opened;
}
