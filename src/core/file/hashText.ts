// Job: the one hash Campaign tells file contents apart by (SHA-256, hex): the
// guarded write's "still as read?" check, the extension's "our own write came
// back" check, and the per-section record of what was validated.
import { createHash } from 'node:crypto';

export function hashText(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
