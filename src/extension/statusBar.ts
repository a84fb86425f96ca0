// The status bar item: `$(target) focus · 1h 12m` while a session runs (click
// for the session menu), `$(circle-slash) No active session` otherwise (click
// to start one). It takes the warning background when the session has run
// past campaign.reminderHours or began on an earlier day — a nudge to end it
// with a handoff. Hidden when there is no campaign or the setting is off.
import * as vscode from 'vscode';
import { absoluteText, formatElapsed } from '../core/model/timeFormat';
import type { CampaignWorkspace } from './campaignWorkspace';
import { CommandIds } from './commandIds';
import { Disposable } from './disposable';
import type { MinuteClock } from './minuteClock';
import { parseStarted, reminderReason, statusBarText, type ReminderReason } from './sessionClock';
import { reminderHours, SETTING_KEYS, statusBarEnabled } from './settings';

export class SessionStatusBar extends Disposable {
  readonly item: vscode.StatusBarItem;
  /** Why the reminder look is on, if it is (for tests and the tooltip). */
  reminder: ReminderReason | undefined;
  /** Whether the item is shown (StatusBarItem does not say). */
  visible = false;

  constructor(
    private readonly workspace: CampaignWorkspace,
    private readonly clock: MinuteClock,
  ) {
    super();
    this.item = this._register(vscode.window.createStatusBarItem('campaign.session', vscode.StatusBarAlignment.Left, 50));
    this.item.name = 'Campaign Session';
    this._register(workspace.onDidChangeActive(() => this.update()));
    this._register(clock.onDidTick(() => this.update()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTING_KEYS.statusBarEnabled) || e.affectsConfiguration(SETTING_KEYS.reminderHours)) this.update();
      }),
    );
    this.update();
  }

  update(now = new Date()): void {
    const store = this.workspace.active;
    const campaign = store?.campaign;
    const session = campaign?.active_session ?? null;
    this.clock.want('statusBar', !!session);
    if (!store || !campaign || !statusBarEnabled()) {
      this.reminder = undefined;
      this.visible = false;
      this.item.hide();
      return;
    }
    const start = session ? parseStarted(session.started) : undefined;
    this.reminder = session ? reminderReason(start, now, reminderHours()) : undefined;
    const invalid = store.fileState === 'invalid';
    this.item.text = invalid ? `$(warning) ${statusBarText(session, now)}` : statusBarText(session, now);
    this.item.backgroundColor = this.reminder ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    // Start Session is hidden everywhere while the file is broken; the click then leads to the problem.
    this.item.command = session ? CommandIds.sessionMenu : invalid ? CommandIds.openFile : CommandIds.startSession;

    const md = new vscode.MarkdownString('', true);
    md.isTrusted = false;
    md.supportHtml = false;
    if (session) {
      md.appendMarkdown('**Focus:** ').appendText(session.focus).appendMarkdown('\n\n');
      if (session.started) md.appendMarkdown('**Started:** ').appendText(absoluteText(session.started)).appendMarkdown('\n\n');
      if (start?.hasTime) md.appendMarkdown(`**Elapsed:** ${formatElapsed(now.getTime() - start.at.getTime())}\n\n`);
      if (session.blockers.length) md.appendMarkdown('**Blockers:** ').appendText(session.blockers.join('; ')).appendMarkdown('\n\n');
      if (this.reminder === 'earlierDay') md.appendMarkdown('$(warning) This session began on an earlier day. End it with a handoff so the next one starts clean.\n\n');
      if (this.reminder === 'long') md.appendMarkdown(`$(warning) This session has run over ${reminderHours()} h. Consider ending it with a handoff.\n\n`);
      md.appendMarkdown('Click for session actions.');
    } else {
      md.appendMarkdown(invalid ? 'No session is active. Click to open the campaign file at its first problem.' : 'No session is active. Click to start one.');
    }
    if (invalid) md.appendMarkdown('\n\n$(warning) The campaign file has problems; this is its last good state.');
    this.item.tooltip = md;
    this.item.accessibilityInformation = {
      label: session ? `Campaign session: ${session.focus}${this.reminder ? ', consider ending it' : ''}` : 'Campaign: no active session',
    };
    this.visible = true;
    this.item.show();
  }
}
