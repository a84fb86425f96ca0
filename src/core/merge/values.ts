// Plain-data helpers for the merge: the three sides are compared as the JS
// values their YAML stands for (so quoting, comments and layout never count
// as a change), with a canonical encoding that ignores key order.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isScalar(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** A canonical string for a value: equal data, equal string, whatever the key order. */
export function canon(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (isPlainObject(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canon(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? String(v);
}

export function same(a: unknown, b: unknown): boolean {
  return canon(a) === canon(b);
}

/** Lists people write as a single scalar (`constraints: Offline first`) read as one-item lists. */
export function asList(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export function isScalarList(v: unknown): boolean {
  return Array.isArray(v) && v.every(isScalar);
}

/** Text for ordering by date: `2026-03-21`, whatever type YAML gave it. */
export function dateText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}
