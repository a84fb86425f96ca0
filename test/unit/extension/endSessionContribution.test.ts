// The End Session command as package.json contributes it: an icon that reads
// as "finish and record", not the red debug-stop of a debugger.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/fixtures';

describe('End Session contribution', () => {
  it('uses a completion icon, not $(debug-stop)', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string; icon?: string }[] };
    };
    const command = pkg.contributes.commands.find((c) => c.command === 'campaign.endSession');
    assert.ok(command, 'campaign.endSession is contributed');
    assert.equal(command.icon, '$(check-all)');
  });
});
