// The extension's cost: the size of each production bundle and of the .vsix,
// and its activation time inside the real VS Code of the test bed (code-server
// with the packaged .vsix installed, a workspace holding a campaign file), as
// the extension host itself measured it (code loading + activate call), read
// from "Developer: Show Running Extensions".
//
// Everything is built in a scratch copy of the repository, so the bench never
// replaces the dist/ that other work in this checkout is using.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { codeServerEntry, nodeBinary, repoRoot, startCodeServer, type CodeServer } from '../test/support/codeServer';
import { Workbench } from '../test/support/workbench';
import { campaignOfSize } from './corpus';
import { settle } from './machine';
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
  /** Per run: from activate() beginning to Remaining Work first having items (the extension's log). */
  firstItems?: Summary;
  /** Per run: the activate() call alone (the extension's log); the rest of the host figure is loading the code. */
  activateCall?: Summary;
  /** Bytes of this extension's bundles `require`d when activate() returned (the extension's log). */
  codeLoadedBytes?: number;
  codeLoaded?: string;
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
  /** One operation (Add Work Item) on a warm document in the real extension host. */
  warm?: WarmRow[];
  /** From writing the campaign file on disk to the new item showing in the Remaining Work view (ms, per run). */
  liveUpdate?: { samples: number[]; summary: Summary };
}

