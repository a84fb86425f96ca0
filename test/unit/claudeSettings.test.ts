// Merging Campaign's SessionStart hook into Claude Code settings and taking it
// out again: other keys, hooks, comments and formatting stay, the hook is
// never added twice, removal restores the exact bytes, invalid JSON is refused.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonc as parse } from '../../src/core/agents/jsonText';
import {
  HOOK_COMMAND,
  HOOK_ENTRY,
  HOOK_MATCHER,
  LEGACY_HOOK_COMMANDS,
  hasSessionStartHook,
  mergeSessionStartHook,
  unmergeSessionStartHook,
} from '../../src/core/agents/claudeSettings';
import { CampaignError } from '../../src/core/model/problems';
import { repoRoot } from '../support/fixtures';

const fixture = (name: string) => readFileSync(join(repoRoot, 'test/fixtures/claude-code', name), 'utf8');

type Settings = { hooks?: Record<string, { matcher?: string; hooks: { type: string; command: string }[] }[]>; [k: string]: unknown };
const read = (text: string) => parse(text) as Settings;

function roundTrip(before: string | undefined) {
  const merged = mergeSessionStartHook(before);
  assert.equal(merged.changed, true);
  assert.equal(hasSessionStartHook(merged.text), true);
  const again = mergeSessionStartHook(merged.text);
  assert.equal(again.changed, false, 'never added twice');
  assert.equal(again.text, merged.text);
  const removed = unmergeSessionStartHook(merged.text);
  assert.equal(removed.exact, true);
  assert.equal(removed.text, before);
  return merged.text;
}

