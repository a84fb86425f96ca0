// A throwaway git repository for tests that run real `git merge`s with the
// campaign merge driver set up by `campaign git-setup`, driving the built
// CLI (dist/cli.js) as a separate process, the way git and people do.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot, tempDir } from '../support/fixtures';

/** The CLI bundle under test (CAMPAIGN_CLI overrides, for a bundle built elsewhere). */
export const cliPath = process.env.CAMPAIGN_CLI ?? join(repoRoot, 'dist', 'cli.js');

export interface Run {
  code: number | null;
  out: string;
  err: string;
}

export interface GitRepo {
  dir: string;
  git(...args: string[]): Run;
  /** `git` that must succeed. */
  ok(...args: string[]): string;
  campaign(...args: string[]): Run;
  write(rel: string, text: string): void;
  read(rel: string): string;
  commitAll(message: string): void;
  cleanup(): void;
}

export const CAMPAIGN = '.claude/campaign.yaml';

export function gitRepo(): GitRepo {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`node scripts/build.mjs\` first`);
  const t = tempDir('campaign-git-');
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(t.dir, '.no-global-gitconfig'),
    GIT_TERMINAL_PROMPT: '0',
  };
  const spawn = (cmd: string, args: string[]): Run => {
    const r = spawnSync(cmd, args, { cwd: t.dir, encoding: 'utf8', env });
    return { code: r.status, out: (r.stdout ?? '').trimEnd(), err: (r.stderr ?? '').trimEnd() };
  };
  const repo: GitRepo = {
    dir: t.dir,
    git: (...args) => spawn('git', args),
    ok(...args) {
      const r = spawn('git', args);
      if (r.code !== 0) throw new Error(`git ${args.join(' ')} failed (${r.code}): ${r.err}`);
      return r.out;
    },
    campaign: (...args) => spawn(process.execPath, [cliPath, ...args]),
    write(rel, text) {
      mkdirSync(dirname(join(t.dir, rel)), { recursive: true });
      writeFileSync(join(t.dir, rel), text);
    },
    read: (rel) => readFileSync(join(t.dir, rel), 'utf8'),
    commitAll(message) {
      repo.ok('add', '-A');
      repo.ok('commit', '-q', '-m', message);
    },
    cleanup: t.cleanup,
  };
  repo.ok('init', '-q', '-b', 'main');
  repo.ok('config', 'user.name', 'Campaign Test');
  repo.ok('config', 'user.email', 'test@campaign.invalid');
  repo.ok('config', 'commit.gpgsign', 'false');
  repo.ok('config', 'core.autocrlf', 'false');
  return repo;
}

/** Runs a CLI command that must succeed; returns its stdout. */
export function must(repo: GitRepo, ...args: string[]): string {
  const r = repo.campaign(...args);
  if (r.code !== 0) throw new Error(`campaign ${args.join(' ')} failed (${r.code}): ${r.err}`);
  return r.out;
}
