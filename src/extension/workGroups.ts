// Pure (no `vscode`): how remaining work is arranged for people — grouped by
// priority for the tree, open work high-first for Start Session, and the
// codicon and wording for each status.
import { PRIORITIES, type Priority, type WorkItem, type WorkStatus } from '../core/model/model';

export const PRIORITY_LABELS: Record<Priority, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export const STATUS_LABELS: Record<WorkStatus, string> = {
  todo: 'to do',
  in_progress: 'in progress',
  blocked: 'blocked',
  done: 'done',
};

export interface WorkGroup {
  priority: Priority;
  items: WorkItem[];
}

/**
 * All three groups, always — an empty group is still a drop target — and the
 * items inside each in file order, because that order is the person's own.
 */
export function groupByPriority(items: readonly WorkItem[]): WorkGroup[] {
  return PRIORITIES.map((priority) => ({ priority, items: items.filter((i) => i.priority === priority) }));
}

/** Work that can still be picked as a session focus: not done, high priority first, then file order. */
export function openWorkInPickOrder(items: readonly WorkItem[]): WorkItem[] {
  return groupByPriority(items.filter((i) => i.status !== 'done')).flatMap((g) => g.items);
}

export interface StatusIcon {
  /** Codicon id. */
  id: string;
  /** Theme color id, when the status deserves one. */
  color?: string;
}

export function statusIcon(status: WorkStatus): StatusIcon {
  switch (status) {
    case 'todo':
      return { id: 'circle-large-outline' };
    case 'in_progress':
      return { id: 'play-circle', color: 'charts.blue' };
    case 'blocked':
      return { id: 'circle-slash', color: 'problemsWarningIcon.foreground' };
    case 'done':
      return { id: 'pass-filled', color: 'testing.iconPassed' };
  }
}
