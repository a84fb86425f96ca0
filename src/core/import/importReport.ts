// Job: the report every import prints (and --dry-run prints alone): per
// campaign section how many entries came from which file, what was left
// unplaced (counts and file:line ranges), and the token cost of the sources read
// whole against the primer of the result, both by the primer's own estimator.
import { CampaignDocument } from '../document/campaignDocument';
import { DEFAULT_PRIMER_BUDGET, renderPrimer } from '../primer/primer';
import { estimateTokens } from '../primer/tokenEstimate';
import type { ImportPlan } from './importPlan';
import { IMPORT_SECTIONS, type ImportSection } from './memoryBank/mapBank';
import type { MergeCounts } from './mergeImport';

export interface SectionReport {
  section: ImportSection;
  total: number;
  /** Entries per source file, in the order the files were read. */
  byFile: { file: string; count: number }[];
}

export interface ImportReport {
  layout: ImportPlan['layout'];
  bankFolder?: string;
  files: string[];
  sections: SectionReport[];
  work: { open: number; inProgress: number; high: number; medium: number; low: number };
  unplaced: { file: string; lines: number; ranges: string[] }[];
  unplacedLines: number;
  tokens: { sources: number; primer: number; budget: number };
  merge?: MergeCounts;
}

/** `text` is the campaign file as it is (or would be) after the import. */
export function buildImportReport(plan: ImportPlan, text: string, merge?: MergeCounts): ImportReport {
  const files = plan.files.map((f) => f.name);
  const sections: SectionReport[] = IMPORT_SECTIONS.map((section) => {
    const counts = new Map<string, number>();
    for (const p of plan.placed) {
      if (p.section !== section || p.detail === 'part' || p.detail === 'repeat') continue;
      counts.set(p.file, (counts.get(p.file) ?? 0) + 1);
    }
    const byFile = files.filter((f) => counts.has(f)).map((file) => ({ file, count: counts.get(file)! }));
    return { section, total: byFile.reduce((n, f) => n + f.count, 0), byFile };
  });
  const work = { open: 0, inProgress: 0, high: 0, medium: 0, low: 0 };
  for (const w of plan.data.remaining_work ?? []) {
    if (typeof w === 'string') {
      work.open++;
      work.medium++;
      continue;
    }
    if (w.status === 'done') continue;
    work.open++;
    if (w.status === 'in_progress') work.inProgress++;
    const p = (w.priority ?? 'medium') as 'high' | 'medium' | 'low';
    work[p]++;
  }
  const unplaced = files
    .map((file) => {
      const ranges = plan.unplaced.filter((u) => u.file === file);
      return {
        file,
        lines: ranges.reduce((n, u) => n + u.lines.length, 0),
        ranges: ranges.map((u) => (u.first === u.last ? `${u.first}` : `${u.first}-${u.last}`)),
      };
    })
    .filter((u) => u.lines > 0);
  const model = CampaignDocument.parse(text).model;
  const report: ImportReport = {
    layout: plan.layout,
    files,
    sections,
    work,
    unplaced,
    unplacedLines: unplaced.reduce((n, u) => n + u.lines, 0),
    tokens: {
      sources: estimateTokens(plan.files.map((f) => f.text).join('\n')),
      primer: renderPrimer(model).tokens,
      budget: DEFAULT_PRIMER_BUDGET,
    },
  };
  if (plan.bankFolder !== undefined) report.bankFolder = plan.bankFolder;
  if (merge) report.merge = merge;
  return report;
}

const SECTION_LABELS: Record<ImportSection, string> = {
  'identity.name': 'Name',
  'identity.purpose': 'Purpose',
  'identity.tech_stack': 'Tech stack',
  constraints: 'Constraints',
  remaining_work: 'Remaining work',
  build_log: 'Build log (accomplishments)',
  decisions_log: 'Decisions',
  handoff_notes: 'Handoff notes (focus)',
};

const n = (x: number) => x.toLocaleString('en-US');

/** What was read, as one phrase: "the memory bank in memory-bank/ (6 files)". */
export function describeSources(r: Pick<ImportReport, 'layout' | 'bankFolder' | 'files'>): string {
  const count = `${r.files.length} file${r.files.length === 1 ? '' : 's'}`;
  if (r.layout === 'memory-bank') return r.bankFolder ? `the memory bank in ${r.bankFolder}/ (${count})` : `a memory bank (${count})`;
  if (r.layout === 'article') return `${r.files[0]} (campaign layout)`;
  return r.files.length === 1 ? r.files[0]! : count;
}

/** The report as Markdown: readable in a terminal and in an editor tab. */
export function formatImportReport(r: ImportReport, heading = 'Import report'): string {
  const out: string[] = [`# ${heading}`, '', `Read ${describeSources(r)}.`, ''];
  out.push('| Section | Entries | From |', '|---|---:|---|');
  for (const s of r.sections) {
    let entries = n(s.total);
    if (s.section === 'remaining_work' && s.total > 0) {
      const parts = [`${n(r.work.open)} open: ${r.work.high} high, ${r.work.medium} medium, ${r.work.low} low`];
      if (r.work.inProgress) parts.push(`${r.work.inProgress} in progress`);
      entries += ` (${parts.join('; ')})`;
    }
    out.push(`| ${SECTION_LABELS[s.section]} | ${entries} | ${s.byFile.map((f) => `${f.file} ${f.count}`).join(', ') || '—'} |`);
  }
  out.push('');
  if (r.merge) {
    const m = r.merge;
    out.push(
      `Merged into the existing campaign: added ${m.added} entr${m.added === 1 ? 'y' : 'ies'}; ${m.skipped} already there (same title) left as they were.`,
      '',
    );
  }
  if (r.unplacedLines === 0) out.push('Every line found a place.');
  else {
    out.push(`## Unplaced: ${n(r.unplacedLines)} line${r.unplacedLines === 1 ? '' : 's'}, kept under import_unplaced with file and line`, '');
    for (const u of r.unplaced) out.push(`- ${u.file}: ${n(u.lines)} line${u.lines === 1 ? '' : 's'} (lines ${u.ranges.join(', ')})`);
    out.push('', 'Move what matters into its section (or a note) and delete import_unplaced; the primer never shows it.');
  }
  out.push(
    '',
    '## Token cost (o200k estimate, the primer’s own)',
    '',
    `- Reading the sources whole: ${n(r.tokens.sources)} tokens`,
    `- The campaign’s primer: ${n(r.tokens.primer)} tokens (budget ${n(r.tokens.budget)})`,
  );
  return `${out.join('\n')}\n`;
}
