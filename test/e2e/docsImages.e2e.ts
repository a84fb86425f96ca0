// Job: the README's pictures of what is new, taken in the real workbench
// (code-server + Chromium, the packaged .vsix, 1280×800, dark theme) while a
// person's steps are driven and checked: the Get Started walkthrough, the
// Remaining Work context menu on a work item, the Connect Agents… Quick Pick,
// and the report after Import Campaign… of a real memory bank. Each shot is
// saved to docs/images/<name>.png (and test-results/docs-<name>.png).
//
// Opt-in, so that a test run does not rewrite tracked files: without
// CAMPAIGN_DOCS_IMAGES=1 every test skips (and no workbench starts).
// Run: build (`node scripts/build.mjs --tests`), package the .vsix, then
// `CAMPAIGN_DOCS_IMAGES=1 CAMPAIGN_E2E_FILES=docsImages node scripts/run-e2e-tests.mjs`.
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import type { Locator } from 'playwright-core';
import { repoRoot } from '../support/codeServer';
import { step, useWorkbench, type E2ESession } from '../support/e2eSession';
import { clickTreeRow, FOLLOW_MS, poll, pollTree } from '../support/e2ePoll';
import type { Workbench } from '../support/workbench';

const WANTED = process.env.CAMPAIGN_DOCS_IMAGES === '1';
const SKIP_REASON = 'set CAMPAIGN_DOCS_IMAGES=1 to refresh docs/images/ (walkthrough, work-item-menu, connect-agents, import-report)';
const LOOK = {
  viewport: { width: 1280, height: 800 },
  // The README's other screenshots use the dark theme too.
  settings: { 'workbench.colorTheme': 'Default Dark Modern' },
};

const DONE_ITEM = 'Set up the service worker with a versioned cache';
const WALKTHROUGH_STEPS = ['Initialize a campaign', 'Add remaining work', 'Connect your agents', 'Start a session', 'End with a handoff'];
/** A real Cline memory bank (test/fixtures/import/memory-bank/SOURCES.md says where from). */
const BANK = 'test/fixtures/import/memory-bank/0ut5ider__DM-Player';
const BANK_FILES = ['projectbrief.md', 'productContext.md', 'activeContext.md', 'systemPatterns.md', 'techContext.md', 'progress.md'];

/** A test that skips unless the pictures are wanted; the workbench only starts when they are. */
function shot(name: string, session: (() => E2ESession) | undefined, fn: (wb: Workbench, s: E2ESession) => Promise<void>): (t: TestContext) => Promise<void> {
  return async (t) => {
    if (!WANTED || !session) {
      t.skip(SKIP_REASON);
      return;
    }
    await step(`docs-${name}-failure`, session, () => fn(session().wb, session()))();
  };
}

