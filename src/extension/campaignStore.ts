// One workspace folder's campaign: where its file is (campaign.file), what it
// holds now, and when that changes. The file is read through the core
// (`loadCampaign`); when it is open with unsaved changes the editor's text is
// what operations act on (campaignWriter.ts), so that is what the views show
// too. A file watcher and document events trigger a debounced reload. While
// the file is invalid the store keeps the last good campaign for the views
// and publishes the problems, at their line and column, to the Problems panel.
// The first read of a big file shows a preview first: its sections but the
// long logs, parsed on their own (core/document/sectionPreview.ts), so
// Remaining Work fills before the whole file is parsed. A preview is for
// looking only: the state stays 'loading', and a write waits for the whole read.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { CampaignDocument } from '../core/document/campaignDocument';
import { previewText } from '../core/document/sectionPreview';
import { decodeCampaignBytes, readCampaignFile } from '../core/file/campaignFile';
import { DEFAULT_MAX_FILE_BYTES } from '../core/model/limits';
import type { Campaign } from '../core/model/model';
import { CampaignError, type Problem } from '../core/model/problems';
import { campaignLocation } from './campaignLocation';
import { Disposable } from './disposable';
import type { Logger } from './logger';
import { problemRange } from './problemRanges';
import { campaignFileSetting, SETTING_KEYS } from './settings';
import type { FileState } from './writeGuard';

export type StoreState =
  | { kind: 'loading'; preview?: Campaign }
  | { kind: 'missing' }
  | { kind: 'valid'; document: CampaignDocument; text: string; hash?: string }
  | { kind: 'invalid'; error: CampaignError; text: string | undefined; lastGood: CampaignDocument | undefined };

/** Fast enough to feel live (the issue asks for under a second), slow enough to coalesce an editor's save burst. */
export const RELOAD_DEBOUNCE_MS = 150;

