// Job: start and stop one code-server (the real VS Code workbench, served over
// HTTP) for one test run: free loopback port, fresh temporary user-data,
// extensions and config folders, optional .vsix installed first, and its own
// process group so that every helper it spawns ends with it.
// Tools come from `npm run provision` (scripts/provision-vscode.mjs).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import versions from './toolVersions.json';

export interface CodeServerOptions {
  /** Folder opened by the workbench (and passed to code-server). */
  workspace: string;
  /** A .vsix installed into the fresh extensions folder before start. */
  vsix?: string;
  /** Keep workspace trust on (default off), for untrusted-workspace tests. */
  workspaceTrust?: boolean;
  /** Lets the workbench honour the URL payload (development mode, in-host tests). */
  smokeTestDriver?: boolean;
  /** Extra environment; it reaches the extension host. */
  env?: Record<string, string>;
  /** Extra user settings merged over the offline defaults. */
  settings?: Record<string, unknown>;
  /** Fixed loopback port (default: a free one). */
  port?: number;
}

export interface CodeServer {
  readonly port: number;
  /** host:port exactly as the page sees it; vscode-remote URIs must use it. */
  readonly authority: string;
  readonly url: string;
  readonly workspace: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** URL that opens the workspace, with optional extra query parameters. */
  folderUrl(extra?: Record<string, string>): string;
  /** Every extension-host log file (output channels included), name → text. */
  extensionHostLogs(): Map<string, string>;
  /** Copies logs (code-server's own and the extension host's) into dir. */
  saveLogs(dir: string): void;
  stop(): Promise<void>;
}

/** Repo root: the first folder above this file with a package.json (works from src and out). */
export const repoRoot = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();
const toolDir = join(repoRoot, '.vscode-test');
export const nodeBinary = join(toolDir, `node-v${versions.node}`, 'bin/node');
export const codeServerEntry = join(toolDir, `code-server-${versions.codeServer}`, 'node_modules/code-server/out/node/entry.js');

// Offline defaults: nothing that needs the network, nothing that pops up.
const offlineSettings = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  // Keeps the empty chat side bar out of screenshots.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

// Every live server is ended, and its temporary folders removed, when this
// process exits for any reason, even if a test forgot stop(): the 'exit' hook
// runs synchronously, and the signal hooks turn Ctrl-C/kill into an exit.
const live = new Map<ChildProcess, string>();
let hooksInstalled = false;
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the whole group is already gone.
  }
}
function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const [child, temp] of live) {
      killGroup(child, 'SIGKILL');
      rmSync(temp, { recursive: true, force: true });
    }
  });
  for (const [sig, n] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]] as const) {
    process.once(sig, () => process.exit(128 + n));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs code-server's CLI to completion (used for --install-extension). */
function runCli(args: string[], env: NodeJS.ProcessEnv, logPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fd = openSync(logPath, 'a');
    const child = spawn(nodeBinary, [codeServerEntry, ...args], { env, stdio: ['ignore', fd, fd] });
    child.on('error', reject);
    child.on('exit', (code) => {
      closeSync(fd);
      if (code === 0) resolve();
      else reject(new Error(`code-server ${args.join(' ')} exited with ${code}; see ${logPath}:\n${readFileSync(logPath, 'utf8').slice(-2000)}`));
    });
  });
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  if (!existsSync(codeServerEntry) || !existsSync(nodeBinary)) {
    throw new Error(`code-server ${versions.codeServer} is not provisioned: run \`npm run provision\``);
  }
  installExitHooks();
  const temp = mkdtempSync(join(tmpdir(), 'campaign-vscode-'));
  const userDataDir = join(temp, 'user');
  const extensionsDir = join(temp, 'ext');
  const xdg = join(temp, 'xdg');
  const serverLog = join(temp, 'code-server.log');
  for (const d of [join(userDataDir, 'User'), extensionsDir, xdg]) mkdirSync(d, { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({ ...offlineSettings, ...opts.settings }, null, 2));

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...opts.env,
    EXTENSIONS_GALLERY: '{}', // no marketplace: these machines are offline
    XDG_CONFIG_HOME: xdg, // keeps code-server's config.yaml out of the home folder
  };
  const dirs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  if (opts.vsix) await runCli([...dirs, '--install-extension', opts.vsix], env, serverLog);

  const port = opts.port ?? (await freePort());
  const authority = `127.0.0.1:${port}`;
  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', authority,
    ...dirs,
    '--disable-telemetry',
    '--disable-update-check',
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    ...(opts.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    opts.workspace,
  ];
  const fd = openSync(serverLog, 'a');
  // detached: a process group of its own, so stop() can end the file watcher,
  // extension host and other helpers that would otherwise outlive the server.
  const child = spawn(nodeBinary, args, { env, detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  live.set(child, temp);
  let exited: number | string | null | undefined;
  child.on('exit', (code, signal) => (exited = code ?? signal));

  const stop = async (): Promise<void> => {
    if (!live.has(child)) return;
    killGroup(child, 'SIGTERM');
    for (let i = 0; i < 30 && exited === undefined; i++) await sleep(100);
    killGroup(child, 'SIGKILL'); // whatever ignored SIGTERM, helpers included
    live.delete(child);
    rmSync(temp, { recursive: true, force: true });
  };

  const url = `http://${authority}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== undefined) {
      await stop();
      throw new Error(`code-server exited (${exited}) before answering:\n${readFileSync(serverLog, 'utf8').slice(-3000)}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const tail = readFileSync(serverLog, 'utf8').slice(-3000);
      await stop();
      throw new Error(`code-server did not answer on ${url} within 60 s:\n${tail}`);
    }
    await sleep(200);
  }

  const exthostLogFiles = (): string[] => {
    const logs = join(userDataDir, 'logs');
    if (!existsSync(logs)) return [];
    const out: string[] = [];
    const walk = (d: string, inExthost: boolean): void => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p, inExthost || n.startsWith('exthost'));
        else if (inExthost && n.endsWith('.log')) out.push(p);
      }
    };
    walk(logs, false);
    return out;
  };

  return {
    port,
    authority,
    url,
    workspace: opts.workspace,
    userDataDir,
    extensionsDir,
    folderUrl: (extra = {}) => `${url}/?${new URLSearchParams({ folder: opts.workspace, ...extra })}`,
    extensionHostLogs: () => new Map(exthostLogFiles().map((f) => [f.slice(userDataDir.length + 1), readFileSync(f, 'utf8')])),
    saveLogs: (dir) => {
      mkdirSync(dir, { recursive: true });
      cpSync(serverLog, join(dir, 'code-server.log'));
      if (existsSync(join(userDataDir, 'logs'))) cpSync(join(userDataDir, 'logs'), join(dir, 'logs'), { recursive: true });
    },
    stop,
  };
}
