// Job: the rarely used core code (dist/lazy/rareCore.js, built from
// rareCore.ts), `require`d the first time a command that needs it runs:
// archive, git merge setup, import, connecting agents. Most sessions never
// load it.
import { requireLazy } from './lazyModule';
import type * as RareCore from './rareCore';

/** Archive, git merge setup, import, connecting agents. */
export function rareCore(): typeof RareCore {
  return requireLazy<typeof RareCore>('rareCore');
}
