// The managed CLAUDE.md block: inserted, replaced and removed without
// touching a byte outside the markers (BOM, CRLF, no final newline), idempotent,
// and a hand-edited block is left alone unless forced.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BLOCK_END,
  blockBody,
  EditedBlockError,
  findBlock,
  isPlainRelativePath,
  removeBlock,
  upsertBlock,
} from '../../src/core/agents/claudeMdBlock';
import { CampaignError } from '../../src/core/model/problems';
import { repoRoot } from '../support/fixtures';

const fixture = (name: string) => readFileSync(join(repoRoot, 'test/fixtures/claude-code', name), 'utf8');
const importBody = blockBody({ mode: 'import', campaignRelPath: '.claude/campaign.yaml', primerRelPath: '.claude/campaign-primer.md' });
const hookBody = blockBody({ mode: 'hook', campaignRelPath: '.claude/campaign.yaml', primerRelPath: '.claude/campaign-primer.md' });

describe('CLAUDE.md block', () => {
  it('import mode ends with the primer import; hook mode has no import line', () => {
    assert.match(importBody, /\n@\.claude\/campaign-primer\.md$/);
    assert.equal(importBody.split('\n').filter((l) => /^\s*@|\s@/.test(l)).length, 1);
    assert.doesNotMatch(hookBody, /(^|\s)@\S/);
    assert.match(hookBody, /SessionStart hook/);
  });

  it('creates a file that did not exist, and removing it leaves nothing (delete the file)', () => {
    const created = upsertBlock(undefined, importBody);
    assert.equal(created.changed, true);
    assert.ok(created.text.startsWith('<!-- campaign:begin (managed by Campaign; edit .claude/campaign.yaml instead) sha256:'));
    assert.ok(created.text.endsWith(`${BLOCK_END}\n`));
    const removed = removeBlock(created.text);
    assert.deepEqual(removed, { text: undefined, removed: true, exact: true });
  });

  for (const name of ['CLAUDE-existing.md', 'CLAUDE-crlf-bom.md']) {
    it(`${name}: keeps every byte outside the markers, is idempotent, and removal restores the exact bytes`, () => {
      const before = fixture(name);
      const once = upsertBlock(before, importBody);
      assert.ok(once.text.startsWith(before), 'the original text is untouched and comes first');
      const twice = upsertBlock(once.text, importBody);
      assert.equal(twice.changed, false);
      assert.equal(twice.text, once.text);
      const removed = removeBlock(once.text);
      assert.equal(removed.exact, true);
      assert.equal(removed.text, before);
      assert.equal(Buffer.compare(Buffer.from(removed.text!, 'utf8'), Buffer.from(before, 'utf8')), 0);
    });
  }

  it('writes the block with the file’s CRLF line endings and keeps its BOM', () => {
    const before = fixture('CLAUDE-crlf-bom.md');
    const { text } = upsertBlock(before, importBody);
    assert.equal(text.charCodeAt(0), 0xfeff);
    const block = text.slice(before.length);
    assert.equal(block.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF in the block');
    assert.ok(block.endsWith(`${BLOCK_END}\r\n`));
  });

  it('an empty file and a file with only a newline come back exactly; only a file Campaign created is deleted', () => {
    for (const before of ['\n', '\r\n', '\ufeff', 'x', '']) {
      const { text } = upsertBlock(before, hookBody);
      assert.equal(findBlock(text)!.created, false);
      assert.deepEqual(removeBlock(text), { text: before, removed: true, exact: true }, JSON.stringify(before));
    }
    const created = upsertBlock(undefined, hookBody).text;
    assert.equal(findBlock(created)!.created, true);
    assert.equal(removeBlock(created).text, undefined);
    // Replacing the block (a mode switch) keeps what the file's origin was.
    assert.equal(removeBlock(upsertBlock(created, importBody).text).text, undefined);
    assert.equal(removeBlock(upsertBlock(upsertBlock('', importBody).text, hookBody).text).text, '');
  });

  it('switching mode replaces the block in place, leaving the text after it alone', () => {
    const withBlock = upsertBlock('# Top\n', importBody).text + '\n## Added later by a person\n';
    const switched = upsertBlock(withBlock, hookBody);
    assert.equal(switched.changed, true);
    assert.ok(switched.text.startsWith('# Top\n\n<!-- campaign:begin'));
    assert.ok(switched.text.endsWith(`${BLOCK_END}\n\n## Added later by a person\n`));
    assert.equal(findBlock(switched.text)!.body, hookBody);
  });

  it('a block a person edited is not replaced or removed without force', () => {
    const text = upsertBlock('# Top\n', importBody).text.replace('Session protocol:', 'Session protocol (ours):');
    assert.equal(findBlock(text)!.edited, true);
    assert.throws(() => upsertBlock(text, importBody), EditedBlockError);
    assert.throws(() => removeBlock(text), EditedBlockError);
    const forced = upsertBlock(text, importBody, { force: true });
    assert.equal(forced.replacedEdited, true);
    assert.equal(forced.text, upsertBlock('# Top\n', importBody).text);
    assert.equal(removeBlock(text, { force: true }).text, '# Top\n');
  });

  it('a block moved into the middle is still removed cleanly', () => {
    const block = upsertBlock('', importBody).text;
    const text = `# A\n\n${block}\n# B\n`;
    const out = removeBlock(text);
    assert.equal(out.text, '# A\n\n# B\n');
    assert.equal(out.exact, false);
  });

  it('refuses two blocks, or a begin marker without an end, and names the lines', () => {
    const block = upsertBlock('', importBody).text;
    assert.throws(() => upsertBlock(`${block}\n${block}`, importBody), (e: CampaignError) => /2 Campaign blocks/.test(e.message) && e.problems.length === 2);
    const open = block.split('\n')[0] + '\nstuff\n';
    assert.throws(() => removeBlock(`# T\n${open}`), (e: CampaignError) => e.problems[0]!.line === 2 && /no end marker/.test(e.message));
  });

  it('the end marker written in ordinary text (not on its own line) does not end the block', () => {
    const text = `Docs mention ${BLOCK_END} inline.\n`;
    const { text: withBlock } = upsertBlock(text, importBody);
    assert.equal(findBlock(withBlock)!.body, importBody);
    assert.equal(removeBlock(withBlock).text, text);
  });

  it('only plain relative paths may go into the block', () => {
    for (const bad of ['.claude/x y.yaml', '@evil', 'a/`b`.yaml', '../outside.yaml', '/abs.yaml', '.claude/x\n@/etc/passwd', 'a/-->/b', '']) {
      assert.equal(isPlainRelativePath(bad), false, bad);
      assert.throws(() => blockBody({ mode: 'import', campaignRelPath: bad, primerRelPath: '.claude/campaign-primer.md' }), CampaignError);
    }
    assert.equal(isPlainRelativePath('.claude/campaign.yaml'), true);
    assert.equal(isPlainRelativePath('sub/dir/.claude/campaign.yaml'), true);
  });
});
