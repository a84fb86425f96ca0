// Job: a person's whole day with Campaign, in the real workbench (code-server +
// Chromium) against the packaged .vsix, starting from a folder with no campaign
// file: open the sidebar, Initialize Campaign from its welcome button, add work,
// start a session from the palette, read the status bar, copy the primer (and
// check the clipboard), log a decision, fill and submit the handoff form in its
// webview, check the file on disk; then change the file from outside and watch
// the tree follow, break the YAML and find it in the Problems panel, fix it.
//
// The steps share one workbench and run in order; after a failure the rest are
// skipped (their preconditions are gone) and the failing step keeps a
// screenshot and the logs under test-results/<step>/ (see step()).
// Screenshots kept as artifacts: test-results/journey-*.png. With
// CAMPAIGN_DOCS_IMAGES=1 the sidebar and handoff-form shots are also copied to
// docs/images/e2e-sidebar.png and docs/images/e2e-handoff-form.png (the README's).
//
// Build first: `node scripts/build.mjs --tests` and package the .vsix
// (`npm run test:e2e` does both); run alone:
// `node --test out/test/e2e/userJourney.e2e.js`.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import type { FrameLocator, Locator } from 'playwright-core';
import { parse, parseDocument } from 'yaml';
import { repoRoot } from '../support/codeServer';
import { step, useWorkbench } from '../support/e2eSession';
import type { Workbench } from '../support/workbench';

const PROJECT = 'Journey Demo';
const PURPOSE = 'Self-hosted auth service for the mobile apps';
const FOCUS = 'Add rate limiting to the login endpoint';
const OTHER_WORK = 'Document the token refresh flow';
const DECISION = 'Token bucket per account, not per IP';
const RATIONALE = 'Mobile carriers put thousands of users behind one IP';
const ACCOMPLISHMENT = 'Rate limiter middleware with a Redis-backed bucket';
const NEXT_STEP = 'Load-test the limiter at 2k requests per second';
const HANDOFF = 'Limiter is merged behind a flag; turn it on in staging first';
const FORM_DECISION = 'Return 429 with Retry-After instead of 503';
const FORM_RATIONALE = 'Clients already back off on Retry-After';
const OUTSIDE_WORK = 'Rotate the signing keys (added by an agent)';

/** How long the views, the status bar and the Problems panel may take to follow the file. */
const FOLLOW_MS = 10_000;

