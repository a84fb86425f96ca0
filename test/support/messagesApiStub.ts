// Job: a loopback stand-in for the Anthropic API, so the real Claude Code
// client can be run by tests without a network or an account. It answers
// POST /v1/messages with a minimal valid message (streamed as server-sent
// events when the request asks for a stream, JSON otherwise), count_tokens
// with a small count, and every other request with a harmless empty answer;
// it records every request (method, path, body) so a test can see exactly
// what the model would have been given. A test can script the model's
// answers (`respond`): text, or `tool_use` blocks the client then runs (MCP
// tools included) and answers with `tool_result`s in its next request. It also serves as the HTTP(S) proxy
// of the client under test: a CONNECT to anywhere is logged and refused, so
// nothing the client tries leaves the machine.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The raw body text ('' when none). */
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
}

export interface MessagesApiStub {
  /** http://127.0.0.1:PORT — the value for ANTHROPIC_BASE_URL (and for HTTP(S)_PROXY). */
  url: string;
  port: number;
  /** Every request in arrival order, CONNECT attempts included (method CONNECT, path host:port). */
  requests: RecordedRequest[];
  /** The recorded POST /v1/messages requests. */
  messages(): RecordedRequest[];
  /** Forgets what was recorded so far. */
  reset(): void;
  close(): Promise<void>;
}

/** One block of a scripted assistant answer. */
export type StubBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export interface StubOptions {
  /** The assistant's reply text. */
  reply?: string;
  /**
   * Scripts the answer to a POST /v1/messages: the blocks to answer with, or
   * undefined for the plain `reply`. An answer with a tool_use block stops
   * with `stop_reason: "tool_use"`, so the client runs the tools.
   */
  respond?: (r: RecordedRequest) => StubBlock[] | undefined;
  /** Called for each request as it arrives (for logging). */
  onRequest?: (r: RecordedRequest) => void;
}

function stopReason(blocks: readonly StubBlock[]): string {
  return blocks.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn';
}

function messageBody(model: string, blocks: readonly StubBlock[]): Record<string, unknown> {
  return {
    id: 'msg_stub_0001',
    type: 'message',
    role: 'assistant',
    model,
    content: blocks,
    stop_reason: stopReason(blocks),
    stop_sequence: null,
    usage: { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

function sse(res: ServerResponse, model: string, blocks: readonly StubBlock[]): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'request-id': 'req_stub_0001',
  });
  const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const start = messageBody(model, []);
  send('message_start', {
    type: 'message_start',
    message: { ...start, content: [], stop_reason: null, usage: { input_tokens: 10, output_tokens: 1 } },
  });
  send('ping', { type: 'ping' });
  blocks.forEach((b, index) => {
    if (b.type === 'text') {
      send('content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      send('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text: b.text } });
    } else {
      send('content_block_start', { type: 'content_block_start', index, content_block: { type: 'tool_use', id: b.id, name: b.name, input: {} } });
      send('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(b.input) } });
    }
    send('content_block_stop', { type: 'content_block_stop', index });
  });
  send('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: stopReason(blocks), stop_sequence: null },
    usage: { output_tokens: 5 },
  });
  send('message_stop', { type: 'message_stop' });
  res.end();
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startMessagesApiStub(options: StubOptions = {}): Promise<MessagesApiStub> {
  const requests: RecordedRequest[] = [];
  const reply = options.reply ?? 'Hello from the Messages API stub.';
  const record = (r: RecordedRequest) => {
    requests.push(r);
    options.onRequest?.(r);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const r: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, body };
      try {
        if (body) r.json = JSON.parse(body);
      } catch {
        /* not JSON */
      }
      record(r);
      const pathname = path.split('?')[0]!;
      const parsed = (r.json ?? {}) as { stream?: boolean; model?: string };
      if (req.method === 'POST' && pathname === '/v1/messages') {
        const model = typeof parsed.model === 'string' ? parsed.model : 'claude-stub';
        const blocks = options.respond?.(r) ?? [{ type: 'text' as const, text: reply }];
        if (parsed.stream) sse(res, model, blocks);
        else json(res, 200, messageBody(model, blocks));
        return;
      }
      if (req.method === 'POST' && pathname === '/v1/messages/count_tokens') {
        json(res, 200, { input_tokens: 10 });
        return;
      }
      if (req.method === 'HEAD') {
        res.writeHead(200);
        res.end();
        return;
      }
      // Anything else the client asks at start-up (feature flags, profile, …):
      // an empty object is the most harmless answer.
      json(res, 200, {});
    });
  });
  // The client may use the stub as its proxy: refuse every tunnel, log where it wanted to go.
  server.on('connect', (req: IncomingMessage, socket) => {
    record({ method: 'CONNECT', path: req.url ?? '', headers: req.headers, body: '' });
    socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    messages: () => requests.filter((r) => r.method === 'POST' && r.path.split('?')[0] === '/v1/messages'),
    reset: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
