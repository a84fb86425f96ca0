// Pure (no `vscode`): the smallest whole-line replacement that turns `before`
// into `after`. Applying an operation to an open editor replaces only these
// lines, so the cursor, folding and scroll position elsewhere stay put and the
// undo step is as small as the change. Whole lines keep a CRLF pair from being
// split in two.

export interface Replacement {
  /** Offset in `before` where the replaced text starts. */
  start: number;
  /** Offset in `before` where it ends (exclusive). */
  end: number;
  /** What goes in its place. */
  text: string;
}

function lines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

export function lineReplacement(before: string, after: string): Replacement {
  const a = lines(before);
  const b = lines(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  const length = (xs: string[]) => xs.reduce((n, x) => n + x.length, 0);
  const start = length(a.slice(0, prefix));
  const end = before.length - length(a.slice(a.length - suffix));
  const text = after.slice(start, after.length - length(b.slice(b.length - suffix)));
  return { start, end, text };
}