export class CampaignStore extends Disposable {
  private _state: StoreState = { kind: 'loading' };
  private _relativePath: string;
  private _uri: vscode.Uri;
  private watcher: vscode.Disposable | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  /** Reads run one at a time, in order, so the last one to finish is the newest. */
  private queue: Promise<void> = Promise.resolve();
  private readonly changed = this._register(new vscode.EventEmitter<CampaignStore>());
  /** Fires after the campaign (or its validity, or its location) changed. */
  readonly onDidChange = this.changed.event;
  private readonly didRead = this._register(new vscode.EventEmitter<{ parsed: boolean }>());
  /** Fires after each read of the file: `parsed` is false when it was the text already held (our own write, say). */
  readonly onDidRead = this.didRead.event;
  private _parses = 0;
  /**
   * Awaited after a preview is shown and before the whole file is parsed, which keeps the
   * extension host busy: the views get to draw the preview first (campaignViews.ts).
   */
  previewShown: () => Promise<void> = () => Promise.resolve();

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly log: Logger,
  ) {
    super();
    const location = this.locate();
    this._relativePath = location.relativePath;
    this._uri = location.uri;
    this.watch();
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.isOurs(e.document.uri)) this.scheduleReload();
      }),
    );
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.isOurs(d.uri) && this.scheduleReload()));
    this._register(vscode.workspace.onDidSaveTextDocument((d) => this.isOurs(d.uri) && this.scheduleReload()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTING_KEYS.file, folder)) this.relocate();
      }),
    );
    this._register({
      dispose: () => {
        if (this.debounce) clearTimeout(this.debounce);
        this.watcher?.dispose();
        this.diagnostics.delete(this._uri);
      },
    });
  }

  get state(): StoreState {
    return this._state;
  }

  /** The campaign file (it may not exist). */
  get uri(): vscode.Uri {
    return this._uri;
  }

  /** The file's path relative to its folder, as the setting names it. */
  get relativePath(): string {
    return this._relativePath;
  }

  get fileState(): FileState {
    return this._state.kind;
  }

  /** A campaign file exists in this folder (valid or not). */
  get hasFile(): boolean {
    return this._state.kind === 'valid' || this._state.kind === 'invalid';
  }

  /** The document the views show: the current one, or the last good one while the file is invalid. */
  get document(): CampaignDocument | undefined {
    const s = this._state;
    return s.kind === 'valid' ? s.document : s.kind === 'invalid' ? s.lastGood : undefined;
  }

  get campaign(): Campaign | undefined {
    return this.document?.model;
  }

  /**
   * What Remaining Work shows: the campaign, or while a big file is first read, its preview
   * (every section but the long logs). Only views use it; nothing writes from it.
   */
  get shownCampaign(): Campaign | undefined {
    const s = this._state;
    return this.campaign ?? (s.kind === 'loading' ? s.preview : undefined);
  }

  /** The views show a preview: the whole file is still being parsed. */
  get previewing(): boolean {
    return this._state.kind === 'loading' && !!this._state.preview;
  }

  /** How many times this store parsed the campaign text. */
  get parses(): number {
    return this._parses;
  }

  /**
   * The parsed document with the text and hash it was read from disk with,
   * for an operation to apply to without parsing again (campaignWriter.ts);
   * undefined when the file is open with unsaved changes or not valid.
   */
  warm(): { document: CampaignDocument; text: string; hash: string } | undefined {
    const s = this._state;
    if (s.kind !== 'valid' || !s.hash || this.dirtyDocument()) return undefined;
    return { document: s.document, text: s.text, hash: s.hash };
  }

  /** The extension wrote `text` (from `document`) to the file: this is now what it holds, without reading it. */
  adoptWrite(document: CampaignDocument, text: string, hash: string): void {
    if (this.isDisposed) return;
    this.apply({ kind: 'valid', document, text, hash });
  }

  /** The held document may no longer match the file (an edit that was not written): read and parse again. */
  invalidate(): Promise<void> {
    const s = this._state;
    if (s.kind === 'valid' && s.hash) this._state = { kind: 'valid', document: s.document, text: s.text };
    return this.reload();
  }

  get problems(): readonly Problem[] {
    return this._state.kind === 'invalid' ? problemsOf(this._state.error) : [];
  }

  /** Resolves once the reads asked for so far are done. */
  whenRead(): Promise<void> {
    return this.queue;
  }

  /** Reloads after a short quiet period; bursts of events cause one read. */
  scheduleReload(): void {
    if (this.isDisposed) return;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void this.reload();
    }, RELOAD_DEBOUNCE_MS);
  }

  /** Reads the campaign now; resolves once this read (and any before it) has been applied. */
  reload(): Promise<void> {
    const run = this.queue.then(async () => {
      if (this.isDisposed) return;
      const next = await this.read();
      if (!this.isDisposed) this.apply(next);
    });
    this.queue = run.catch((err: unknown) => this.log.error('reload failed', err));
    return this.queue;
  }

  private locate(): { relativePath: string; uri: vscode.Uri } {
    const location = campaignLocation(campaignFileSetting(this.folder));
    if (location.warning) this.log.warn(`${this.folder.name}: ${location.warning}`);
    return { relativePath: location.relativePath, uri: vscode.Uri.joinPath(this.folder.uri, ...location.relativePath.split('/')) };
  }

  private watch(): void {
    this.watcher?.dispose();
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.folder, this._relativePath));
    const onEvent = () => this.scheduleReload();
    const subs = [w.onDidCreate(onEvent), w.onDidChange(onEvent), w.onDidDelete(onEvent)];
    this.watcher = { dispose: () => [...subs, w].forEach((d) => d.dispose()) };
  }

  private relocate(): void {
    const location = this.locate();
    if (location.uri.toString() === this._uri.toString()) return;
    this.log.info(`${this.folder.name}: campaign file is now ${location.relativePath}`);
    this.diagnostics.delete(this._uri);
    this._relativePath = location.relativePath;
    this._uri = location.uri;
    this._state = { kind: 'loading' };
    this.watch();
    void this.reload();
  }

  private isOurs(uri: vscode.Uri): boolean {
    return uri.toString() === this._uri.toString();
  }

  /** The editor's copy of the file when it has unsaved changes; operations act on it too. */
  private dirtyDocument(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => this.isOurs(d.uri) && d.isDirty);
  }

  private async read(): Promise<StoreState> {
    const lastGood = this.document;
    const invalid = (error: CampaignError, text: string | undefined): StoreState => ({ kind: 'invalid', error, text, lastGood });
    const path = this._uri.fsPath;
    const dirty = this.dirtyDocument();
    if (dirty) {
      const text = dirty.getText();
      try {
        this._parses++;
        return { kind: 'valid', document: CampaignDocument.parse(text, { file: path }), text };
      } catch (err) {
        return invalid(asCampaignError(err, path), text);
      }
    }
    try {
      // No stat first: a missing file is told apart below, when the read fails (one fs call
      // fewer before the first read, which waits behind every extension starting up).
      const { text, hash } = await readCampaignFile(path);
      // The text already held (our own write coming back through the watcher, a focus
      // change): no parse. A byte-identical file parses to the same document.
      const held = this._state;
      if (held.kind === 'valid' && held.hash === hash) {
        this.didRead.fire({ parsed: false });
        return held;
      }
      if (held.kind === 'loading' && !held.preview && (await this.showPreview(text, path))) {
        await this.previewShown();
        if (this.isDisposed) return held;
      }
      this._parses++;
      const document = CampaignDocument.parse(text, { file: path });
      this.didRead.fire({ parsed: true });
      return { kind: 'valid', document, text, hash };
    } catch (err) {
      // Not there (never was, deleted, or a writer's rename caught in between).
      if (!(await exists(path))) return { kind: 'missing' };
      return invalid(asCampaignError(err, path), await readTextForRanges(path));
    }
  }

  /** Shows the preview of a big file's first read; false when it has none (small, or not cut safely). */
  private async showPreview(text: string, path: string): Promise<boolean> {
    const cut = previewText(text);
    if (cut === undefined) return false;
    let preview: Campaign;
    try {
      preview = CampaignDocument.parse(cut, { file: path }).model;
    } catch {
      return false; // the whole parse says what is wrong, at the right line
    }
    if (this.isDisposed || this._state.kind !== 'loading') return false;
    this.apply({ kind: 'loading', preview });
    return true;
  }

  private apply(next: StoreState): void {
    const prev = this._state;
    this._state = next;
    this.publishDiagnostics();
    if (sameState(prev, next)) return;
    this.log.info(`${this.folder.name}: ${describe(next, this._relativePath)}`);
    this.changed.fire(this);
  }

  private publishDiagnostics(): void {
    const s = this._state;
    if (s.kind !== 'invalid') {
      this.diagnostics.delete(this._uri);
      return;
    }
    const diagnostics = problemsOf(s.error).map((p) => {
      const r = problemRange(p, s.text);
      const d = new vscode.Diagnostic(
        new vscode.Range(r.startLine, r.startCharacter, r.endLine, r.endCharacter),
        p.message,
        vscode.DiagnosticSeverity.Error,
      );
      d.source = 'campaign';
      return d;
    });
    this.diagnostics.set(this._uri, diagnostics);
  }
}