export interface WarmRow {
  label: string;
  bytes: number;
  path: 'splice' | 'full';
  /** From the write's start to the file renamed into place (the extension's log), after one untimed warm-up. */
  summary?: Summary;
  /** The two parts of each write: applying the operation to the held document (checked), and the guarded write to disk. */
  apply?: Summary;
  write?: Summary;
  /** To the write's end: after the rename, the folder's fsync and the lock's release. */
  done?: Summary;
  /** Which path each write took, as the document reported it. */
  paths?: string[];
  notMeasured?: string;
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

export async function measureExtension(log: (s: string) => void, activationRuns = 9): Promise<ExtensionResult> {
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
    // Loaded on first use, not at activation (src/extension/lazy/).
    if (existsSync(join(copy, 'dist/lazy'))) for (const f of readdirSync(join(copy, 'dist/lazy'))) if (f.endsWith('.js')) bundle(`dist/lazy/${f}`);
    // The `campaign` launcher, the CLI bundle it loads through the code cache, and the MCP server (`campaign mcp` only).
    bundle('dist/cli.js');
    bundle('dist/cli-main.js');
    bundle('dist/mcp.js');
    bundle('dist/webview/handoff.js', 150_000);
    bundle('dist/webview/handoff.css');

    const live: number[] = [];
    result.activation = await measureActivation(pkg, result.vsix ? vsixPath : undefined, activationRuns, log, live);
    if (live.length) result.liveUpdate = { samples: live, summary: summarize(live) };
    if (result.vsix) result.warm = await measureWarm(vsixPath, log);
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
  const firstItems: number[] = [];
  const activateCalls: number[] = [];
  let codeLoaded: string | undefined;
  const errors: string[] = [];
  let activationEvent: string | undefined;
  const campaign = campaignOfSize(100_000);
  for (let i = 0; i < runs; i++) {
    const workspace = mkdtempSync(join(tmpdir(), 'campaign-bench-ws-'));
    mkdirSync(join(workspace, '.claude'));
    writeFileSync(join(workspace, '.claude/campaign.yaml'), campaign.text);
    let server: CodeServer | undefined;
    let wb: Workbench | undefined;
    try {
      const waited = await settle();
      log(`extension: activation run ${i + 1}/${runs} (after ${waited} ms for the machine to settle)`);
      server = await startCodeServer({ workspace, vsix });
      wb = await Workbench.open(server);
      const activated = await waitForLog(server, id, 60_000);
      if (activated) activationEvent = /activationEvent: '([^']*)'/.exec(activated)?.[1] ?? activationEvent;
      await wb.runCommand('Developer: Show Running Extensions');
      const ms = await readActivationTime(wb, 30_000);
      samples.push(ms);
      const first = await waitForLine(server, /first Remaining Work items ([\d.]+) ms/, 30_000);
      if (first) firstItems.push(Number(first[1]));
      const loaded = await waitForLine(server, /activated with \d+ folder\(s\) in ([\d.]+) ms; (code loaded: (\d+) bytes in (.*))$/, 5_000);
      if (loaded) {
        activateCalls.push(Number(loaded[1]));
        codeLoaded = loaded[2];
      }
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
  const out: ActivationResult = { workspace: `a ${Math.round(campaign.bytes / 1000)} KB campaign (${campaign.entries} entries)` };
  if (activationEvent) out.activationEvent = activationEvent;
  if (firstItems.length) out.firstItems = summarize(firstItems);
  if (activateCalls.length) out.activateCall = summarize(activateCalls);
  if (codeLoaded) {
    out.codeLoaded = codeLoaded;
    out.codeLoadedBytes = Number(/code loaded: (\d+)/.exec(codeLoaded)![1]);
  }
  if (errors.length) out.errors = [...new Set(errors)].slice(0, 5);
  if (samples.length === 0) return { ...out, notMeasured: `no run produced a figure: ${out.errors?.[0] ?? 'unknown error'}` };
  return { ...out, samples, summary: summarize(samples) };
}

/** Every match of `re` in the extension host's logs (the Campaign output channel among them), in order. */
function logMatches(server: CodeServer, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (const text of server.extensionHostLogs().values()) {
    for (const line of text.split('\n')) {
      const m = re.exec(line);
      if (m) out.push(m);
    }
  }
  return out;
}

async function waitForLine(server: CodeServer, re: RegExp, timeoutMs: number, count = 1): Promise<RegExpExecArray | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = logMatches(server, re);
    if (found.length >= count) return found[count - 1];
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

/**
 * Add Work Item, typed into the real workbench, on a warm document: each
 * write's time as the extension logs it (from the write's start to the file
 * renamed into place; the primer file regenerated afterwards is not counted).
 */
async function measureWarm(vsix: string, log: (s: string) => void, runs = 11): Promise<WarmRow[]> {
  if (!existsSync(codeServerEntry) || !existsSync(nodeBinary)) return [];
  const specs: { label: string; bytes: number; path: 'splice' | 'full' }[] = [
    { label: '100 KB', bytes: 100_000, path: 'splice' },
    { label: '1 MB', bytes: 1_000_000, path: 'splice' },
    { label: '1 MB', bytes: 1_000_000, path: 'full' },
  ];
  const rows: WarmRow[] = [];
  for (const spec of specs) {
    const workspace = mkdtempSync(join(tmpdir(), 'campaign-bench-warm-'));
    mkdirSync(join(workspace, '.claude'));
    const g = campaignOfSize(spec.bytes);
    writeFileSync(join(workspace, '.claude/campaign.yaml'), g.text);
    let server: CodeServer | undefined;
    let wb: Workbench | undefined;
    const row: WarmRow = { label: spec.label, bytes: g.bytes, path: spec.path };
    try {
      log(`extension: warm Add Work Item, ${spec.label}, ${spec.path} path, ${runs} runs + 1 warm-up`);
      server = await startCodeServer({ workspace, vsix, ...(spec.path === 'full' ? { env: { CAMPAIGN_EDIT_PATH: 'full' } } : {}) });
      wb = await Workbench.open(server);
      // The whole file, not its preview (campaignStore.ts): a write before it would wait for it.
      if (!(await waitForLine(server, /: loaded \(\d+ work items\)/, 120_000))) throw new Error('the campaign never loaded');
      const samples: number[] = [];
      const paths: string[] = [];
      const re = /work\.add: written in ([\d.]+) ms \((\w+) path.*applied in ([\d.]+) ms, renamed into place ([\d.]+) ms later, done ([\d.]+) ms after/;
      const done: number[] = [];
      const applies: number[] = [];
      const writes: number[] = [];
      for (let i = 0; i <= runs; i++) {
        await wb.runCommand('Campaign: Add Work Item');
        // Each answer waits for its own prompt, so a fast workbench cannot take it in the previous one.
        await wb.answerInput(`Bench item ${i}`, { title: 'Add Work Item' });
        await wb.answerInput('High', { title: 'Add Work Item: Priority' });
        const m = await waitForLine(server, re, 120_000, i + 1);
        if (!m) throw new Error(`write ${i + 1} was not logged as a warm write`);
        if (i === 0) continue; // the first one also records the document's snapshot
        samples.push(Number(m[1]));
        paths.push(m[2]!);
        applies.push(Number(m[3]));
        writes.push(Number(m[4]));
        done.push(Number(m[5]));
      }
      row.summary = summarize(samples);
      row.apply = summarize(applies);
      row.write = summarize(writes);
      row.done = summarize(done);
      row.paths = [...new Set(paths)];
    } catch (err) {
      row.notMeasured = String(err instanceof Error ? err.message : err).split('\n')[0]!;
      if (wb) await wb.screenshot('bench-warm-failure').catch(() => undefined);
    } finally {
      await wb?.close();
      await server?.stop();
      rmSync(workspace, { recursive: true, force: true });
    }
    rows.push(row);
  }
  return rows;
}

/**
 * Writes the campaign file as an agent or the CLI would and times how long the
 * new item takes to show in the Remaining Work view (the in-host test asserts
 * that it shows; this is the "within 1.5 s" target it used to assert).
 */
async function measureLiveUpdate(wb: Workbench, file: string, title: string): Promise<number> {
  // Show Running Extensions leaves an editor and a hover over the workbench that a click on
  // the activity bar cannot get through: the view is opened from the Command Palette instead.
  await wb.page.keyboard.press('Escape');
  await wb.runCommand('View: Show Campaign');
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
