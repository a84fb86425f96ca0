// Job: decide how a set of Markdown sources is read — the seed article's
// campaign layout, or a memory bank / Kiro tasks.md / checkbox list through the
// heading table — and return the campaign data with where every entry came from.
import { basename } from 'node:path';
import type { RandomSource } from '../model/ids';
import type { CampaignFile } from '../model/model';
import { importMarkdown } from './markdownImport';
import { bankOrder, fileRole } from './memoryBank/bankLayout';
import { importMemoryBank, type BankFile, type ImportSection, type Placement, type UnplacedRange } from './memoryBank/mapBank';

export type ImportLayout = 'memory-bank' | 'article' | 'markdown';

export interface ImportPlan {
  layout: ImportLayout;
  files: BankFile[];
  /** Where the memory bank was found ('' when the files were named one by one). */
  bankFolder?: string;
  data: CampaignFile;
  placed: Placement[];
  unplaced: UnplacedRange[];
  /** Article layout only: notes the article importer makes (reordering, placeholders). */
  notes: string[];
  /** Article layout only: each unplaced line with the reason (`file:line: reason: text`). */
  unplacedReasons: string[];
}

/** The seed article's layout: `# Campaign: NAME` or its own section names. */
export function isArticleLayout(text: string): boolean {
  return /^#\s+campaign\s*:/im.test(text) || /^##\s+(remaining work|build log|decisions log|handoff notes|active session)\s*$/im.test(text);
}

export interface PlanOptions {
  now?: Date;
  random?: RandomSource;
  bankFolder?: string;
}

export function planImport(files: readonly BankFile[], options: PlanOptions = {}): ImportPlan {
  const only = files.length === 1 ? files[0]! : undefined;
  if (only && fileRole(basename(only.name)) === 'other' && isArticleLayout(only.text)) return articlePlan(only, options);
  const ordered = bankOrder(files);
  const result = importMemoryBank(ordered, options);
  const plan: ImportPlan = {
    layout: options.bankFolder !== undefined ? 'memory-bank' : 'markdown',
    files: ordered,
    data: result.data,
    placed: result.placed,
    unplaced: result.unplaced,
    notes: [],
    unplacedReasons: [],
  };
  if (options.bankFolder !== undefined) plan.bankFolder = options.bankFolder;
  return plan;
}

function articlePlan(file: BankFile, options: PlanOptions): ImportPlan {
  const result = importMarkdown(file.text, options.random ? { random: options.random } : {});
  const d = result.data;
  const placed: Placement[] = [];
  const add = (section: ImportSection, n: number, detail?: string) => {
    for (let i = 0; i < n; i++) placed.push({ section, file: file.name, line: 0, ...(detail ? { detail } : {}) });
  };
  if (d.identity?.name) add('identity.name', 1);
  if (d.identity?.purpose) add('identity.purpose', 1);
  add('identity.tech_stack', Array.isArray(d.identity?.tech_stack) ? d.identity.tech_stack.length : 0);
  add('constraints', Array.isArray(d.constraints) ? d.constraints.length : 0);
  for (const w of d.remaining_work ?? []) add('remaining_work', 1, typeof w === 'string' ? 'todo' : String(w.status ?? 'todo'));
  for (const b of d.build_log ?? []) add('build_log', Array.isArray(b.accomplishments) ? b.accomplishments.length : 0, 'done');
  add('decisions_log', d.decisions_log?.length ?? 0);
  const h = d.handoff_notes;
  if (h && !Array.isArray(h) && typeof h === 'object') add('handoff_notes', (h.next_session ? 1 : 0) + (Array.isArray(h.notes) ? h.notes.length : 0));
  const notes = [
    ...(result.reordered.length ? [`Put ${result.reordered.join(' and ')} newest last, as the schema keeps them.`] : []),
    ...result.placeholders.map((p) => `  line ${p.line}: left empty (template placeholder): ${p.text.trim()}`),
  ];
  return {
    layout: 'article',
    files: [file],
    data: d,
    placed,
    unplaced: result.unplaced.map((u) => ({ file: file.name, first: u.line, last: u.line, lines: [{ line: u.line, text: u.text }] })),
    notes,
    unplacedReasons: result.unplaced.map((u) => `${file.name}:${u.line}: ${u.reason}: ${u.text.trim()}`),
  };
}
