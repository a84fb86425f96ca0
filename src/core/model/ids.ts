// Ids for work items and decisions. New ids are short random suffixes
// (`w-7k2q`, `d-3m9x`) so two branches or machines adding items at the same
// time cannot mint the same id; ids already in a file (`w7`, or none) are kept.
import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // no 0/o, 1/l: readable aloud

/** A source of random bytes; tests pass a seeded one. */
export type RandomSource = (n: number) => Uint8Array;

export const cryptoRandom: RandomSource = (n) => randomBytes(n);

/** A new id `prefix-xxxx` not in `existing` (grows a character on a clash streak). */
export function newId(prefix: 'w' | 'd', existing: Iterable<string>, random: RandomSource = cryptoRandom): string {
  const taken = new Set(existing);
  for (let length = 4; ; length++) {
    for (let attempt = 0; attempt < 8; attempt++) {
      const bytes = random(length);
      let suffix = '';
      for (let i = 0; i < length; i++) suffix += ALPHABET[bytes[i]! % ALPHABET.length];
      const id = `${prefix}-${suffix}`;
      if (!taken.has(id)) return id;
    }
  }
}
