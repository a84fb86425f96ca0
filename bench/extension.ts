// The extension's cost: the size of each production bundle and of the .vsix,
// and its activation time inside the real VS Code of the test bed (code-server
// with the packaged .vsix installed, a workspace holding a campaign file), as
// the extension host itself measured it (code loading + activate call), read
// from "Developer: Show Running Extensions".
//
// Everything is built in a scratch copy of the repository, so the bench never
// replaces the dist/ that other work in this checkout is using.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { codeServerEntry, nodeBinary, repoRoot, startCodeServer, type CodeServer } from '../test/support/codeServer';
import { Workbench } from '../test/support/workbench';
import { campaignWithEntries } from './corpus';
import { summarize, type Summary } from './stats';

export interface BundleSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Target in bytes (1 KB = 1,000 bytes), if there is one. */
  target?: number;
}

export interface ActivationResult {
  /** Per run: code loading + activate() call, as the extension host measured it. */
  samples?: number[];
  summary?: Summary;
  activationEvent?: string;
  workspace?: string;
  notMeasured?: string;
  errors?: string[];
}

export interface ExtensionResult {
  bundles: BundleSize[];
  buildNote?: string;
  vsix?: { bytes: number; files?: number };
  vsixNote?: string;
  activation: ActivationResult;
  /** From writing the campaign file on disk to the new item showing in the Remaining Work view (ms, per run). */
  liveUpdate?: { samples: number[]; summary: Summary };
}

const EXCLUDE = new Set(['node_modules', '.git', '.vscode-test', 'out', 'dist', 'test-results']);

function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-bench-ext-'));
  cpSync(repoRoot, dir, {
    recursive: true,
    filter: (src) => {
      const rel = src.slice(repoRoot.length + 1);
      const top = rel.split('/')[0]!;
      return !EXCLUDE.has(top) && !rel.endsWith('.vsix');
    },
  });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function run(cwd: string, args: string[]): { ok: boolean; output: string } {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

function lastLines(s: string, n = 6): string {
  return s.split('\n').slice(-n).join(' | ');
}

export async function measureExtension(log: (s: string) => void, activationRuns = 3): Promise<ExtensionResult> {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    name: string;
    publisher: string;
    version: string;
    main?: string;
    scripts?: Record<string, string>;
  };
  const copy = scratchCopy();
  const result: ExtensionResult = { bundles: [], activation: {} };
  try {
    const vsixPath = join(copy, 'bench-campaign.vsix');
    let built = false;
    if (pkg.scripts?.package && existsSync(join(copy, 'scripts/package-vsix.mjs'))) {
      log('extension: npm run package (production build + vsce) in a scratch copy');
      const p = run(copy, ['scripts/package-vsix.mjs', '--out', vsixPath]);
      built = existsSync(join(copy, 'dist'));
      if (p.ok && existsSync(vsixPath)) {
        result.vsix = { bytes: statSync(vsixPath).size };
        const files = /\((\d+) files?,/.exec(p.output);
        if (files) result.vsix.files = Number(files[1]);
      } else {
        result.vsixNote = `npm run package failed: ${lastLines(p.output)}`;
      }
    } else {
      result.vsixNote = 'no `npm run package` script yet';
    }
    if (!built) {
      log('extension: node scripts/build.mjs --production in a scratch copy');
      const b = run(copy, ['scripts/build.mjs', '--production']);
      if (!b.ok) result.buildNote = `production build failed: ${lastLines(b.output)}`;
    }
    const bundle = (file: string, target?: number) => {
      const path = join(copy, file);
      if (!existsSync(path)) return;
      const bytes = readFileSync(path);
      result.bundles.push({ file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, ...(target ? { target } : {}) });
    };
    bundle('dist/extension.js', 250_000);
    bundle('dist/cli.js');
    bundle('dist/webview/handoff.js', 150_000);
    bundle('dist/webview/handoff.css');

    const live: number[] = [];
    result.activation = await measureActivation(pkg, result.vsix ? vsixPath : undefined, activationRuns, log, live);
    if (live.length) result.liveUpdate = { samples: live, summary: summarize(live) };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  return result;
}

async function measureActivation(
  pkg: { name: string; publisher: string; main?: string },
  vsix: string | undefined,
  runs: number,
  log: (s: string) => void,
  liveUpdate: number[],
): Promise<ActivationResult> {
  const id = `${pkg.publisher}.${pkg.name}`;
  if (!pkg.main) return { notMeasured: 'package.json has no "main" entry yet (no extension to activate)' };
  if (!vsix) return { notMeasured: 'no .vsix was packaged' };
  if (!existsSync(codeServerEntry) || !existsSync(nodeBinary)) return { notMeasured: 'the VS Code test bed is not provisioned (`npm run provision`)' };
  const samples: number[] = [];
  const errors: string[] = [];
  let activationEvent: string | undefined;
  const entries = 100;
  for (let i = 0; i < runs; i++) {
    const workspace = mkdtempSync(join(tmpdir(), 'campaign-bench-ws-'));
    mkdirSync(join(workspace, '.claude'));
    writeFileSync(join(workspace, '.claude/campaign.yaml'), campaignWithEntries(entries).text);
    let server: CodeServer | undefined;
    let wb: Workbench | undefined;
    try {
      log(`extension: activation run ${i + 1}/${runs}`);
      server = await startCodeServer({ workspace, vsix });
      wb = await Workbench.open(server);
      const activated = await waitForLog(server, id, 60_000);
      if (activated) activationEvent = /activationEvent: '([^']*)'/.exec(activated)?.[1] ?? activationEvent;
      await wb.runCommand('Developer: Show Running Extensions');
      const ms = await readActivationTime(wb, 30_000);
      samples.push(ms);
      liveUpdate.push(await measureLiveUpdate(wb, join(workspace, '.claude/campaign.yaml'), `Written on disk ${i + 1}`));
      for (const text of server.extensionHostLogs().values()) {
        for (const line of text.split('\n')) {
          if (line.includes(id) && /\[error\]|failed/i.test(line)) errors.push(line.trim());
        }
      }
    } catch (err) {
      errors.push(String(err instanceof Error ? err.message : err).split('\n')[0]!);
      if (wb) await wb.screenshot('bench-activation-failure').catch(() => undefined);
    } finally {
      await wb?.close();
      await server?.stop();
      rmSync(workspace, { recursive: true, force: true });
    }
  }
  const out: ActivationResult = { workspace: `a campaign with ${entries} entries (${campaignWithEntries(entries).bytes} bytes)` };
  if (activationEvent) out.activationEvent = activationEvent;
  if (errors.length) out.errors = [...new Set(errors)].slice(0, 5);
  if (samples.length === 0) return { ...out, notMeasured: `no run produced a figure: ${out.errors?.[0] ?? 'unknown error'}` };
  return { ...out, samples, summary: summarize(samples) };
}

