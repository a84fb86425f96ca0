// Job: the in-host test runner. VS Code (code-server in development mode, or a
// desktop VS Code through @vscode/test-electron) loads this file inside the
// extension host and awaits run(): resolve = pass, reject = fail. It runs every
// compiled out/test/integration/**/*.test.js with mocha and ends with a
// machine-readable `inhost: N passed, N failed` line for scripts/test-all.mjs.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// mocha 12's main entry is ESM; its CommonJS build loads synchronously in any host.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha: typeof import('mocha') = require('mocha/lib/mocha.cjs');

function testFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) return testFiles(p);
      return n.endsWith('.test.js') ? [p] : [];
    })
    .sort();
}

export function run(): Promise<void> {
  // Test bundles carry inline source maps: failures then point at the .ts lines.
  process.setSourceMapsEnabled(true);
  // Extension hosts log through console; colours would arrive as escape codes.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 20_000 });
  // CAMPAIGN_INHOST_FILES=a,b runs only the files whose path contains one of them (while developing).
  const only = (process.env.CAMPAIGN_INHOST_FILES ?? '').split(',').filter(Boolean);
  const files = testFiles(__dirname).filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
  for (const f of files) mocha.addFile(f);
  // Marks where the report starts for scripts/run-inhost-tests.mjs, which
  // receives the workbench's console chatter through the same channel.
  console.log(`inhost: running ${files.length} test file(s)`);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        console.log(`inhost: ${passed} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} in-host test(s) failed`));
        else if (files.length === 0 || passed === 0) reject(new Error('no in-host tests ran'));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      console.log('inhost: 0 passed, 1 failed');
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
