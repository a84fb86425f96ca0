// Job: recognise a Cline / Roo Code memory bank (or a Kiro spec) by its file
// names, case-insensitively, and say what role each file plays for the mapper.

/** What a file of a memory bank is for; it decides which headings may map where. */
export type FileRole = 'brief' | 'product' | 'active' | 'patterns' | 'tech' | 'progress' | 'decisionLog' | 'tasks' | 'other';

const ROLES: Record<string, FileRole> = {
  'projectbrief.md': 'brief', // Cline projectbrief.md, Roo projectBrief.md
  'productcontext.md': 'product',
  'activecontext.md': 'active',
  'systempatterns.md': 'patterns',
  'techcontext.md': 'tech',
  'progress.md': 'progress',
  'decisionlog.md': 'decisionLog', // Roo
  'tasks.md': 'tasks', // Kiro specs and many banks
};

/** The role of a file, by its base name. */
export function fileRole(baseName: string): FileRole {
  return ROLES[baseName.toLowerCase()] ?? 'other';
}

/** Files a memory bank is recognised by (tasks.md alone is a task list, not a bank). */
export function isBankFileName(baseName: string): boolean {
  const role = fileRole(baseName);
  return role !== 'other' && role !== 'tasks';
}

/** Markdown files, by name. */
export function isMarkdownName(baseName: string): boolean {
  return /\.(md|markdown)$/i.test(baseName);
}

/**
 * The order files are read in: the brief first (it names the project), then
 * product, tech, active, progress, decisions, tasks, patterns, the bank's own
 * files last; so an entry found twice is kept where it is most at home.
 */
const ORDER: FileRole[] = ['brief', 'product', 'tech', 'active', 'progress', 'decisionLog', 'tasks', 'patterns', 'other'];

export function bankOrder<T extends { name: string }>(files: readonly T[]): T[] {
  const rank = (f: T) => ORDER.indexOf(fileRole(f.name.replace(/^.*[\\/]/, '')));
  return [...files].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** True when these file names make a memory bank: at least two of its known files. */
export function looksLikeMemoryBank(baseNames: readonly string[]): boolean {
  return baseNames.filter(isBankFileName).length >= 2;
}
