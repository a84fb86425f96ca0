// Job: the Remaining Work keyboard paths in the real workbench (code-server +
// Chromium, the packaged .vsix): click one row, arrow to another and press
// the key at once — Ctrl+Enter, F2 and Delete must act on the row with the
// focus ring, and leave the row that is still selected alone.
//
// Run alone: build (`node scripts/build.mjs --tests`), package the .vsix, then
// `CAMPAIGN_E2E_FILES=keyboard node scripts/run-e2e-tests.mjs`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { step, useWorkbench } from '../support/e2eSession';
import { clickTreeRow, pollTree, poll, workOnDisk } from '../support/e2ePoll';
import type { Workbench } from '../support/workbench';

describe('keyboard in Remaining Work acts on the focused row', { timeout: 120_000 }, () => {
  const session = useWorkbench({ fixture: 'sidebar-workspace' });
  const file = () => join(session().workspace, '.claude', 'campaign.yaml');
  const byId = (id: string) => workOnDisk(file()).find((w) => w.id === id);

  it('Ctrl+Enter completes the focused row, not the selected one', step('keyboard-complete-failure', session, async () => {
    const { wb } = session();
    await openRemainingWork(wb);
    await clickTreeRow(wb, 'Remaining Work', 'Alpha task');
    await wb.page.keyboard.press('ArrowDown');
    await wb.page.keyboard.press('Control+Enter');
    await poll('Bravo to be done on disk', () => byId('k2')?.status === 'done');
    assert.equal(byId('k1')?.status, 'todo', 'the selected row (Alpha) must not change');
  }));

  it('F2 renames the focused row, not the selected one', step('keyboard-rename-failure', session, async () => {
    const { wb } = session();
    await clickTreeRow(wb, 'Remaining Work', 'Charlie task');
    await wb.page.keyboard.press('ArrowDown');
    await wb.page.keyboard.press('F2');
    await wb.waitForInput('Edit Work Item');
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    assert.equal(await input.inputValue(), 'Delta task', 'the rename box must hold the focused row');
    await input.fill('Delta task, renamed');
    await input.press('Enter');
    await poll('Delta to be renamed on disk', () => byId('k4')?.title === 'Delta task, renamed');
    assert.equal(byId('k3')?.title, 'Charlie task', 'the selected row (Charlie) must not change');
  }));

  it('Delete removes the focused row, not the selected one', step('keyboard-delete-failure', session, async () => {
    const { wb } = session();
    await clickTreeRow(wb, 'Remaining Work', 'Foxtrot task');
    await wb.page.keyboard.press('ArrowUp');
    await wb.page.keyboard.press('Delete');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 10_000 });
    assert.match(await dialog.innerText(), /Remove "Echo task"/);
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await poll('Echo to be removed on disk', () => byId('k5') === undefined);
    assert.equal(byId('k6')?.title, 'Foxtrot task', 'the selected row (Foxtrot) must stay');
  }));
});

async function openRemainingWork(wb: Workbench): Promise<void> {
  await wb.openView('Campaign');
  await pollTree(wb, 'Remaining Work', (rows) => rows.some((r) => r.label === 'Foxtrot task'), 30_000);
}