describe('docs images: what is new, in the real workbench', { timeout: 180_000 }, () => {
  describe('on the demo project', () => {
    const session = WANTED ? useWorkbench({ fixture: 'demo-workspace', ...LOOK }) : undefined;

    it('work-item-menu.png: the Remaining Work context menu on a done item', shot('work-item-menu', session, async (wb) => {
      await wb.runCommand('View: Close All Editors');
      await wb.openView('Campaign');
      // A click reveals the item in campaign.yaml (the editor behind the menu), then the right-click.
      await clickTreeRow(wb, 'Remaining Work', DONE_ITEM);
      await wb.page.locator('.part.editor .monaco-editor .view-line', { hasText: `title: ${DONE_ITEM}` }).waitFor({ timeout: FOLLOW_MS });
      const pane = wb.page.locator('.part.sidebar .pane').filter({ has: wb.page.locator('.pane-header h3.title', { hasText: /^Remaining Work$/i }) });
      const row = pane.locator('.monaco-list-row').filter({ has: wb.page.locator('.label-name', { hasText: DONE_ITEM }) }).first();
      await row.click({ button: 'right' });
      const menu = wb.page.locator('.context-view .monaco-menu');
      await menu.waitFor({ timeout: FOLLOW_MS });
      const entries = await poll('the menu entries', async () => {
        const labels = (await menu.locator('.action-menu-item .action-label').allInnerTexts()).map((s) => s.trim()).filter(Boolean);
        return labels.includes('Copy') ? labels : undefined;
      });
      // A done item: Reopen instead of Complete, and no Start Session on it.
      assert.deepEqual(entries, ['Set Status…', 'Reopen', 'Change Priority…', 'Edit Title…', 'Edit Notes…', 'Remove…', 'Copy']);
      const setStatus = menu.locator('.action-menu-item', { hasText: 'Set Status…' }).first();
      await setStatus.hover();
      await poll('Set Status… to be highlighted', async () => /\bfocused\b/.test((await setStatus.locator('xpath=..').getAttribute('class')) ?? ''));
      await save(wb, 'work-item-menu', { keepHover: true });
      await wb.page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden', timeout: FOLLOW_MS });
    }));

    it('connect-agents.png: the Connect Agents… Quick Pick, Claude Code first; accepting connects it', shot('connect-agents', session, async (wb, s) => {
      await wb.runCommand('Campaign: Connect Agents…');
      await wb.waitForInput('Connect Agents');
      const rows = wb.page.locator('.quick-input-widget .monaco-list-row');
      await rows.first().waitFor({ timeout: FOLLOW_MS });
      const labels = await poll('the agents listed', async () => {
        const all = (await rows.locator('.label-name').allInnerTexts()).map((t) => t.trim());
        return all.includes('Cursor') ? all : undefined;
      });
      assert.equal(labels[0], 'Claude Code', `the Quick Pick lists: ${labels.join(' / ')}`);
      for (const agent of ['AGENTS.md', 'GitHub Copilot', 'Cursor']) assert.ok(labels.includes(agent), `${agent} is offered: ${labels.join(' / ')}`);
      // No agent's files in the folder yet: Claude Code comes preselected.
      const claude = rows.filter({ has: wb.page.locator('.label-name', { hasText: /^Claude Code$/ }) }).first();
      await poll('Claude Code to be checked', async () => (await claude.locator('input[type="checkbox"], .monaco-custom-toggle').first().evaluate((el) =>
        el instanceof HTMLInputElement ? el.checked : el.getAttribute('aria-checked') === 'true' || el.classList.contains('checked'))));
      await save(wb, 'connect-agents', { keepInput: true });
      await wb.page.locator('.quick-input-widget .quick-input-box input').press('Enter');
      await notification(wb, /Connected: .*CLAUDE\.md/);
      await poll('CLAUDE.md to be written', () => existsSync(join(s.workspace, 'CLAUDE.md')));
      assert.match(readFileSync(join(s.workspace, 'CLAUDE.md'), 'utf8'), /campaign/i);
    }));
  });

  describe('on a project with no campaign yet (then a memory bank)', () => {
    const session = WANTED ? useWorkbench(LOOK) : undefined;

    it('walkthrough.png: the Get Started walkthrough with its five steps', shot('walkthrough', session, async (wb) => {
      // Where a person meets it: a folder with no campaign yet, so no step is ticked.
      await wb.openView('Campaign');
      await wb.page.locator('.part.sidebar .welcome-view-content').getByRole('button', { name: 'Initialize Campaign' }).waitFor({ timeout: 30_000 });
      // The walkthrough gets the whole width, so that each step's page shows beside the steps.
      await wb.runCommand('View: Close Primary Side Bar');
      await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: FOLLOW_MS });
      await wb.runCommand('Welcome: Open Walkthrough...');
      await wb.waitForInput();
      await wb.page.locator('.quick-input-widget .quick-input-box input').fill('Get Started with Campaign');
      const row = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get Started with Campaign' }).first();
      await row.waitFor({ timeout: FOLLOW_MS });
      await row.click();
      const page = wb.page.locator('.gettingStartedContainer');
      await page.getByText('Get Started with Campaign', { exact: true }).first().waitFor({ timeout: FOLLOW_MS });
      for (const title of WALKTHROUGH_STEPS) await page.getByText(title, { exact: true }).first().waitFor({ timeout: FOLLOW_MS });
      // Open the connect step: its button, and its page (media/walkthrough/connect-agents.md) beside it.
      await page.getByText('Connect your agents', { exact: true }).first().click();
      await page.getByRole('button', { name: 'Connect Agents…' }).first().waitFor({ timeout: FOLLOW_MS });
      await wb.webviewFrame().locator('h1', { hasText: 'Connect your agents' }).waitFor({ timeout: FOLLOW_MS });
      await save(wb, 'walkthrough');
    }));

    it('import-report.png: Import Campaign… reads the memory bank and shows what went where', shot('import-report', session, async (wb, s) => {
      cpSync(join(repoRoot, BANK), join(s.workspace, 'memory-bank'), { recursive: true });
      await wb.runCommand('View: Close All Editors');
      await wb.openView('Campaign');
      await wb.runCommand('Campaign: Import Campaign…');
      await wb.waitForInput('Import into the campaign');
      const bankRow = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: `Memory bank in memory-bank/ (${BANK_FILES.length} files)` }).first();
      await bankRow.waitFor({ timeout: FOLLOW_MS });
      await bankRow.click();
      const toast = await notification(wb, /^Imported \d+ work item\(s\)/);
      await toast.getByRole('button', { name: 'Show Report' }).click();
      const editor = wb.page.locator('.editor-instance .monaco-editor .view-lines').first();
      const report = await poll('the import report in an editor', async () => {
        const text = (await editor.innerText()).replace(/\u00a0/g, ' ');
        return text.includes('# Import report: .claude/campaign.yaml') && text.includes('Token cost') ? text : undefined;
      });
      assert.match(report, /Read .*memory-bank/);
      for (const file of BANK_FILES) assert.ok(report.includes(file), `the report names ${file}:\n${report}`);
      assert.ok(existsSync(join(s.workspace, '.claude/campaign.yaml')), 'the campaign file is written');
      // The views show the imported campaign beside the report.
      await pollTree(wb, 'Remaining Work', (rows) => rows.some((r) => r.level === 1 && /^(High|Medium|Low)$/.test(r.label)), 30_000);
      await save(wb, 'import-report');
    }));
  });
});

