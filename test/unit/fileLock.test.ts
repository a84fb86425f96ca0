// The lock Campaign's own writers take turns with (fileLock.ts): it is gone
// after the body, also when the body throws, and a lock that is no longer
// ours (broken as stale and taken by another writer) is left alone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withFileLock } from '../../src/core/file/fileLock';
import { tempDir } from '../support/fixtures';

describe('file lock', () => {
  it('holds the lock with our pid during the body and removes it after, also when the body throws', async () => {
    const t = tempDir();
    try {
      const target = join(t.dir, 'campaign.yaml');
      const lock = `${target}.lock`;
      const seen = await withFileLock(target, async () => readFileSync(lock, 'utf8'));
      assert.match(seen, new RegExp(`^${process.pid} [0-9a-f]{12}$`));
      assert.equal(existsSync(lock), false);

      await assert.rejects(
        withFileLock(target, async () => {
          throw new Error('body failed');
        }),
        /body failed/,
      );
      assert.equal(existsSync(lock), false);
    } finally {
      t.cleanup();
    }
  });

  it('writers of one process take turns: bodies never overlap', async () => {
    const t = tempDir();
    try {
      const target = join(t.dir, 'campaign.yaml');
      let inside = 0;
      let most = 0;
      await Promise.all(
        Array.from({ length: 4 }, () =>
          withFileLock(target, async () => {
            most = Math.max(most, ++inside);
            await new Promise((r) => setTimeout(r, 5));
            inside--;
          }),
        ),
      );
      assert.equal(most, 1);
      assert.equal(existsSync(`${target}.lock`), false);
    } finally {
      t.cleanup();
    }
  });

  it('leaves a lock that is no longer ours in place', async () => {
    const t = tempDir();
    try {
      const target = join(t.dir, 'campaign.yaml');
      const lock = `${target}.lock`;
      const theirs = `${process.pid} 0123456789ab`;
      // As if ours had been broken as stale and another writer had taken the lock meanwhile.
      await withFileLock(target, async () => writeFileSync(lock, theirs));
      assert.equal(readFileSync(lock, 'utf8'), theirs);
    } finally {
      t.cleanup();
    }
  });
});