describe('user journey: a day with Campaign in the real workbench', { timeout: 150_000 }, () => {
  // No fixture: an empty folder, the way a person meets Campaign first.
  const session = useWorkbench({
    viewport: { width: 1280, height: 800 },
    // The README's screenshots come from this file; they use the dark theme.
    settings: { 'workbench.colorTheme': 'Default Dark Modern' },
  });
  const campaignPath = () => join(session().workspace, '.claude', 'campaign.yaml');
  let broken: string | undefined;

  /** A journey step: skipped once an earlier one failed, artifacts kept when it fails. */
  function journey(name: string, fn: (wb: Workbench, t: TestContext) => Promise<void>): (t: TestContext) => Promise<void> {
    return async (t) => {
      if (broken) {
        t.skip(`the journey broke at "${broken}"`);
        return;
      }
      try {
        await step(`journey-${name}-failure`, session, () => fn(session().wb, t))();
      } catch (err) {
        broken = name;
        throw err;
      }
    };
  }

  it('shows the welcome view and initializes a campaign from its button', journey('initialize', async (wb) => {
    assert.equal(existsSync(campaignPath()), false, 'the workspace must start without a campaign file');
    await wb.openView('Campaign');
    const button = wb.page.locator('.part.sidebar .welcome-view-content').getByRole('button', { name: 'Initialize Campaign' });
    await button.waitFor({ timeout: 30_000 }); // the extension activates on the view
    await button.click();

    const nameBox = wb.page.locator('.quick-input-widget .quick-input-box input');
    await wb.waitForInput('Initialize Campaign (1/2)');
    // The name is prefilled from the folder.
    assert.match(await nameBox.inputValue(), /^campaign-e2e-ws-/);
    await wb.answerInput(PROJECT, { title: 'Initialize Campaign (1/2)' });
    await wb.answerInput(PURPOSE, { title: 'Initialize Campaign (2/2)' });

    await notification(wb, /Campaign initialized: \.claude\/campaign\.yaml/);
    await poll('the campaign file to be written', () => existsSync(campaignPath()));
    const created = parse(readFileSync(campaignPath(), 'utf8')) as { identity: { name: string; purpose: string } };
    assert.deepEqual([created.identity.name, created.identity.purpose], [PROJECT, PURPOSE]);
    // The welcome gives way to the views.
    await wb.page.locator('.part.sidebar .pane-header h3.title', { hasText: /^Remaining Work$/i }).waitFor({ timeout: FOLLOW_MS });
  }));

  it('adds work items with a priority', journey('add-work', async (wb) => {
    await addWorkItem(wb, FOCUS, 'High');
    await addWorkItem(wb, OTHER_WORK, 'Medium');
    await pollTree(wb, 'Remaining Work', (rows) => hasRow(rows, FOCUS) && hasRow(rows, OTHER_WORK));
    const rows = await wb.treeRows('Remaining Work');
    // High first, its item under it.
    const labels = rows.map((r) => r.label);
    assert.ok(labels.indexOf('High') < labels.indexOf(FOCUS) && labels.indexOf(FOCUS) < labels.indexOf('Medium'), `tree order: ${labels.join(' / ')}`);
  }));

  it('starts a session from the palette on a work item and shows it in the status bar', journey('start-session', async (wb) => {
    assert.deepEqual(await statusItem(wb, /No active session/), ['No active session']);
    await wb.runCommand('Campaign: Start Session');
    await wb.waitForInput('Start Session');
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('rate limiting');
    // Typing adds a "Focus: <typed>" row on top; wait for it, so the list has
    // settled and the click cannot land on a row that just moved.
    const rows = wb.page.locator('.quick-input-widget .monaco-list-row');
    await rows.filter({ hasText: 'Focus: rate limiting' }).first().waitFor({ timeout: FOLLOW_MS });
    const row = rows.filter({ hasText: FOCUS }).filter({ hasNotText: 'Focus:' }).first();
    await row.waitFor({ timeout: FOLLOW_MS });
    await row.click();
    await wb.answerInput('', { title: 'Start Session: Blockers (optional)' });

    const shown = await statusItem(wb, new RegExp(escapeRe(FOCUS)));
    // `$(target) focus · elapsed`: the icon renders as a glyph, so the text is the focus and the time.
    assert.match(shown[0]!, new RegExp(`^${escapeRe(FOCUS)} · (<1m|[1-9]m)$`), `status bar: ${shown[0]}`);
    const onDisk = parse(readFileSync(campaignPath(), 'utf8')) as { active_session: { focus: string } | null; remaining_work: { title: string; status: string }[] };
    assert.equal(onDisk.active_session?.focus, FOCUS);
    assert.equal(onDisk.remaining_work.find((w) => w.title === FOCUS)?.status, 'in_progress');

    await pollTree(wb, 'Session', (rows) => rows.some((r) => r.label.includes(FOCUS) || r.description.includes(FOCUS)));
    await pollTree(wb, 'Remaining Work', (rows) => rows.some((r) => r.label === FOCUS && /in progress/i.test(r.description)));
    await settle(wb);
    await wb.screenshot('journey-status-bar', { of: wb.page.locator('.part.statusbar') });
  }));

  it('copies the session primer to the clipboard', journey('copy-primer', async (wb) => {
    await wb.runCommand('Campaign: Copy Session Primer');
    const toast = await notification(wb, /Session primer copied: [\d,]+ tokens \(budget [\d,]+\)/);
    assert.match(toast, /tokens/);
    const primer = await poll('the primer on the clipboard', async () => {
      const text = await wb.readClipboard().catch(() => '');
      return text.includes(`Current focus: ${FOCUS}`) ? text : undefined;
    });
    assert.match(primer, new RegExp(`^# Campaign: ${escapeRe(PROJECT)}`, 'm'));
    assert.match(primer, new RegExp(`^Purpose: ${escapeRe(PURPOSE)}$`, 'm'));
    assert.match(primer, /^## Remaining work$/m);
    assert.match(primer, new RegExp(`^- .*${escapeRe(FOCUS)}`, 'm'), 'the focused work item is listed');
    assert.match(primer, new RegExp(escapeRe(OTHER_WORK)), 'the other work item is listed');
    await clearNotifications(wb);
  }));

  it('logs a decision with its rationale', journey('log-decision', async (wb) => {
    await wb.runCommand('Campaign: Log Decision');
    await wb.answerInput(DECISION, { title: 'Log Decision (1/2)' });
    await wb.answerInput(RATIONALE, { title: 'Log Decision (2/2)' });
    await pollTree(wb, 'Decisions', (rows) => hasRow(rows, DECISION));
  }));

  it('shows the primer beside the sidebar while the session is active', journey('show-primer', async (wb) => {
    await wb.runCommand('Campaign: Show Primer');
    const editor = wb.page.locator('.editor-instance .monaco-editor .view-lines').first();
    // Monaco renders spaces as no-break spaces.
    await poll('the primer in an editor', async () => ((await editor.innerText()).replace(/\u00a0/g, ' ').includes(`Current focus: ${FOCUS}`) ? true : undefined));
    await expectText(wb.page.locator('.tabs-container .tab.active'), 'Primer');
    // Cosmetic, for the screenshot: let the markdown colouring arrive (tokens other than the default mtk1).
    await poll('the primer to be coloured', async () => ((await editor.locator('span[class^="mtk"]:not(.mtk1)').count()) > 0 ? true : undefined), 5_000).catch(() => undefined);
    await settle(wb);
    await wb.screenshot('journey-sidebar-session-active');
  }));

  it('ends the session through the handoff form', journey('end-session', async (wb) => {
    await wb.runCommand('Campaign: End Session');
    const form = wb.webviewFrame();
    await form.locator('form.handoff-form').waitFor({ timeout: 20_000 });
    await expectText(form.locator('.session-meta'), FOCUS);

    await fillField(form, 'accomplishments.0', ACCOMPLISHMENT);
    await fillField(form, 'next.0.title', NEXT_STEP);
    await fillField(form, 'handoff', HANDOFF, 'textarea');
    await form.locator('vscode-button[data-action="add"][data-section="decisions"]').click();
    await fillField(form, 'decisions.0.decision', FORM_DECISION);
    await fillField(form, 'decisions.0.rationale', FORM_RATIONALE);
    await settle(wb);
    await wb.screenshot('journey-handoff-form-decisions'); // scrolled to the decision just typed
    await form.locator('body').evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.scrollingElement?.scrollTo(0, 0);
    });
    await poll('the form to scroll to its top', async () => ((await form.locator('body').evaluate(() => document.scrollingElement?.scrollTop ?? 0)) === 0 ? true : undefined), 2_000);
    await wb.screenshot('journey-handoff-form');

    await form.locator('vscode-button[data-role="submit"]').click();
    // The host closes the panel once the file is written.
    await wb.page.locator('iframe.webview').filter({ visible: true }).waitFor({ state: 'detached', timeout: FOLLOW_MS }).catch(async (err: Error) => {
      const banner = await form.locator('[data-banner="error"]').innerText({ timeout: 500 }).catch(() => '');
      throw new Error(`the handoff form did not close after End Session${banner ? `; it says: ${banner}` : ''} (${err.message.split('\n')[0]})`);
    });

    const text = readFileSync(campaignPath(), 'utf8');
    withFile(text, () => {
      const c = parse(text) as {
        active_session: unknown;
        build_log: { title?: string; accomplishments: string[]; decisions?: string[] }[];
        decisions_log: { decision: string; rationale: string }[];
        handoff_notes: { next_session: string | null };
        remaining_work: { title: string; priority: string; status: string }[];
      };
      assert.equal(c.active_session, null, 'active_session is null after the handoff');
      assert.equal(c.build_log.length, 1, 'one build_log entry');
      const entry = c.build_log[0]!;
      assert.equal(entry.title, FOCUS, 'build_log entry title (the session focus)');
      assert.ok(entry.accomplishments.includes(ACCOMPLISHMENT), 'build_log entry accomplishments has the one typed');
      assert.deepEqual(entry.decisions, [FORM_DECISION], 'build_log entry decisions (the form one)');
      assert.equal(c.handoff_notes.next_session, HANDOFF, 'handoff_notes.next_session');
      assert.deepEqual(
        c.decisions_log.map((d) => [d.decision, d.rationale]),
        [[DECISION, RATIONALE], [FORM_DECISION, FORM_RATIONALE]],
        'decisions_log: the logged decision, then the form one, with rationales',
      );
      assert.ok(c.remaining_work.some((w) => w.title === NEXT_STEP && w.priority === 'medium' && w.status === 'todo'), 'the next step is new medium work');
      assert.ok(c.remaining_work.some((w) => w.title === FOCUS), 'the focused item is still open (it was not completed)');
      // What Initialize Campaign wrote as comments is still there.
      for (const comment of [
        `# Campaign: ${PROJECT}`,
        '# What this project is',
        '# The session in progress (null when none)',
        '# Remaining work: priority high | medium | low; status todo | in_progress | blocked | done',
        '# What each session built, newest last',
        '# Decisions with their rationale, newest last',
        '# For the next session',
      ]) {
        assert.ok(text.includes(comment), `comment from Initialize Campaign lost: ${comment}`);
      }
    });

    await statusItem(wb, /No active session/);
    await pollTree(wb, 'Remaining Work', (rows) => hasRow(rows, NEXT_STEP));
  }));

  it('follows an edit made outside the editor', journey('outside-edit', async (wb) => {
    const doc = parseDocument(readFileSync(campaignPath(), 'utf8'));
    doc.addIn(['remaining_work'], doc.createNode({ title: OUTSIDE_WORK, priority: 'low', status: 'todo' }));
    writeFileSync(campaignPath(), doc.toString({ lineWidth: 0 }));
    await pollTree(wb, 'Remaining Work', (rows) => hasRow(rows, OUTSIDE_WORK) && hasRow(rows, 'Low'));
  }));

  it('reports broken YAML in the Problems panel and recovers when it is fixed', journey('problems', async (wb) => {
    const good = readFileSync(campaignPath(), 'utf8');
    const lines = good.split('\n');
    const line = lines.indexOf('version: 1');
    assert.ok(line >= 0, 'the file has a `version: 1` line');
    lines[line] = 'version: 1: oops';
    writeFileSync(campaignPath(), lines.join('\n'));

    await wb.runCommand('Problems: Focus on Problems View');
    const problem = await poll('the campaign problem in the Problems panel', async () => {
      const rows = await wb.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
      return rows.map((r) => r.replace(/\s+/g, ' ').trim()).find((r) => /Nested mappings/.test(r));
    });
    // Line and column of the problem, as the panel shows them (1-based).
    const where = /\[Ln (\d+), Col (\d+)\]/.exec(problem);
    assert.ok(where, `no line/column in the Problems row: ${problem}`);
    assert.equal(Number(where[1]), line + 1, `Problems row: ${problem}`);
    // The yaml parser (and `campaign validate`) put it at the value that starts the nested mapping.
    assert.equal(Number(where[2]), 'version: '.length + 1, `Problems row: ${problem}`);
    assert.match(problem, /campaign/);
    // The views keep the last good state meanwhile.
    assert.ok(hasRow(await wb.treeRows('Remaining Work'), OUTSIDE_WORK));
    await wb.screenshot('journey-problems');

    writeFileSync(campaignPath(), good);
    await poll('the Problems panel to clear', async () => {
      const rows = await wb.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
      return rows.every((r) => !/Nested mappings/.test(r)) ? true : undefined;
    });
    await pollTree(wb, 'Remaining Work', (rows) => hasRow(rows, OUTSIDE_WORK));
  }));

  it('copies the screenshots to docs/images when asked', journey('docs-images', async (_wb, t) => {
    // Opt-in, so that a test run does not rewrite tracked files.
    if (process.env.CAMPAIGN_DOCS_IMAGES !== '1') {
      t.skip('set CAMPAIGN_DOCS_IMAGES=1 to refresh docs/images/e2e-*.png');
      return;
    }
    const images = join(repoRoot, 'docs/images');
    mkdirSync(images, { recursive: true });
    copyFileSync(join(repoRoot, 'test-results/journey-sidebar-session-active.png'), join(images, 'e2e-sidebar.png'));
    copyFileSync(join(repoRoot, 'test-results/journey-handoff-form.png'), join(images, 'e2e-handoff-form.png'));
  }));
});

