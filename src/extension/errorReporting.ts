// How a failed command tells the person: one error notification whose
// actions lead to the fix — "Open File" for a problem in the campaign file,
// "Manage Workspace Trust" when the workspace is untrusted, "Initialize
// Campaign" when there is no file, "Show Log" for anything unexpected (the
// stack is in the log, not in the notification). A write refused because the
// file is broken is the exception: no notification (it would outlive the fix).
import * as vscode from 'vscode';
import { CampaignError } from '../core/model/problems';
import { showCampaignFile } from './campaignFileEditor';
import type { CampaignStore } from './campaignStore';
import { CommandIds } from './commandIds';
import type { Logger } from './logger';
import type { Ui } from './ui';
import { WriteRefusedError } from './campaignWriter';

const OPEN_FILE = 'Open File';
const SHOW_LOG = 'Show Log';
const MANAGE_TRUST = 'Manage Workspace Trust';
const INITIALIZE = 'Initialize Campaign';

export interface ErrorContext {
  ui: Ui;
  log: Logger;
  /** What was being done, for the log (`campaign.addWorkItem`). */
  what: string;
  store?: CampaignStore;
}

/** Shows the error without waiting for the person to answer; the chosen action runs when they do. */
export function reportError(err: unknown, ctx: ErrorContext): void {
  if (err instanceof WriteRefusedError && err.refusal.reason === 'invalid') {
    showInvalidRefusal(err, ctx);
    return;
  }
  const { message, actions, store } = describeError(err, ctx);
  void ctx.ui.showErrorMessage(message, ...actions).then(
    (choice) => runAction(choice, store, ctx),
    (e: unknown) => ctx.log.error('showing an error failed', e),
  );
}

function describeError(err: unknown, ctx: ErrorContext): { message: string; actions: string[]; store?: CampaignStore } {
  if (err instanceof WriteRefusedError) {
    ctx.log.info(`${ctx.what}: refused (${err.refusal.reason}) — ${err.message}`);
    switch (err.refusal.reason) {
      case 'untrusted':
        return { message: err.message, actions: [MANAGE_TRUST], store: err.store };
      case 'missing':
        return { message: err.message, actions: [INITIALIZE], store: err.store };
      case 'invalid':
        return { message: err.message, actions: [OPEN_FILE, SHOW_LOG], store: err.store };
      case 'loading':
        return { message: err.message, actions: [], store: err.store };
    }
  }
  const store = ctx.store;
  if (err instanceof CampaignError) {
    // A campaign-level refusal (no such item, a session already active, a read-only file): the message is the help.
    ctx.log.warn(`${ctx.what}: ${err.message}`);
    return { message: err.message, actions: store?.hasFile ? [OPEN_FILE, SHOW_LOG] : [SHOW_LOG], store };
  }
  ctx.log.error(`${ctx.what} failed`, err);
  const detail = err instanceof Error ? err.message : String(err);
  return { message: `Campaign: ${detail}`, actions: store?.hasFile ? [OPEN_FILE, SHOW_LOG] : [SHOW_LOG], store };
}

/**
 * A write refused because the file is broken. Not a notification: an
 * extension cannot dismiss its own, so it would outlive the fix. The broken
 * state already shows in the Session view, the status bar and the Problems
 * panel; the refusal opens that panel and says why in the status bar for a
 * few seconds.
 */
function showInvalidRefusal(err: WriteRefusedError, ctx: ErrorContext): void {
  ctx.log.info(`${ctx.what}: refused (invalid) — ${err.message}`);
  vscode.window.setStatusBarMessage(`$(warning) ${err.message.replace(/\$\(/g, '\\$(')}`, INVALID_REFUSAL_MS);
  void vscode.commands.executeCommand('workbench.actions.view.problems').then(undefined, () => undefined);
}

const INVALID_REFUSAL_MS = 8_000;

async function runAction(choice: string | undefined, store: CampaignStore | undefined, ctx: ErrorContext): Promise<void> {
  try {
    switch (choice) {
      case OPEN_FILE:
        if (store) await showCampaignFile(store);
        break;
      case SHOW_LOG:
        ctx.log.show();
        break;
      case MANAGE_TRUST:
        await vscode.commands.executeCommand('workbench.trust.manage');
        break;
      case INITIALIZE:
        await vscode.commands.executeCommand(CommandIds.initialize);
        break;
    }
  } catch (e) {
    ctx.log.error(`action "${choice}" failed`, e);
  }
}
