// The Session view: the active session's focus, start, elapsed time and
// blockers, and the handoff notes the last session left — or, with no session,
// a "No active session" row that starts one. A warning row leads to the first
// problem while the file is invalid (the rest is the last good state). When a
// git merge left `merge_conflicts:` in the file, a warning row at the top
// lists them, one row per conflict with Keep Ours / Take Theirs actions
// (mergeConflictItems.ts).
import * as vscode from 'vscode';
import type { Campaign, HandoffNotes } from '../core/model/model';
import type { Problem } from '../core/model/problems';
import { absoluteText, formatElapsed, relativeText, relativeTime } from '../core/model/timeFormat';
import { CampaignTree, safeTooltip } from './campaignTree';
import type { CampaignWorkspace } from './campaignWorkspace';
import { CommandIds } from './commandIds';
import { conflictItem, conflictsHeaderItem, shownConflicts, type ConflictNode } from './mergeConflictItems';
import type { MinuteClock } from './minuteClock';
import { problemPosition } from './problemRanges';
import { parseStarted } from './sessionClock';

export type SessionNode =
  | { kind: 'problem'; problem: Problem; count: number; text: string | undefined; lastGood: boolean }
  | { kind: 'conflicts'; conflicts: ConflictNode[] }
  | ConflictNode
  | { kind: 'focus'; focus: string }
  | { kind: 'started'; started: string }
  | { kind: 'elapsed'; since: Date }
  | { kind: 'blockers'; blockers: string[] }
  | { kind: 'noSession' }
  | { kind: 'handoff'; campaign: Campaign }
  | { kind: 'text'; id: string; text: string; icon: string; tooltip?: string };

export class SessionTree extends CampaignTree<SessionNode> {
  constructor(workspace: CampaignWorkspace, clock: MinuteClock) {
    super(workspace);
    // Elapsed time ticks only while a session is shown.
    const syncClock = () => clock.want('sessionTree', !!workspace.active?.campaign?.active_session);
    this._register(workspace.onDidChangeActive(syncClock));
    this._register(clock.onDidTick(() => this.refresh()));
    syncClock();
  }

  protected computeChildren(element?: SessionNode): SessionNode[] {
    if (element) return this.childrenOf(element);
    const store = this.workspace.active;
    const campaign = store?.campaign;
    const nodes: SessionNode[] = [];
    const problems = store?.problems ?? [];
    const state = store?.state;
    if (problems[0]) nodes.push({ kind: 'problem', problem: problems[0], count: problems.length, text: state?.kind === 'invalid' ? state.text : undefined, lastGood: !!campaign });
    if (!store || !campaign) return nodes;
    const conflicts = shownConflicts(this.workspace).map((conflict): ConflictNode => ({ kind: 'conflict', conflict, store }));
    if (conflicts.length > 0) nodes.push({ kind: 'conflicts', conflicts });
    const session = campaign.active_session;
    if (session) {
      nodes.push({ kind: 'focus', focus: session.focus });
      if (session.started) nodes.push({ kind: 'started', started: session.started });
      const start = parseStarted(session.started);
      if (start?.hasTime) nodes.push({ kind: 'elapsed', since: start.at });
      nodes.push({ kind: 'blockers', blockers: session.blockers });
    } else {
      nodes.push({ kind: 'noSession' });
    }
    const h = campaign.handoff_notes;
    if (h.next_session || h.notes.length > 0) nodes.push({ kind: 'handoff', campaign });
    return nodes;
  }

  private childrenOf(element: SessionNode): SessionNode[] {
    switch (element.kind) {
      case 'conflicts':
        return element.conflicts;
      case 'blockers':
        return element.blockers.map((b, i) => ({ kind: 'text', id: `blocker:${i}`, text: b, icon: 'circle-small-filled' }));
      case 'handoff': {
        const h = element.campaign.handoff_notes;
        const rows: SessionNode[] = [];
        if (h.next_session) rows.push({ kind: 'text', id: 'handoff:next', text: h.next_session, icon: 'arrow-right', tooltip: 'Next session' });
        h.notes.forEach((n, i) => rows.push({ kind: 'text', id: `handoff:note:${i}`, text: n, icon: 'circle-small-filled' }));
        return rows;
      }
      default:
        return [];
    }
  }

  getTreeItem(node: SessionNode): vscode.TreeItem {
    const item = this.buildItem(node);
    // Stable ids: a row keeps its identity across refreshes (selection, focus, and no
    // stale handles when the workbench re-renders menus mid-refresh).
    item.id = `session:${node.kind === 'text' ? node.id : node.kind === 'conflict' ? `conflict:${node.conflict.index}:${node.conflict.path}` : node.kind}`;
    return item;
  }

