// Job: run the real Claude Code (`claude -p`) against the loopback Messages
// API stub with a fresh home and nothing able to leave the machine (the API
// and the HTTP(S) proxy both point at the stub), for the end-to-end tests
// that need Claude Code; and find the provisioned binary.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessagesApiStub, RecordedRequest } from './messagesApiStub';

export const CLAUDE_TIMEOUT_MS = 120_000;

/** The claude binary ($CAMPAIGN_CLAUDE_BIN, else the one scripts/provision-claude.mjs caches), or why there is none. */
export function findClaude(repoRoot: string): { bin?: string; reason?: string } {
  if (process.env.CAMPAIGN_CLAUDE_BIN) return { bin: process.env.CAMPAIGN_CLAUDE_BIN };
  const r = spawnSync(process.execPath, [join(repoRoot, 'scripts/provision-claude.mjs'), '--print-path'], { encoding: 'utf8', timeout: 15 * 60_000 });
  const bin = r.stdout?.trim().split('\n').pop();
  if (r.status !== 0 || !bin || !existsSync(bin)) {
    return { reason: `Claude Code could not be provisioned (scripts/provision-claude.mjs exited ${r.status ?? r.signal}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}` };
  }
  return { bin };
}

export interface ClaudeRun {
  code: number | null;
  stdout: string;
  stderr: string;
  requests: RecordedRequest[];
}

export interface ClaudeRunOptions {
  args?: string[];
  env?: NodeJS.ProcessEnv;
}

/** `claude -p PROMPT` in `cwd` with a fresh home, against the stub, and every request it sent. */
export async function runClaude(bin: string, stub: MessagesApiStub, cwd: string, prompt: string, options: ClaudeRunOptions = {}): Promise<ClaudeRun> {
  const home = mkdtempSync(join(tmpdir(), 'campaign-claude-home-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    USER: 'campaign-test',
    SHELL: '/bin/bash',
    TERM: 'dumb',
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_STATE_HOME: join(home, '.local/state'),
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    ANTHROPIC_BASE_URL: stub.url,
    ANTHROPIC_API_KEY: 'test',
    DISABLE_AUTOUPDATER: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
    HTTP_PROXY: stub.url,
    HTTPS_PROXY: stub.url,
    http_proxy: stub.url,
    https_proxy: stub.url,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
    ...options.env,
  };
  stub.reset();
  try {
    const child = spawn(bin, ['-p', prompt, ...(options.args ?? [])], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), CLAUDE_TIMEOUT_MS);
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    clearTimeout(timer);
    return { code, stdout, stderr, requests: [...stub.requests] };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** Every string in a JSON value, in order. */
export function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

/** The POST /v1/messages requests whose conversation carries `prompt`, in order. */
export function conversationRequests(run: ClaudeRun, prompt: string): RecordedRequest[] {
  return run.requests.filter((r) => {
    if (r.method !== 'POST' || r.path.split('?')[0] !== '/v1/messages') return false;
    const j = r.json as { messages?: unknown } | undefined;
    return strings(j?.messages).some((s) => s.includes(prompt));
  });
}

/** What the model is given in a request: its system prompt and messages, as text. */
export function modelText(r: RecordedRequest): string {
  const j = r.json as { system?: unknown; messages?: unknown };
  return [...strings(j.system), ...strings(j.messages)].join('\n');
}

export const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
