// `campaign git-setup [--undo]`: tells git to merge campaign files with the
// semantic merge driver. Two parts: a `.gitattributes` block (committed, so
// the whole team's merges use the driver once they have it) and the driver's
// command in the repository's own `.git/config` (never committed: it names a
// path on this machine). Idempotent; `--undo` removes exactly what was added.
// git runs via execFile with argument arrays, never through a shell string.
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { CampaignError } from '../model/problems';
import { atomicWrite } from '../file/campaignFile';
import { CAMPAIGN_RELATIVE_PATH } from '../file/campaignPath';
import { readIfExists } from '../file/readIfExists';

const run = promisify(execFile);

export const DRIVER_NAME = 'campaign';
const ATTRIBUTES_COMMENT = '# Campaign: merge the campaign file by meaning (campaign git-setup)';
const DRIVER_TITLE = 'Campaign: semantic merge of .claude/campaign.yaml';

export interface DriverRuntime {
  /** The CLI bundle the driver runs: dist/cli.js of the npm package or of the VS Code extension. */
  cliPath: string;
  /** The node executable; `node` (found on PATH when git runs the driver) unless given. */
  nodePath?: string;
  /** Run `nodePath` as node although it is an Electron app (VS Code's own binary, when no node is installed). */
  electronRunAsNode?: boolean;
}

export interface GitSetupOptions extends DriverRuntime {
  /** Any folder inside the repository. */
  cwd: string;
  /** The campaign file, when it is not `.claude/campaign.yaml` at the repository's top. */
  campaignPath?: string;
}

async function git(cwd: string, args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('git', args, { cwd, windowsHide: true });
    return { code: 0, out: stdout.trim() };
  } catch (err) {
    const e = err as { code?: unknown; stdout?: string; message: string };
    if (typeof e.code === 'number') return { code: e.code, out: (e.stdout ?? '').trim() };
    if (e.code === 'ENOENT') throw new CampaignError('git is not installed (or not on PATH); git-setup needs it.');
    throw err;
  }
}

/** The repository's top folder, or undefined when `cwd` is not in a git work tree. */
export async function gitTopLevel(cwd: string): Promise<string | undefined> {
  const r = await git(cwd, ['rev-parse', '--show-toplevel']);
  return r.code === 0 && r.out ? r.out : undefined;
}

async function requireTopLevel(cwd: string): Promise<string> {
  const top = await gitTopLevel(cwd);
  if (!top) throw new CampaignError(`${cwd} is not inside a git repository; git-setup configures a repository's merges.`);
  return top;
}

