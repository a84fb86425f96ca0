// Job: run the in-host (mocha) suite inside a real VS Code extension host:
// code-server in development mode, driven through the smoke-test-driver URL
// payload, with the mocha report printed here and its exit code returned.
// Assumes `node scripts/build.mjs --tests` ran and `npm run provision` did.
// Options (for checking the harness itself): --extension DIR --tests FILE.
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, format } from 'node:util';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const { values } = parseArgs({
  options: { extension: { type: 'string' }, tests: { type: 'string' } },
});
const extensionPath = resolve(values.extension ?? root);
const testsPath = resolve(values.tests ?? join(root, 'out/test/integration/index.js'));
const timeoutMs = Number(process.env.CAMPAIGN_INHOST_TIMEOUT_MS ?? 5 * 60_000);
const verbose = process.env.CAMPAIGN_TEST_VERBOSE === '1';

const support = join(root, 'out/test/support');
if (!existsSync(join(support, 'workbench.js')) || !existsSync(testsPath)) {
  console.error(`[inhost] missing ${testsPath} or ${support}: run \`node scripts/build.mjs --tests\` first`);
  process.exit(2);
}
const { startCodeServer } = await import(join(support, 'codeServer.js'));
const { Workbench } = await import(join(support, 'workbench.js'));

// A fresh workspace per run: a copy of the fixture when there is one.
const workspace = mkdtempSync(join(tmpdir(), 'campaign-inhost-ws-'));
const fixture = join(root, 'test/fixtures/workspace');
if (existsSync(fixture)) cpSync(fixture, workspace, { recursive: true });
process.on('exit', () => rmSync(workspace, { recursive: true, force: true })); // also after Ctrl-C

// Workbench chatter that also reaches codeAutomationLog while the suite runs.
const noise = /^(Ignoring fetching additional builtin extensions|No search provider registered|Canceled: Canceled)/;
mkdirSync(join(root, 'test-results'), { recursive: true });
const consoleLog = createWriteStream(join(root, 'test-results/inhost-console.log'));
let reporting = false;
let reported = false;
const recent = []; // last console lines, shown when the suite never started
const started = Date.now();
let server;
let workbench;
let timer;
let exitCode = 1;
try {
  server = await startCodeServer({
    workspace,
    smokeTestDriver: true, // without it a built workbench ignores the URL payload
    env: { CAMPAIGN_TEST_WORKSPACE: workspace },
  });
  // The payload's URIs must name exactly the page's own authority.
  const remote = (p) => `vscode-remote://${server.authority}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
  ]);
  let finish;
  const finished = new Promise((r) => (finish = r));
  timer = setTimeout(() => {
    console.error(`[inhost] timed out after ${timeoutMs / 1000} s`);
    finish(124);
  }, timeoutMs);
  workbench = await Workbench.open(server, {
    query: { payload },
    waitForWorkbench: false,
    beforeNavigate: async (page) => {
      // The workbench reports its own console and the extension host's here
      // (printf-style args). All of it goes to a log file; the terminal gets the
      // runner's report, from its start marker to its summary line.
      await page.exposeFunction('codeAutomationLog', (type, args) => {
        const line = format(...(Array.isArray(args) ? args : [args]));
        consoleLog.write(`[${type}] ${line}\n`);
        recent.push(`[${type}] ${line}`);
        if (recent.length > 30) recent.shift();
        if (line.startsWith('inhost: running')) reporting = reported = true;
        if (verbose || (reporting && !noise.test(line))) (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
        if (/^inhost: \d+ passed, \d+ failed$/.test(line)) reporting = false;
      });
      // …and the result of run() here, once the runner settles.
      await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
      if (verbose) page.on('console', (m) => console.error(`[browser ${m.type()}] ${m.text()}`));
    },
  });
  exitCode = await finished;
  if (exitCode !== 0) {
    if (!reported) console.error(`[inhost] the suite never started; last console lines:\n${recent.join('\n')}`);
    await workbench.screenshot('inhost-failure').catch(() => undefined);
    server.saveLogs(join(root, 'test-results/inhost-logs'));
    console.error('[inhost] logs kept in test-results/inhost-logs/ and test-results/inhost-console.log');
  }
} catch (err) {
  console.error(`[inhost] ${err?.stack ?? err}`);
  exitCode = 1;
} finally {
  clearTimeout(timer);
  await workbench?.close();
  await server?.stop();
  rmSync(workspace, { recursive: true, force: true });
  consoleLog.end();
}
console.error(`[inhost] exit ${exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(exitCode);
