// Pure (no `vscode`): newest-first order for the Decisions and Build Log
// views. Files keep history newest last; people read it newest first. Dates
// compare as YYYY-MM-DD text (what the core writes); among equal dates the
// later entry in the file is the newer one. Entries without a readable date
// go last, in reverse file order.

export function newestFirst<T>(entries: readonly T[], dateOf: (entry: T) => string | undefined): T[] {
  const keyed = entries.map((entry, index) => ({ entry, index, key: dateKey(dateOf(entry)) }));
  keyed.sort((a, b) => (a.key === b.key ? b.index - a.index : a.key < b.key ? 1 : -1));
  return keyed.map((k) => k.entry);
}

function dateKey(date: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec((date ?? '').trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}
