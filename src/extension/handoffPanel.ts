// The host side of the handoff form: one webview panel at a time, a strict
// nonce-based CSP, the `ready` handshake before anything is posted, every
// incoming message checked by the protocol's guard, and the submit handed to
// an injected `onSubmit` (the end-session operation). The draft lives in the
// webview's state and, as a copy, here — so it survives the panel being
// hidden (the webview is torn down: retainContextWhenHidden is off), reloaded,
// or closed and reopened during the same session.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { EndSessionInput } from '../core/operations/sessionOps';
import {
  CancelMessage,
  createMessage,
  DraftChangedMessage,
  fitPrefill,
  HANDOFF_LIMITS,
  InitMessage,
  isWebviewMessage,
  ReadyMessage,
  SubmitMessage,
  SubmitResultMessage,
  type HandoffDraft,
  type HandoffPrefill,
  type HostToWebviewMessage,
  type SubmitResultParams,
} from '../protocol/handoffProtocol';

export interface HandoffPanelArgs {
  prefill: HandoffPrefill;
  /** Untrusted workspace: the form opens but cannot submit. */
  readOnly: boolean;
  /** Applies the end-session operation; a rejection is shown in the form. */
  onSubmit: (input: EndSessionInput) => Promise<void>;
  /**
   * Asked before Cancel throws away a form the person filled in; true to
   * discard. Default: a modal warning with a "Discard" button.
   */
  confirmDiscard?: () => Thenable<boolean>;
  log?: (message: string) => void;
}

export const HANDOFF_VIEW_TYPE = 'campaign.handoff';
export const HANDOFF_TITLE = 'End Session — Handoff';

const READ_ONLY_MESSAGE = 'This workspace is not trusted, so Campaign is read-only. Trust the workspace to end the session.';
const BUSY_MESSAGE = 'The session is already being ended.';
export const DISCARD_QUESTION = 'Discard the handoff you started?';
export const DISCARD_DETAIL = 'What you entered in the End Session form will be lost. The session stays active.';
export const DISCARD_BUTTON = 'Discard';

/** The default question before a filled form is discarded: a modal warning. */
function askDiscard(): Thenable<boolean> {
  return vscode.window
    .showWarningMessage(DISCARD_QUESTION, { modal: true, detail: DISCARD_DETAIL }, DISCARD_BUTTON)
    .then((choice) => choice === DISCARD_BUTTON);
}

export class HandoffPanel implements vscode.Disposable {
  private static current: HandoffPanel | undefined;
  /** The last draft and the session it belongs to; in memory only. */
  private static saved: { sessionKey: string; draft: HandoffDraft } | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private args: HandoffPanelArgs;
  /** The webview has sent `ready` since it was last (re)loaded. */
  private ready = false;
  private submitting = false;
  /** A "discard the form?" question is open. */
  private confirming = false;
  private disposed = false;
  /** A submit result the webview could not receive yet (it was hidden); sent after the next `ready`. */
  private pendingResult: SubmitResultParams | undefined;

