// Commit subjects since the session started, from the built-in Git
// extension's API (`vscode.git`, API version 1), to prefill the handoff
// form's accomplishments. Everything here is best effort: no Git extension,
// Git disabled, no repository, or a slow repository all end in an empty list,
// never in an error — the form opens regardless.
import * as vscode from 'vscode';
import { commitSubjectsSince, type CommitLike } from './commitSubjects';
import type { Logger } from './logger';

/** The slice of the Git extension's API this file uses (see vscode's extensions/git/src/api/git.d.ts). */
interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}
interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitRepository {
  readonly rootUri: vscode.Uri;
  log(options?: { maxEntries?: number }): Promise<CommitLike[]>;
}

/** The form should not wait long for Git. */
const GIT_TIMEOUT_MS = 3000;
const MAX_COMMITS = 200;

export class GitCommits {
  constructor(private readonly log: Logger) {}

  async subjectsSince(folder: vscode.Uri, since: Date): Promise<string[]> {
    try {
      return await withTimeout(this.read(folder, since), GIT_TIMEOUT_MS, []);
    } catch (err) {
      this.log.warn(`no commits for the handoff: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
  }

  private async read(folder: vscode.Uri, since: Date): Promise<string[]> {
    const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!ext) return [];
    const git = ext.isActive ? ext.exports : await ext.activate();
    if (!git?.enabled) return [];
    const api = git.getAPI(1);
    if (api.state !== 'initialized') {
      await new Promise<void>((resolve) => {
        const sub = api.onDidChangeState((s) => {
          if (s === 'initialized') {
            sub.dispose();
            resolve();
          }
        });
      });
    }
    const repo = api.getRepository(folder);
    if (!repo) return [];
    const commits = await repo.log({ maxEntries: MAX_COMMITS });
    const subjects = commitSubjectsSince(commits, since);
    this.log.debug(`${subjects.length} commit(s) since ${since.toISOString()} in ${repo.rootUri.fsPath}`);
    return subjects;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