/**
 * Writes the campaign file as an agent or the CLI would and times how long the
 * new item takes to show in the Remaining Work view (the in-host test asserts
 * that it shows; this is the "within 1.5 s" target it used to assert).
 */
async function measureLiveUpdate(wb: Workbench, file: string, title: string): Promise<number> {
  await wb.openView('Campaign');
  const rows = wb.page.locator('.part.sidebar .pane-body .monaco-list-row');
  await rows.first().waitFor({ timeout: 30_000 });
  const text = readFileSync(file, 'utf8');
  // The workbench's file watcher starts after the window opens: wait until it reports at all.
  writeFileSync(file, text.replace('remaining_work:\n', `remaining_work:\n  - Watcher warm-up\n`));
  await rows.filter({ hasText: 'Watcher warm-up' }).first().waitFor({ timeout: 30_000 });
  const started = Date.now();
  writeFileSync(file, text.replace('remaining_work:\n', `remaining_work:\n  - ${title}\n`));
  await rows.filter({ hasText: title }).first().waitFor({ timeout: 30_000 });
  return Date.now() - started;
}

/** Waits for the extension host's "_doActivateExtension <id>" line; returns it. */
async function waitForLog(server: CodeServer, id: string, timeoutMs: number): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const [file, text] of server.extensionHostLogs()) {
      if (!/exthost\.log$/.test(file)) continue;
      const line = text.split('\n').find((l) => l.includes(`_doActivateExtension ${id}`));
      if (line) return line;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}

/** The Campaign row of the Running Extensions editor: "Startup Activation: 123ms" or "Activation: 123ms". */
async function readActivationTime(wb: Workbench, timeoutMs: number): Promise<number> {
  const row = wb.page
    .locator('.runtime-extensions-editor .extension')
    .filter({ has: wb.page.locator('.name', { hasText: /^Campaign/ }) })
    .first();
  await row.waitFor({ timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = ((await row.locator('.activation-time').textContent()) ?? '').trim();
    const m = /Activation:\s*(\d+)\s*ms/i.exec(last);
    if (m) return Number(m[1]);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the Running Extensions editor shows "${last}" for Campaign, not an activation time`);
}