/** A CampaignError's problems, or one problem at the top carrying its message. */
export function problemsOf(error: CampaignError): Problem[] {
  return error.problems.length > 0 ? [...error.problems] : [{ line: 1, column: 1, message: error.message }];
}

function asCampaignError(err: unknown, path: string): CampaignError {
  if (err instanceof CampaignError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new CampaignError(`The campaign file could not be read: ${message}`, [], path);
}

/** False only when there is no such file (or folder on its path); a file we may not read exists. */
async function exists(path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

/** The text behind an invalid file, only to place its problems; absent when it is too big or not text. */
async function readTextForRanges(path: string): Promise<string | undefined> {
  try {
    if ((await fs.stat(path)).size > DEFAULT_MAX_FILE_BYTES) return undefined;
    return decodeCampaignBytes(await fs.readFile(path));
  } catch {
    return undefined;
  }
}

function sameState(a: StoreState, b: StoreState): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'loading' && b.kind === 'loading') return a.preview === b.preview;
  if (a.kind === 'valid' && b.kind === 'valid') return a.text === b.text;
  if (a.kind === 'invalid' && b.kind === 'invalid') {
    return a.text === b.text && a.error.message === b.error.message && a.lastGood === b.lastGood;
  }
  return true;
}

function describe(s: StoreState, file: string): string {
  switch (s.kind) {
    case 'loading':
      return s.preview ? `${file}: showing a preview (${s.preview.remaining_work.length} work items) while the whole file is parsed` : `${file}: loading`;
    case 'missing':
      return `${file}: no campaign file`;
    case 'valid':
      return `${file}: loaded (${s.document.model.remaining_work.length} work items)`;
    case 'invalid':
      return `${file}: invalid — ${s.error.message} (${problemsOf(s.error).length} problem(s))`;
  }
}
