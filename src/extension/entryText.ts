// Pure (no `vscode`): a sidebar row as the plain text Copy puts on the
// clipboard — the title with its notes, a decision with its rationale, a
// build-log entry with its date and accomplishments. Dates stay as written in
// the file, so the copy pastes back unchanged.
import type { BuildLogEntry, Decision, WorkItem } from '../core/model/model';
import { STATUS_LABELS } from './workGroups';

export function entryText(node: unknown): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const n = node as { kind?: unknown; item?: WorkItem; decision?: Decision; entry?: BuildLogEntry; text?: string };
  if (n.kind === 'work' && n.item) return workText(n.item);
  if (n.kind === 'decision' && n.decision) return decisionText(n.decision);
  if (n.kind === 'entry' && n.entry) return buildLogText(n.entry);
  if (n.kind === 'line' && typeof n.text === 'string') return n.text;
  return undefined;
}

export function workText(w: WorkItem): string {
  const status = w.status === 'todo' ? '' : ` (${STATUS_LABELS[w.status]})`;
  return w.notes ? `${w.title}${status}\n${w.notes}` : `${w.title}${status}`;
}

export function decisionText(d: Decision): string {
  const superseded = d.status === 'superseded' ? ` (superseded${d.superseded_by ? ` by ${d.superseded_by}` : ''})` : '';
  return `${d.decision}${superseded}\nWhy: ${d.rationale}`;
}

export function buildLogText(e: BuildLogEntry): string {
  const lines = [e.title ? `${e.date} — ${e.title}` : e.date];
  for (const a of e.accomplishments) lines.push(`- ${a}`);
  for (const d of e.decisions) lines.push(`- Decision: ${d}`);
  return lines.join('\n');
}
