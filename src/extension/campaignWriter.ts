// Runs a core named operation against a folder's campaign file — the only
// way the extension changes a campaign. If the file is open in an editor with
// unsaved changes, the operation is applied to the editor's text and lands as
// one WorkspaceEdit of the changed lines (undo works, nothing is saved behind
// the person's back); otherwise the core's guarded `applyToFile` writes it
// (lock, verify, atomic rename). When the store holds the file's parsed
// document (warm), the operation is applied to that instead of parsing the
// file again: the write checks the file still has the hash it was read with
// (else it falls back to `applyToFile`, which re-reads and re-applies), and
// the store takes the written text without reading it back. Nothing is written in an untrusted workspace
// or while the file is invalid; the refusal says why. After a change lands
// on disk the after-write steps run, in order (auto-archive, then the Claude
// Code primer file), before `run` returns — so a command that finished has
// left everything derived from the file up to date.
import * as vscode from 'vscode';
import { CampaignDocument } from '../core/document/campaignDocument';
import { applyToFile, writableTarget, writeIfUnchanged } from '../core/file/campaignFile';
import { CampaignError } from '../core/model/problems';
import type { Operation } from '../core/operations/operation';
import type { CampaignStore } from './campaignStore';
import type { Logger } from './logger';
import { allowSymlinkOutsideWorkspace } from './settings';
import type { WorkspaceTrust } from './trust';
import { lineReplacement } from './textReplacement';
import { checkWritable, type WriteRefusal } from './writeGuard';

/** A write Campaign declined to make; `refusal.reason` decides which action the message offers. */
export class WriteRefusedError extends Error {
  constructor(
    readonly refusal: WriteRefusal,
    readonly store: CampaignStore,
  ) {
    super(refusal.message);
    this.name = 'WriteRefusedError';
  }
}

export interface WriteOutcome<R> {
  result: R;
  /** Where the change went: the open editor (unsaved) or the file on disk. */
  target: 'editor' | 'file';
  changed: boolean;
}

/** Why the after-write steps run: an operation through `run`, or a whole-file change a command made itself. */
export type WriteKind = 'operation' | 'import' | 'archive';

/** A step that follows every change the extension made to a campaign file on disk. */
export type AfterWrite = (store: CampaignStore, kind: WriteKind) => Promise<void>;

export class CampaignWriter {
  private readonly afterWrite: AfterWrite[] = [];
  /** Writes to one file run one after another, so each applies to the document the last one left. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly trust: WorkspaceTrust,
    private readonly log: Logger,
  ) {}

  /** Adds a step run after each write to disk (in the order added); failures are logged, never thrown. */
  onDidWriteFile(step: AfterWrite): vscode.Disposable {
    this.afterWrite.push(step);
    return new vscode.Disposable(() => {
      const i = this.afterWrite.indexOf(step);
      if (i >= 0) this.afterWrite.splice(i, 1);
    });
  }

  /** Throws WriteRefusedError in an untrusted workspace: for commands that write files other than through `run`. */
  assertTrusted(store: CampaignStore): void {
    const refusal = checkWritable({ trusted: this.trust.isTrusted, state: 'valid', fileLabel: store.relativePath });
    if (refusal) throw new WriteRefusedError(refusal, store);
  }

  /**
   * Throws WriteRefusedError when `store` may not be written. Commands call it before asking any
   * questions; a file still being read passes here, because `run` waits for the read.
   */
  assertWritable(store: CampaignStore): void {
    this.refuseUnlessWritable(store, true);
  }

  private refuseUnlessWritable(store: CampaignStore, whileReading: boolean): void {
    const problems = store.problems;
    const refusal = checkWritable({
      trusted: this.trust.isTrusted,
      state: whileReading && store.fileState === 'loading' ? 'valid' : store.fileState,
      fileLabel: store.relativePath,
      firstProblem: problems[0],
      problemCount: problems.length,
    });
    if (refusal) throw new WriteRefusedError(refusal, store);
  }

  async run<R>(store: CampaignStore, op: Operation<R>): Promise<WriteOutcome<R>> {
    // The first read of a big file shows a preview before it is parsed whole: act on the whole file.
    if (store.fileState === 'loading') await store.whenRead();
    this.refuseUnlessWritable(store, false);
    const key = store.uri.toString();
    const previous = this.queues.get(key) ?? Promise.resolve();
    const done = previous.catch(() => undefined).then(() => this.runNow(store, op));
    const settled = done.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return done;
  }

  private async runNow<R>(store: CampaignStore, op: Operation<R>): Promise<WriteOutcome<R>> {
    const started = performance.now();
    const dirty = vscode.workspace.textDocuments.find((d) => d.uri.toString() === store.uri.toString() && d.isDirty);
    const warm = dirty ? undefined : await this.applyWarm(store, op, started);
    const outcome = warm ?? (dirty ? await this.applyToEditor(dirty, op) : await this.applyToDisk(store, op));
    const ms = (performance.now() - started).toFixed(1);
    this.log.info(`${op.name} → ${outcome.target}${outcome.changed ? '' : ' (no change)'} in ${store.folder.name} (${warm ? 'warm' : 'read'}, ${ms} ms)`);
    // Views update now rather than after the watcher's debounce (a warm write already updated the store).
    if (!warm) await store.reload();
    // An edit in the editor is not the file yet: the steps follow when it is saved (ClaudePrimerSync).
    if (outcome.target === 'file' && outcome.changed) await this.runAfterWrite(store, 'operation');
    return outcome;
  }