// ---- helpers -------------------------------------------------------------------

async function addWorkItem(wb: Workbench, title: string, priority: 'High' | 'Medium' | 'Low'): Promise<void> {
  await wb.runCommand('Campaign: Add Work Item');
  await wb.answerInput(title, { title: 'Add Work Item' });
  await wb.waitForInput('Add Work Item: Priority');
  const row = wb.page.locator('.quick-input-widget .monaco-list-row').filter({ has: wb.page.locator('.label-name', { hasText: new RegExp(`^${priority}`) }) }).first();
  await row.click();
}

/** Polls `check` until it returns something other than undefined/false; fails with the last error after `timeout`. */
async function poll<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeout = FOLLOW_MS): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Runs file assertions; a failure message ends with the whole file. */
function withFile(text: string, check: () => void): void {
  try {
    check();
  } catch (err) {
    if (!(err instanceof assert.AssertionError)) throw err;
    // The assertion's message already carries its actual/expected diff.
    throw new Error(`${err.message}\n--- .claude/campaign.yaml as written:\n${text}`, { cause: err });
  }
}

function hasRow(rows: { label: string }[], label: string): boolean {
  return rows.some((r) => r.label === label);
}

async function pollTree(wb: Workbench, view: string, ok: (rows: { label: string; description: string }[]) => boolean): Promise<void> {
  let rows: { label: string; description: string }[] = [];
  try {
    await poll(`the ${view} view`, async () => {
      rows = await wb.treeRows(view);
      return ok(rows);
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${view} shows: ${rows.map((r) => `${r.label}${r.description ? ` (${r.description})` : ''}`).join(' / ') || 'nothing'}`);
  }
}

/** The status bar items matching `pattern`, once there is one. */
async function statusItem(wb: Workbench, pattern: RegExp): Promise<string[]> {
  let items: string[] = [];
  try {
    return await poll(`a status bar item matching ${pattern}`, async () => {
      items = await wb.statusBarItems();
      const hit = items.filter((t) => pattern.test(t));
      return hit.length > 0 ? hit : undefined;
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}\nthe status bar shows: ${items.join(' | ')}`);
  }
}

/** The text of the notification toast matching `pattern`. */
async function notification(wb: Workbench, pattern: RegExp): Promise<string> {
  let shown: string[] = [];
  try {
    return await poll(`a notification matching ${pattern}`, async () => {
      shown = (await wb.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts()).map((t) => t.trim());
      return shown.find((t) => pattern.test(t));
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}\nnotifications shown: ${shown.join(' / ') || 'none'}`);
  }
}

async function clearNotifications(wb: Workbench): Promise<void> {
  const toasts = wb.page.locator('.notifications-toasts .notification-toast');
  if ((await toasts.count()) === 0) return;
  await wb.runCommand('Notifications: Clear All Notifications');
  await poll('the notifications to close', async () => ((await toasts.count()) === 0 ? true : undefined), 5_000);
}

/** Before a screenshot: no toasts, no quick input (not even fading out), no hover. */
async function settle(wb: Workbench): Promise<void> {
  await clearNotifications(wb);
  await wb.page.mouse.move(640, 1); // the title bar: no hover over a tree row or the status bar
  await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 });
  await poll('the workbench to stop animating', () =>
    wb.page.evaluate(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)) || undefined,
  3_000).catch(() => undefined); // a screenshot mid-fade is only cosmetic
}

/** Types into a vscode-textfield / vscode-textarea of the handoff form (its inner control). */
async function fillField(form: FrameLocator, key: string, value: string, control: 'input' | 'textarea' = 'input'): Promise<void> {
  const inner = form.locator(`[data-field="${key}"] ${control}`);
  await inner.fill(value);
  await poll(`the form field ${key} to take the value`, async () =>
    (await form.locator(`[data-field="${key}"]`).evaluate((el) => (el as unknown as { value: string }).value)) === value ? true : undefined,
  5_000);
}

async function expectText(locator: Locator, text: string): Promise<void> {
  await poll(`"${text}"`, async () => ((await locator.innerText()).includes(text) ? true : undefined));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
