// docs/architecture.md names every module: this lists every `.ts` file under
// src/ and webview/ (recursively) and asserts that each file name appears in
// the document, reporting the missing ones, so a new module cannot land
// without its one-line job in the architecture.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { repoRoot } from '../support/fixtures';

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('docs/architecture.md', () => {
  it('names every module under src/ and webview/', () => {
    const doc = readFileSync(join(repoRoot, 'docs', 'architecture.md'), 'utf8');
    const modules = [...tsFiles(join(repoRoot, 'src')), ...tsFiles(join(repoRoot, 'webview'))];
    assert.ok(modules.length > 100, `found only ${modules.length} modules under src/ and webview/`);
    const missing = modules
      .filter((file) => !doc.includes(basename(file)))
      .map((file) => relative(repoRoot, file).split('\\').join('/'));
    assert.deepEqual(missing, [], `docs/architecture.md does not name: ${missing.join(', ')}`);
  });
});