// ---- helpers -------------------------------------------------------------------

/** Saves the whole workbench as docs/images/<name>.png once it is still: no toasts, no hover, nothing fading. */
async function save(wb: Workbench, name: string, opts: { keepHover?: boolean; keepInput?: boolean } = {}): Promise<void> {
  const toasts = wb.page.locator('.notifications-toasts .notification-toast');
  if ((await toasts.count()) > 0 && !opts.keepInput) {
    await wb.runCommand('Notifications: Clear All Notifications');
    await poll('the notifications to close', async () => (await toasts.count()) === 0, 5_000);
  }
  if (!opts.keepHover) await wb.page.mouse.move(640, 1); // the title bar: no hover on a row
  if (!opts.keepInput && !opts.keepHover) await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 });
  await poll('the workbench to stop animating', () =>
    wb.page.evaluate(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)) || undefined,
  3_000).catch(() => undefined); // a shot mid-fade is only cosmetic
  const taken = await wb.screenshot(`docs-${name}`);
  const images = join(repoRoot, 'docs/images');
  mkdirSync(images, { recursive: true });
  copyFileSync(taken, join(images, `${name}.png`));
}

/** The notification toast whose message matches `pattern`. */
async function notification(wb: Workbench, pattern: RegExp): Promise<Locator> {
  const toasts = wb.page.locator('.notifications-toasts .notification-toast');
  let shown: string[] = [];
  try {
    const index = await poll(`a notification matching ${pattern}`, async () => {
      shown = (await toasts.locator('.notification-list-item-message').allInnerTexts()).map((t) => t.trim());
      const i = shown.findIndex((t) => pattern.test(t));
      return i >= 0 ? i : undefined;
    });
    return toasts.nth(index);
  } catch (err) {
    throw new Error(`${(err as Error).message}\nnotifications shown: ${shown.join(' / ') || 'none'}`);
  }
}