  private buildItem(node: SessionNode): vscode.TreeItem {
    switch (node.kind) {
      case 'problem': {
        // The one place the broken state is spelled out (a badge on this view points here).
        const at = problemPosition(node.problem, node.text);
        const item = new vscode.TreeItem(`Campaign file has problems (line ${at.line}, column ${at.column})`);
        item.description = node.count > 1 ? `${node.count} problems` : node.problem.message;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.tooltip = safeTooltip((md) =>
          md
            .markup(
              node.lastGood
                ? '**The campaign file has problems.** The views show the last good state and nothing is written until it is fixed (see the Problems panel).\n\n'
                : '**The campaign file has problems.** See the Problems panel.\n\n',
            )
            .field(`Line ${at.line}, column ${at.column}`, node.problem.message),
        );
        item.command = { command: CommandIds.openFile, title: 'Open Campaign File' };
        item.contextValue = 'campaign.problem';
        return item;
      }
      case 'conflicts':
        return conflictsHeaderItem(node.conflicts.length);
      case 'conflict':
        return conflictItem(node);
      case 'focus': {
        const item = new vscode.TreeItem(node.focus || '(no focus)');
        item.description = 'focus';
        item.iconPath = new vscode.ThemeIcon('target');
        item.tooltip = safeTooltip((md) => md.field('Focus', node.focus));
        item.contextValue = 'campaign.session.focus';
        return item;
      }
      case 'started': {
        const start = parseStarted(node.started);
        const item = new vscode.TreeItem(start ? relativeTime(start, new Date()) : node.started);
        item.description = 'started';
        item.iconPath = new vscode.ThemeIcon('calendar');
        item.tooltip = safeTooltip((md) => md.field('Started', absoluteText(node.started)));
        return item;
      }
      case 'elapsed': {
        const item = new vscode.TreeItem(formatElapsed(Date.now() - node.since.getTime()));
        item.description = 'elapsed';
        item.iconPath = new vscode.ThemeIcon('watch');
        return item;
      }
      case 'blockers': {
        const n = node.blockers.length;
        const item = new vscode.TreeItem(
          n === 0 ? 'No blockers' : n === 1 ? '1 blocker' : `${n} blockers`,
          n === 0 ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded,
        );
        item.iconPath = new vscode.ThemeIcon(n === 0 ? 'pass' : 'warning');
        return item;
      }
      case 'noSession': {
        const item = new vscode.TreeItem('No active session');
        item.iconPath = new vscode.ThemeIcon('circle-slash');
        // Like the menus: no Start Session while the file cannot be written.
        if (this.workspace.active?.fileState !== 'invalid') {
          item.description = 'Start Session…';
          item.command = { command: CommandIds.startSession, title: 'Start Session' };
        }
        item.tooltip = 'Start a session: pick remaining work or type a focus.';
        item.contextValue = 'campaign.session.none';
        return item;
      }
      case 'handoff': {
        const h = node.campaign.handoff_notes;
        const item = new vscode.TreeItem('Handoff notes', vscode.TreeItemCollapsibleState.Expanded);
        if (h.updated) item.description = `updated ${relativeText(h.updated, new Date())}`;
        item.iconPath = new vscode.ThemeIcon('note');
        item.tooltip = 'What the last session left for the next one.';
        // A screen reader reads the notes themselves, not the tooltip's explanation.
        item.accessibilityInformation = { label: handoffLabel(h) };
        return item;
      }
      case 'text': {
        const item = new vscode.TreeItem(node.text);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = safeTooltip((md) => (node.tooltip ? md.field(node.tooltip, node.text) : md.text(node.text)));
        item.accessibilityInformation = { label: node.tooltip ? `${node.tooltip}: ${node.text}` : node.text };
        return item;
      }
    }
  }
}

/** "Handoff notes, updated Dec 3, 2026. Next session: …. 2 notes: …; …" — what the row holds, read aloud. */
export function handoffLabel(h: HandoffNotes): string {
  const parts = [`Handoff notes${h.updated ? `, updated ${absoluteText(h.updated)}` : ''}.`];
  if (h.next_session) parts.push(`Next session: ${h.next_session}.`);
  if (h.notes.length) parts.push(`${h.notes.length === 1 ? '1 note' : `${h.notes.length} notes`}: ${h.notes.join('; ')}`);
  return parts.join(' ');
}
