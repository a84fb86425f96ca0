// Job: prove the README's start command works on this checkout, as a person
// would use it: run `npm start`, wait for the URL it prints, fetch it and check
// that the VS Code workbench answers, then stop the whole process group.
// Called by .ci/run on a clean clone before the tests. Exit 0 = it served.
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
// Provisioning on a bare machine builds native modules: minutes, not seconds.
const limitMs = Number(process.env.CAMPAIGN_START_LIMIT_MS ?? 20 * 60_000);

const child = spawn('npm', ['start'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let seen = '';
let finished = false;

function stopAll() {
  try {
    process.kill(-child.pid, 'SIGINT');
  } catch {
    // already gone
  }
}
function finish(code, message) {
  if (finished) return;
  finished = true;
  console.log(`[check-start] ${message}`);
  stopAll();
  // npm start's own exit hooks end code-server's group; give them a moment, then make sure.
  const hard = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    process.exit(code);
  }, 10_000);
  child.once('close', () => {
    clearTimeout(hard);
    process.exit(code);
  });
}

const timer = setTimeout(() => finish(1, `no URL printed within ${limitMs / 1000} s`), limitMs);
timer.unref();

async function probe(url) {
  const res = await fetch(url, { redirect: 'follow' });
  const body = await res.text();
  // The workbench page loads VS Code's workbench bundle and carries its configuration.
  const isWorkbench = res.ok && /workbench/i.test(body) && /vscode/i.test(body);
  if (isWorkbench) finish(0, `VS Code answered at ${url} (HTTP ${res.status}, ${body.length} bytes)`);
  else finish(1, `${url} answered HTTP ${res.status} without the VS Code workbench:\n${body.slice(0, 400)}`);
}

function onData(chunk) {
  const text = chunk.toString();
  process.stdout.write(text);
  seen += text;
  const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(seen);
  if (m && !finished) {
    clearTimeout(timer);
    probe(m[1]).catch((err) => finish(1, `fetching ${m[1]} failed: ${err.message}`));
  }
}
child.stdout.on('data', onData);
child.stderr.on('data', (d) => process.stderr.write(d));
child.on('close', (code) => {
  if (!finished) finish(1, `npm start exited (${code}) before serving VS Code`);
});
