// Job: test helpers for the MCP server: the SDK's own client over stdio
// against the built CLI (`node dist/cli.js mcp`), and small accessors for
// tool results.
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { repoRoot } from './fixtures';

export const cliPath = join(repoRoot, 'dist', 'cli.js');

export interface McpSession {
  client: Client;
  stderr: () => string;
  close: () => Promise<void>;
}

/** Starts `node dist/cli.js mcp [args]` in `cwd` and connects the SDK client to it. */
export async function connectMcp(cwd: string, args: string[] = [], name = 'campaign-test'): Promise<McpSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [cliPath, 'mcp', ...args],
    cwd,
    stderr: 'pipe',
    env: { ...process.env } as Record<string, string>,
  });
  let err = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const client = new Client({ name, version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => err, close: () => client.close() };
}

export interface ToolAnswer {
  text: string;
  isError: boolean;
  structured: Record<string, unknown> | undefined;
}

export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}): Promise<ToolAnswer> {
  const r = (await client.callTool({ name, arguments: args })) as {
    content?: Array<{ type: string; text?: string }>;
    isError?: boolean;
    structuredContent?: Record<string, unknown>;
  };
  const text = (r.content ?? []).map((c) => (c.type === 'text' ? (c.text ?? '') : '')).join('\n');
  return { text, isError: r.isError === true, structured: r.structuredContent };
}

/**
 * Raw JSON-RPC lines to `campaign mcp` and its answers by id, for handshakes
 * the SDK client does not offer (an older protocol version, the 2026 probe).
 * Resolves once every request with an id has its answer.
 */
export function rawExchange(cwd: string, messages: readonly Record<string, unknown>[]): Promise<Map<number, Record<string, unknown>>> {
  const wanted = new Set(messages.filter((m) => typeof m.id === 'number').map((m) => m.id as number));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, 'mcp'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const answers = new Map<number, Record<string, unknown>>();
    let buf = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (!line.trim()) continue;
        const msg = JSON.parse(line) as Record<string, unknown>;
        if (typeof msg.id === 'number') answers.set(msg.id, msg);
        if ([...wanted].every((id) => answers.has(id))) {
          child.stdin.end();
          resolve(answers);
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if ([...wanted].some((id) => !answers.has(id))) reject(new Error(`campaign mcp exited (${code}) before answering: ${err}`));
    });
    for (const m of messages) child.stdin.write(`${JSON.stringify(m)}\n`);
  });
}