  /** Opens the handoff form, or reveals it (with the new arguments) when it is already open. */
  static show(extensionUri: vscode.Uri, args: HandoffPanelArgs): HandoffPanel {
    const existing = HandoffPanel.current;
    if (existing) {
      existing.update(args);
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      HANDOFF_VIEW_TYPE,
      HANDOFF_TITLE,
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
        retainContextWhenHidden: false,
      },
    );
    HandoffPanel.current = new HandoffPanel(panel, extensionUri, args);
    return HandoffPanel.current;
  }

  /** The open panel, if any. */
  static get currentPanel(): HandoffPanel | undefined {
    return HandoffPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    args: HandoffPanelArgs,
  ) {
    this.args = args;
    const webview = panel.webview;
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        // Without retainContextWhenHidden the hidden webview is destroyed; it
        // will say `ready` again when it is shown.
        if (!panel.visible) this.ready = false;
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.args.readOnly) this.update({ ...this.args, readOnly: false });
      }),
    );
    this.render();
  }

  private log(message: string): void {
    this.args.log?.(`[handoff] ${message}`);
  }

  private update(args: HandoffPanelArgs): void {
    this.args = args;
    // A webview that is up gets the new prefill and trust state; it keeps its
    // draft when the session is the same one.
    if (this.ready) this.postInit();
  }

  private render(): void {
    const webview = this.panel.webview;
    const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    this.ready = false;
    webview.html = handoffHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'handoff.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'handoff.css')).toString(),
      nonce: createNonce(),
    });
  }

  private onMessage(message: unknown): void {
    if (this.disposed) return;
    if (!isWebviewMessage(message)) {
      this.log(`ignored a malformed message${describeType(message)}`);
      return;
    }
    switch (message.type) {
      case ReadyMessage.type:
        this.ready = true;
        this.postInit();
        if (this.pendingResult) {
          const result = this.pendingResult;
          this.pendingResult = undefined;
          this.postResult(result);
        }
        break;
      case DraftChangedMessage.type:
        HandoffPanel.saved = { sessionKey: this.args.prefill.started, draft: message.params.draft };
        break;
      case SubmitMessage.type:
        void this.submit(message.params.input);
        break;
      case CancelMessage.type:
        void this.cancel(message.params.filled === true);
        break;
    }
  }

  /**
   * Cancel abandons the form (closing the tab keeps the draft instead). A form
   * the person filled in goes only after they confirm; an unchanged one at once.
   */
  private async cancel(filled: boolean): Promise<void> {
    if (this.confirming || this.submitting) return;
    if (filled) {
      this.confirming = true;
      let discard = false;
      try {
        discard = await (this.args.confirmDiscard ?? askDiscard)();
      } catch (err) {
        this.log(`asking before discarding failed: ${errorMessage(err)}`);
      } finally {
        this.confirming = false;
      }
      if (!discard || this.disposed) return;
    }
    HandoffPanel.saved = undefined;
    this.log('handoff form cancelled');
    this.dispose();
  }

  private postInit(): void {
    const saved = HandoffPanel.saved;
    const sessionKey = this.args.prefill.started;
    this.post(
      createMessage(InitMessage, {
        draft: saved && saved.sessionKey === sessionKey ? saved.draft : null,
        prefill: fitPrefill(this.args.prefill),
        readOnly: this.args.readOnly,
      }),
    );
  }

  private async submit(input: EndSessionInput): Promise<void> {
    if (this.args.readOnly) {
      this.postResult({ ok: false, message: READ_ONLY_MESSAGE });
      return;
    }
    if (this.submitting) {
      this.postResult({ ok: false, message: BUSY_MESSAGE });
      return;
    }
    this.submitting = true;
    try {
      await this.args.onSubmit(input);
    } catch (err) {
      this.submitting = false;
      const message = errorMessage(err);
      this.log(`end session failed: ${message}`);
      this.postResult({ ok: false, message: clip(message, HANDOFF_LIMITS.maxMessageLength) });
      return;
    }
    this.submitting = false;
    HandoffPanel.saved = undefined;
    this.log('session ended from the handoff form');
    this.postResult({ ok: true });
    this.dispose();
  }

  private postResult(result: SubmitResultParams): void {
    if (this.disposed) return;
    if (!this.ready) {
      this.pendingResult = result;
      return;
    }
    this.post(createMessage(SubmitResultMessage, result));
  }

  private post(message: HostToWebviewMessage): void {
    if (this.disposed || !this.ready) return;
    this.panel.webview.postMessage(message).then(
      (delivered) => {
        if (!delivered) this.log(`the webview did not take "${message.type}"`);
      },
      (err: unknown) => this.log(`posting "${message.type}" failed: ${errorMessage(err)}`),
    );
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (HandoffPanel.current === this) HandoffPanel.current = undefined;
    // Listeners first, so the panel's own onDidDispose does not re-enter.
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

export interface HandoffHtmlOptions {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
}

/**
 * The webview's HTML shell. Styles load from the extension's dist/webview
 * folder; the components' styles are constructable stylesheets, which the CSP
 * does not govern, so no 'unsafe-inline' is needed. Only the nonce-tagged
 * bundle runs.
 */
export function handoffHtml(o: HandoffHtmlOptions): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${o.nonce}'`,
    `style-src ${o.cspSource}`,
    `font-src ${o.cspSource}`,
    `img-src ${o.cspSource} data:`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${escapeAttr(o.styleUri)}">
  <title>${escapeText(HANDOFF_TITLE)}</title>
</head>
<body>
  <main id="app"></main>
  <script nonce="${escapeAttr(o.nonce)}" src="${escapeAttr(o.scriptUri)}"></script>
</body>
</html>`;
}

/** 128 bits from the OS's CSPRNG, base64 (a valid CSP nonce). */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : 'Unknown error';
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function describeType(message: unknown): string {
  if (typeof message !== 'object' || message === null) return ` (${typeof message})`;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' ? ` (type ${JSON.stringify(clip(type, 40))})` : '';
}