describe('SessionStart hook in settings', () => {
  it('the hook matches every session start; its command is fixed text that only expands the project folder inside quotes', () => {
    assert.equal(HOOK_MATCHER, 'startup|resume|clear|compact');
    // What it does when run is tested in primerHook.test.ts (with and without the CLI on PATH).
    assert.match(HOOK_COMMAND, /^if command -v campaign >\/dev\/null 2>&1 && \(cd "\$CLAUDE_PROJECT_DIR" && campaign primer --refresh --print\)/);
    assert.match(HOOK_COMMAND, /cat "\$p"; fi; fi; true$/);
    for (const m of HOOK_COMMAND.matchAll(/\$CLAUDE_PROJECT_DIR/g)) assert.equal(HOOK_COMMAND.lastIndexOf('"', m.index) > HOOK_COMMAND.lastIndexOf(' ', m.index) - 1, true);
    assert.equal(HOOK_COMMAND.split('$CLAUDE_PROJECT_DIR').length - 1, 3);
  });

  it('a hook written by an earlier Campaign is recognised, upgraded in place of the old one, and removed by disconnect', () => {
    const old = JSON.stringify({ hooks: { SessionStart: [{ matcher: HOOK_MATCHER, hooks: [{ type: 'command', command: LEGACY_HOOK_COMMANDS[0] }] }] }, model: 'x' }, null, 2);
    assert.equal(hasSessionStartHook(old), true);
    const upgraded = mergeSessionStartHook(old).text;
    assert.deepEqual(read(upgraded), { hooks: { SessionStart: [HOOK_ENTRY] }, model: 'x' });
    assert.deepEqual(read(unmergeSessionStartHook(old).text!), { model: 'x' });
  });

  it('creates a settings file that did not exist; removal says delete it', () => {
    const text = roundTrip(undefined);
    assert.deepEqual(read(text), { hooks: { SessionStart: [HOOK_ENTRY] } });
    assert.ok(text.endsWith('}\n'));
  });

  it('existing settings with other hooks and comments: appended after them, everything else byte for byte', () => {
    const before = fixture('settings-with-hooks.json');
    const text = roundTrip(before);
    const s = read(text);
    assert.equal(s.hooks!.SessionStart!.length, 2);
    assert.equal(s.hooks!.SessionStart![0]!.hooks[0]!.command, 'echo "branch: $(git branch --show-current)"');
    assert.deepEqual(s.hooks!.SessionStart![1], HOOK_ENTRY);
    assert.deepEqual(s.hooks!.PostToolUse, read(before).hooks!.PostToolUse);
    assert.deepEqual(s.env, { TZ: 'UTC' });
    // One insertion, in the file's own 4-space indentation.
    const at = text.indexOf(',\n            {\n                "matcher": "startup|resume|clear|compact"');
    assert.ok(at > 0, text);
    const inserted = text.length - before.length;
    assert.equal(text.slice(0, at) + text.slice(at + inserted), before);
  });

  it('CRLF and tab indentation are kept; a missing SessionStart key is added beside the others', () => {
    const before = fixture('settings-crlf-tabs.json');
    const text = roundTrip(before);
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
    assert.match(text, /\r\n\t\t"SessionStart": \[\r\n\t\t\t\{\r\n\t\t\t\t"matcher"/);
    assert.deepEqual(read(text).hooks!.Stop, read(before).hooks!.Stop);
  });

  it('a one-line file stays on one line', () => {
    const before = fixture('settings-one-line.json');
    const text = roundTrip(before);
    assert.equal(text.includes('\n'), false);
    assert.deepEqual(read(text), { model: 'sonnet', env: { A: '1' }, hooks: { SessionStart: [HOOK_ENTRY] } });
  });

  it('empty objects and lists come back exactly', () => {
    const cases = ['{}\n', '{\n}\n', '{\n  "hooks": {}\n}\n', '{\n  "hooks": {\n    "SessionStart": []\n  }\n}\n', '{\n  "hooks": {\n    "SessionStart": [\n    ]\n  }\n}', '\ufeff{"a": 1}\n'];
    for (const before of cases) {
      const merged = mergeSessionStartHook(before).text;
      assert.equal(hasSessionStartHook(merged), true);
      const out = unmergeSessionStartHook(merged);
      assert.equal(out.text, before, JSON.stringify(before));
      assert.equal(out.exact, true);
    }
  });

  it('invalid JSON: a clear error with line and column, and nothing to write', () => {
    const before = fixture('settings-invalid.json');
    assert.throws(
      () => mergeSessionStartHook(before, '.claude/settings.json'),
      (e: CampaignError) => {
        assert.match(e.message, /^\.claude\/settings\.json is not valid JSON \(line 5, column 3: expected "," or "}", found a string\); nothing was written/);
        assert.deepEqual(e.problems[0], { line: 5, column: 3, message: 'expected "," or "}", found a string' });
        return true;
      },
    );
    assert.throws(() => mergeSessionStartHook(''), /not valid JSON/);
    assert.throws(() => mergeSessionStartHook('[1]'), /does not hold a JSON object/);
    assert.throws(() => mergeSessionStartHook('{"hooks": []}'), /"hooks" in settings.json is not an object/);
    assert.throws(() => mergeSessionStartHook('{"hooks": {"SessionStart": {}}}'), /is not a list/);
  });

  it('a hook a person moved or shared a group with is still removed, with the smallest edit', () => {
    const shared = JSON.stringify(
      { hooks: { SessionStart: [{ matcher: 'startup', hooks: [{ type: 'command', command: 'echo hi' }, { type: 'command', command: HOOK_COMMAND }] }] } },
      null,
      2,
    );
    const out = unmergeSessionStartHook(shared);
    assert.equal(out.exact, false);
    assert.deepEqual(read(out.text!), { hooks: { SessionStart: [{ matcher: 'startup', hooks: [{ type: 'command', command: 'echo hi' }] }] } });

    const reformatted = JSON.stringify({ model: 'x', hooks: { SessionStart: [HOOK_ENTRY] } }, null, 3);
    const out2 = unmergeSessionStartHook(reformatted);
    assert.deepEqual(read(out2.text!), { model: 'x' });

    const onlyOurs = JSON.stringify({ hooks: { SessionStart: [HOOK_ENTRY] } }, null, 8);
    assert.equal(unmergeSessionStartHook(onlyOurs).text, undefined, 'otherwise empty: delete');
  });

  it('leaves a file without the hook untouched', () => {
    const before = fixture('settings-with-hooks.json');
    assert.deepEqual(unmergeSessionStartHook(before), { text: before, changed: false, exact: true });
  });
});