  /** A command changed the campaign file itself (import, archive): the store re-reads it and the after-write steps run. */
  async didWriteFile(store: CampaignStore, kind: WriteKind): Promise<void> {
    await store.reload();
    await this.runAfterWrite(store, kind);
  }

  private async runAfterWrite(store: CampaignStore, kind: WriteKind): Promise<void> {
    for (const step of [...this.afterWrite]) {
      try {
        await step(store, kind);
      } catch (err) {
        // The write itself succeeded; what follows from it must not turn it into a failure.
        this.log.error(`after ${kind} in ${store.folder.name}`, err);
      }
    }
  }

  private async applyToEditor<R>(doc: vscode.TextDocument, op: Operation<R>): Promise<WriteOutcome<R>> {
    const before = doc.getText();
    const version = doc.version;
    const cd = CampaignDocument.parse(before, { file: doc.uri.fsPath });
    const result = cd.apply(op, { now: new Date() });
    void cd.model; // re-validates: an edit that would break the schema throws here
    const after = cd.toString();
    if (after === before) return { result, target: 'editor', changed: false };
    CampaignDocument.parse(after, { file: doc.uri.fsPath, maxBytes: Number.MAX_SAFE_INTEGER });
    if (doc.version !== version) {
      throw new Error('The campaign file changed in the editor while the change was being made; nothing was changed. Try again.');
    }
    const edit = new vscode.WorkspaceEdit();
    const r = lineReplacement(before, after);
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)), r.text);
    if (!(await vscode.workspace.applyEdit(edit))) {
      throw new Error('VS Code did not apply the edit to the open campaign file; nothing was changed.');
    }
    return { result, target: 'editor', changed: true };
  }

  /**
   * Applies `op` to the store's parsed document and writes it if the file is
   * as it was read; undefined (nothing written, the store re-reads) when it
   * is not, so the caller takes the path that reads the file.
   */
  private async applyWarm<R>(store: CampaignStore, op: Operation<R>, started: number): Promise<WriteOutcome<R> | undefined> {
    const warm = store.warm();
    if (!warm) return undefined;
    const cd = warm.document;
    const path = store.uri.fsPath;
    const options = { root: store.folder.uri.fsPath, allowOutsideRoot: allowSymlinkOutsideWorkspace() };
    // The write's checks of the path (symlinks, permissions) only read: they run while the operation is applied.
    const checked = writableTarget(path, options);
    checked.catch(() => undefined); // awaited below, unless the operation is refused first
    // A refusal leaves the document as it was: nothing to undo.
    const result = cd.apply(op, { now: new Date() });
    let written: { written: boolean; hash: string; renamedAt?: number };
    let text: string;
    let applied = started;
    try {
      text = cd.toString();
      if (text === warm.text) return { result, target: 'file', changed: false };
      cd.assertReadsBack(text);
      applied = performance.now();
      written = await writeIfUnchanged(path, text, warm.hash, { ...options, expectedBytes: Buffer.byteLength(warm.text, 'utf8') }, checked);
    } catch (err) {
      await store.invalidate();
      // A refusal (read-only file, symlink out of the folder) is the same on every path; anything
      // else (the file gone, say) is left to the path that reads the file, which says it best.
      if (err instanceof CampaignError) throw err;
      return undefined;
    }
    if (!written.written) {
      this.log.info(`${op.name}: the file changed since it was read; reading it again`);
      await store.invalidate();
      return undefined;
    }
    // Timed to the file renamed into place, as the bench's target is; the folder's fsync and the lock's release follow.
    const now = performance.now();
    const renamed = written.renamedAt ?? now;
    this.log.info(
      `${op.name}: written in ${(renamed - started).toFixed(1)} ms (${cd.lastEdit?.path ?? 'unknown'} path${cd.lastEdit?.reason ? `: ${cd.lastEdit.reason}` : ''}); applied in ${(applied - started).toFixed(1)} ms, renamed into place ${(renamed - applied).toFixed(1)} ms later, done ${(now - started).toFixed(1)} ms after the start`,
    );
    store.adoptWrite(cd, text, written.hash);
    return { result, target: 'file', changed: true };
  }

  private async applyToDisk<R>(store: CampaignStore, op: Operation<R>): Promise<WriteOutcome<R>> {
    const applied = await applyToFile(store.uri.fsPath, op, {
      root: store.folder.uri.fsPath,
      allowOutsideRoot: allowSymlinkOutsideWorkspace(),
    });
    if (applied.retries > 0) this.log.info(`${op.name}: re-applied ${applied.retries} time(s) after another writer changed the file`);
    return { result: applied.result, target: 'file', changed: applied.changed };
  }
}
