// Job: the one place the import decides that two titles are the same entry
// (so --merge and a bank that repeats itself never duplicate). A stand-in for
// the core's title-matching rule (src/core/operations, being written as
// `sameTitle`); when that lands, make `sameImportTitle` call it.

/** Case, spacing, Markdown emphasis and trailing punctuation do not make a different title. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.。:：;；!！]+$/u, '')
    .trim()
    .toLowerCase();
}

export function sameImportTitle(a: string, b: string): boolean {
  return normalizeTitle(a) === normalizeTitle(b);
}
