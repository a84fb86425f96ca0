// Job: the sidebar in the real workbench (code-server + Chromium, the packaged
// .vsix): a click on a work item reveals it in campaign.yaml while the tree
// keeps the focus (the next key acts on the tree); the walkthrough opens from
// the palette with its five steps; a broken file shows one message (the
// Session view's row and badge, at the Problems panel's line and column) and
// everything about it clears with the fix, with no notification left behind.
//
// Run alone: build (`node scripts/build.mjs --tests`), package the .vsix, then
// `CAMPAIGN_E2E_FILES=sidebar node scripts/run-e2e-tests.mjs`.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { step, useWorkbench } from '../support/e2eSession';
import { clickTreeRow, FOLLOW_MS, poll, pollTree, workOnDisk } from '../support/e2ePoll';
import type { Workbench } from '../support/workbench';

describe('sidebar in the real workbench', { timeout: 150_000 }, () => {
  const session = useWorkbench({ fixture: 'sidebar-workspace' });
  const file = () => join(session().workspace, '.claude', 'campaign.yaml');

  it('a click reveals the item in campaign.yaml and the tree keeps the focus', step('sidebar-reveal-failure', session, async () => {
    const { wb } = session();
    await wb.openView('Campaign');
    await pollTree(wb, 'Remaining Work', (rows) => rows.some((r) => r.label === 'Charlie task'), 30_000);
    await clickTreeRow(wb, 'Remaining Work', 'Charlie task');
    // The file opens with the item's lines in view and selected…
    const editor = wb.page.locator('.part.editor .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'title: Charlie task' }).waitFor({ timeout: FOLLOW_MS });
    await poll('the item to be selected in the editor', async () => (await editor.locator('.selected-text').count()) > 0);
    assert.match((await wb.page.locator('.part.editor .tab.active').innerText()).replace(/\s+/g, ''), /campaign\.yaml/);
    // …and the focus is still in the tree: the next keys act on it.
    assert.equal(await focusedPane(wb), 'Remaining Work');
    await wb.page.keyboard.press('ArrowDown');
    await wb.page.keyboard.press('Control+Enter');
    await poll('Delta to be completed from the keyboard', () => workOnDisk(file()).find((w) => w.id === 'k4')?.status === 'done');
    assert.equal(workOnDisk(file()).find((w) => w.id === 'k3')?.status, 'todo');
  }));

  it('the context menu from the keyboard sets a status, and Ctrl+C copies the focused row', step('sidebar-context-menu-failure', session, async () => {
    const { wb } = session();
    await clickTreeRow(wb, 'Remaining Work', 'Echo task');
    await wb.page.keyboard.press('Shift+F10');
    const menuItem = wb.page.locator('.context-view .monaco-menu .action-menu-item', { hasText: 'Set Status…' }).first();
    await menuItem.waitFor({ timeout: FOLLOW_MS });
    // As from the keyboard: move to the entry, Enter (a click can land while the menu is still laying out).
    await menuItem.hover();
    await poll('Set Status… to be the focused menu entry', async () => /\bfocused\b/.test((await menuItem.locator('xpath=..').getAttribute('class')) ?? ''));
    await wb.page.keyboard.press('Enter');
    await wb.answerInput('Blocked', { title: 'Set Status: Echo task' });
    await poll('Echo to be blocked on disk', () => workOnDisk(file()).find((w) => w.id === 'k5')?.status === 'blocked');
    await pollTree(wb, 'Remaining Work', (rows) => rows.some((r) => r.label === 'Echo task' && r.description === 'blocked'));
    await clickTreeRow(wb, 'Remaining Work', 'Foxtrot task');
    await wb.page.keyboard.press('ArrowUp');
    await wb.page.keyboard.press('Control+C');
    await poll('the focused row on the clipboard', async () => (await wb.readClipboard()) === 'Echo task (blocked)');
  }));

  it('the walkthrough opens from the palette and shows its five steps', step('sidebar-walkthrough-failure', session, async () => {
    const { wb } = session();
    await wb.runCommand('Welcome: Open Walkthrough...');
    await wb.waitForInput();
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('Get Started with Campaign');
    const row = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get Started with Campaign' }).first();
    await row.waitFor({ timeout: FOLLOW_MS });
    await row.click();
    const page = wb.page.locator('.gettingStartedContainer');
    for (const title of ['Initialize a campaign', 'Add remaining work', 'Connect your agents', 'Start a session', 'End with a handoff']) {
      await page.getByText(title, { exact: true }).first().waitFor({ timeout: FOLLOW_MS });
    }
    // The connect step's button runs Connect Agents…, the entry point the agents share.
    await page.getByText('Connect your agents', { exact: true }).first().click();
    await page.getByRole('button', { name: 'Connect Agents…' }).first().waitFor({ timeout: FOLLOW_MS });
  }));

  it('a broken file: one message in the Session view at the Problems panel column; the fix clears everything', step('sidebar-broken-failure', session, async () => {
    const { wb } = session();
    await wb.openView('Campaign');
    const good = readFileSync(file(), 'utf8');
    // `priority:` with no value: the problem sits just past the end of the line, where the views and the panel used to disagree by one.
    const broken = good.replace('    title: Foxtrot task\n    priority: medium', '    title: Foxtrot task\n    priority:');
    assert.notEqual(broken, good);
    writeFileSync(file(), broken);
    const rows = await pollTree(wb, 'Session', (r) => r.some((x) => x.label.startsWith('Campaign file has problems')));
    const row = rows.find((x) => x.label.startsWith('Campaign file has problems'))!;
    const [, line, column] = /line (\d+), column (\d+)/.exec(row.label)!;
    const lineNo = broken.split('\n').findIndex((l) => l === '    priority:') + 1;
    assert.deepEqual([Number(line), Number(column)], [lineNo, '    priority:'.length + 1]);
    // One message: the other views show none (their trees keep the last good state).
    assert.equal(await wb.page.locator('.part.sidebar .pane .pane-body .message:visible').filter({ hasText: /problems/i }).count(), 0);
    // The badge on the activity bar entry.
    const badge = wb.page.locator('.part.activitybar .action-item').filter({ has: wb.page.locator('.action-label[aria-label^="Campaign"]') }).locator('.badge-content');
    await poll('the Campaign badge', async () => (await badge.innerText().catch(() => '')).trim() === '1');
    // The Problems panel counts the same column.
    await wb.page.keyboard.press('Control+Shift+M');
    const marker = wb.page.locator('.markers-panel .monaco-list-row', { hasText: /priority/ }).first();
    await marker.waitFor({ timeout: FOLLOW_MS });
    const position = /Ln (\d+), Col (\d+)/.exec(await marker.innerText());
    assert.ok(position, `the Problems row shows a position: ${await marker.innerText()}`);
    assert.deepEqual([Number(position[1]), Number(position[2])], [Number(line), Number(column)]);

    writeFileSync(file(), good);
    await pollTree(wb, 'Session', (r) => !r.some((x) => x.label.startsWith('Campaign file has problems')));
    await poll('the badge to go', async () => (await badge.count()) === 0 || (await badge.isHidden()) || (await badge.innerText()).trim() === '');
    await poll('the Problems panel to clear', async () => (await wb.page.locator('.markers-panel .monaco-list-row', { hasText: /priority/ }).count()) === 0);
    assert.doesNotMatch(await wb.readStatusBar(), /\$\(warning\)/);
    assert.equal(await wb.page.locator('.notifications-toasts .notification-toast', { hasText: /campaign/i }).count(), 0, 'no notification about the broken file outlives the fix');
  }));
});

/** The title of the side bar pane that holds the keyboard focus, if any. */
async function focusedPane(wb: Workbench): Promise<string | undefined> {
  return wb.page.evaluate(() => {
    const pane = document.activeElement?.closest('.pane');
    return pane?.querySelector('.pane-header h3.title')?.textContent?.trim();
  });
}
