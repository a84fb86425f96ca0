// Job: the one rule for "is this the same piece of work?", by title. End
// Session (every front), the handoff form, the import (--merge) and its
// duplicate checks all use it. Dependency-free: the webview bundles it.
import type { WorkItem } from '../model/model';

/** A title reduced to what identifies it: Unicode-normalised (NFKC), Markdown emphasis dropped, whitespace collapsed, trailing sentence punctuation and case ignored. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.。:：;；!！]+$/u, '')
    .trim()
    .toLowerCase();
}

/** Whether two titles name the same work. */
export function sameTitle(a: string, b: string): boolean {
  return titleKey(a) === titleKey(b);
}

/** The open (not done) work item with this title, if any; the first one when a file lists it twice. */
export function findOpenWorkByTitle(work: readonly WorkItem[], title: string): WorkItem | undefined {
  const key = titleKey(title);
  if (key === '') return undefined;
  return work.find((item) => item.status !== 'done' && titleKey(item.title) === key);
}