/** Quotes a word for the POSIX shell git runs drivers with (Git for Windows too). */
function shellWord(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The `merge.campaign.driver` command line for a CLI bundle. */
export function driverCommand(runtime: DriverRuntime): string {
  const env = runtime.electronRunAsNode ? 'ELECTRON_RUN_AS_NODE=1 ' : '';
  return `${env}${shellWord(runtime.nodePath ?? 'node')} ${shellWord(runtime.cliPath)} merge-driver %O %A %B %P`;
}

/** A gitattributes pattern: C-style quoted when it holds spaces or quotes. */
function pattern(p: string): string {
  return /[\s"\\]/.test(p) ? JSON.stringify(p) : p;
}

/** The attribute lines for the campaign file and its archive, relative to the repository's top. */
export function attributeLines(top: string, campaignPath?: string): string[] {
  const rel = campaignPath ? relative(top, campaignPath).split(sep).join('/') : CAMPAIGN_RELATIVE_PATH;
  const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
  return [`${pattern(rel)} merge=${DRIVER_NAME}`, `${pattern(`${dir}campaign-archive/*.yaml`)} merge=${DRIVER_NAME}`];
}

function splitLines(text: string): { lines: string[]; eol: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return { lines, eol };
}

export interface GitSetupResult {
  repoRoot: string;
  attributes: 'added' | 'present';
  config: 'set' | 'updated' | 'present';
  driver: string;
}

export async function gitSetup(options: GitSetupOptions): Promise<GitSetupResult> {
  const top = await requireTopLevel(options.cwd);
  const file = join(top, '.gitattributes');
  const wanted = attributeLines(top, options.campaignPath);
  const text = await readIfExists(file);
  const { lines, eol } = splitLines(text ?? '');
  const missing = wanted.filter((l) => !lines.some((x) => x.trim() === l));
  if (missing.length > 0) {
    const block = [...(lines.includes(ATTRIBUTES_COMMENT) ? [] : [ATTRIBUTES_COMMENT]), ...missing];
    const head = text === undefined || text === '' ? '' : text.endsWith('\n') ? text : `${text}${eol}`;
    await atomicWrite(file, `${head}${block.join(eol)}${eol}`);
  }

  const driver = driverCommand(options);
  const current = await git(top, ['config', '--local', '--get', `merge.${DRIVER_NAME}.driver`]);
  const name = await git(top, ['config', '--local', '--get', `merge.${DRIVER_NAME}.name`]);
  if (name.out !== DRIVER_TITLE) await git(top, ['config', '--local', `merge.${DRIVER_NAME}.name`, DRIVER_TITLE]);
  if (current.out !== driver) {
    const set = await git(top, ['config', '--local', `merge.${DRIVER_NAME}.driver`, driver]);
    if (set.code !== 0) throw new CampaignError('git config could not record the merge driver.');
  }
  return {
    repoRoot: top,
    attributes: missing.length ? 'added' : 'present',
    config: current.code !== 0 ? 'set' : current.out !== driver ? 'updated' : 'present',
    driver,
  };
}

export interface GitUndoResult {
  repoRoot: string;
  attributes: 'removed' | 'absent';
  config: 'removed' | 'absent';
}

export async function gitSetupUndo(options: { cwd: string; campaignPath?: string }): Promise<GitUndoResult> {
  const top = await requireTopLevel(options.cwd);
  const file = join(top, '.gitattributes');
  const ours = new Set([ATTRIBUTES_COMMENT, ...attributeLines(top, options.campaignPath)]);
  const text = await readIfExists(file);
  let attributes: GitUndoResult['attributes'] = 'absent';
  if (text !== undefined) {
    const { lines, eol } = splitLines(text);
    const rest = lines.filter((l) => !ours.has(l.trim()));
    if (rest.length !== lines.length) {
      attributes = 'removed';
      // A file that held only our block was ours: remove it rather than leave it empty.
      if (rest.every((l) => l.trim() === '')) await fs.rm(file);
      else await atomicWrite(file, rest.join(eol) + (text.endsWith('\n') ? eol : ''));
    }
  }
  let config: GitUndoResult['config'] = 'absent';
  for (const key of ['driver', 'name']) {
    const r = await git(top, ['config', '--local', '--unset-all', `merge.${DRIVER_NAME}.${key}`]);
    if (r.code === 0) config = 'removed';
  }
  const left = await git(top, ['config', '--local', '--get-regexp', `^merge\\.${DRIVER_NAME}\\.`]);
  if (left.code !== 0) await git(top, ['config', '--local', '--remove-section', `merge.${DRIVER_NAME}`]);
  return { repoRoot: top, attributes, config };
}

export interface GitSetupStatus {
  repoRoot: string;
  /** Whether `.gitattributes` routes the campaign file to the driver. */
  attributes: boolean;
  /** The configured driver command, if any. */
  driver?: string;
  /** Whether the configured driver is exactly what `runtime` would write (false: refresh it). */
  current: boolean;
}

/**
 * The repository's setup, for a "Set up git merges" button and for
 * refreshing a driver whose CLI path went stale (the extension's install
 * folder changes with every update). Undefined outside a git repository.
 */
export async function gitSetupStatus(options: GitSetupOptions): Promise<GitSetupStatus | undefined> {
  const top = await gitTopLevel(options.cwd);
  if (!top) return undefined;
  const text = await readIfExists(join(top, '.gitattributes'));
  const lines = splitLines(text ?? '').lines.map((l) => l.trim());
  const attributes = attributeLines(top, options.campaignPath).every((l) => lines.includes(l));
  const r = await git(top, ['config', '--local', '--get', `merge.${DRIVER_NAME}.driver`]);
  const status: GitSetupStatus = { repoRoot: top, attributes, current: r.code === 0 && r.out === driverCommand(options) };
  if (r.code === 0) status.driver = r.out;
  return status;
}

/** Whether the configured driver's CLI bundle still exists (a moved install leaves it dangling). */
export function driverCliExists(driver: string): boolean {
  const m = /(?:'((?:[^']|'\\'')*)'|(\S+))\s+merge-driver\b/.exec(driver);
  const path = m ? (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!) : undefined;
  return path !== undefined && existsSync(path);
}
