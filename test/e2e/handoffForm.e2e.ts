// Job: the End Session form in the real workbench (code-server + Chromium,
// the packaged .vsix), driven the way a person does: what it prefills (only
// work completed during this session) and that a removed row is not logged;
// typing and pressing Ctrl+Enter at once keeps every character; a problem is
// scrolled into view above the sticky footer and repeated in the footer; and
// Cancel asks before throwing a filled form away.
//
// Each test rewrites .claude/campaign.yaml to a session in progress (see the
// fixture test/fixtures/handoff-form) and waits for the status bar to show it.
// Build and package first; run alone:
// `CAMPAIGN_VSIX=$PWD/out/campaign.vsix CAMPAIGN_E2E_FILES=handoffForm node scripts/run-e2e-tests.mjs`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { FrameLocator, Locator } from 'playwright-core';
import { parse } from 'yaml';
import { repoRoot } from '../support/codeServer';
import { step, useWorkbench } from '../support/e2eSession';
import type { Workbench } from '../support/workbench';

const FIXTURE = join(repoRoot, 'test/fixtures/handoff-form/.claude/campaign.yaml');
const CLI = join(repoRoot, 'dist/cli.js');
/** How long the extension may take to follow a change of the file, or the form to answer. */
const FOLLOW_MS = 15_000;

interface CampaignFileShape {
  active_session: { focus: string } | null;
  remaining_work: { id?: string; title: string; status: string }[];
  build_log: { accomplishments: string[] }[];
  decisions_log: { decision: string; rationale: string }[];
  handoff_notes: { next_session: string | null };
}

describe('the End Session form in the real workbench', { timeout: 240_000 }, () => {
  // A short window, so the form scrolls and the sticky footer covers part of it.
  const session = useWorkbench({ fixture: 'handoff-form', viewport: { width: 1100, height: 680 } });
  const campaignPath = () => join(session().workspace, '.claude', 'campaign.yaml');
  const read = () => parse(readFileSync(campaignPath(), 'utf8')) as CampaignFileShape;
  const test = (name: string, fn: (wb: Workbench) => Promise<void>) => step(`handoff-${name}`, session, () => fn(session().wb));

  /** A session in progress with this focus, as the file says, once the extension shows it. */
  async function freshSession(wb: Workbench, focus: string): Promise<void> {
    const started = new Date(Date.now() - 60 * 60_000).toISOString();
    const text = readFileSync(FIXTURE, 'utf8')
      .replace('  started: \'2026-12-05T09:00:00+00:00\'', `  started: '${started}'`)
      .replace('  focus: Rate limits', `  focus: ${focus}`);
    writeFileSync(campaignPath(), text);
    await waitForFocus(wb, focus);
  }

  /** What an agent does during the session: `campaign <args>` in the workspace. */
  function agent(...args: string[]): void {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: session().workspace, encoding: 'utf8' });
    assert.equal(r.status, 0, `campaign ${args.join(' ')}: ${r.stderr}`);
  }

  async function openForm(wb: Workbench, focus: string): Promise<FrameLocator> {
    await wb.runCommand('Campaign: End Session');
    const form = wb.webviewFrame();
    await form.locator('form.handoff-form').waitFor({ timeout: 20_000 });
    await poll(`the form to show the session "${focus}"`, async () => ((await form.locator('.session-meta').innerText()).includes(focus) ? true : undefined));
    return form;
  }

  async function formClosed(wb: Workbench, form: FrameLocator, what: string): Promise<void> {
    await wb.page.locator('iframe.webview').filter({ visible: true }).waitFor({ state: 'detached', timeout: FOLLOW_MS }).catch(async (err: Error) => {
      const banner = await form.locator('[data-banner="error"]').innerText({ timeout: 500 }).catch(() => '');
      throw new Error(`the handoff form did not close ${what}${banner ? `; it says: ${banner}` : ''} (${err.message.split('\n')[0]})`);
    });
  }

  it('prefills only the work completed during this session, and a removed row is not logged', test('prefill', async (wb) => {
    await freshSession(wb, 'Prefill warm-up');
    agent('work', 'done', 'w2');
    agent('work', 'done', 'w4');
    // A new focus last, so that seeing it proves the extension has read both completions.
    agent('start', '--replace', '--focus', 'Prefill check');
    await waitForFocus(wb, 'Prefill check');

    const form = await openForm(wb, 'Prefill check');
    assert.deepEqual(await fieldValues(form, 'accomplishments'), ['Add rate limiting', 'Tidy the README'], 'this session\'s work, not w1 finished on an earlier day');
    await form.locator('button[data-action="remove"][data-section="accomplishments"][data-index="1"]').click();
    await poll('the row to go', async () => ((await fieldValues(form, 'accomplishments')).length === 1 ? true : undefined));
    await form.locator('vscode-button[data-role="submit"]').click();
    await formClosed(wb, form, 'after End Session');

    const c = read();
    assert.equal(c.active_session, null);
    assert.deepEqual(c.build_log.at(-1)?.accomplishments, ['Add rate limiting'], 'the removed row is not logged');
    assert.equal(c.build_log.flatMap((e) => e.accomplishments).filter((a) => a === 'Ship the login page').length, 1, 'earlier work is not logged again');
    assert.deepEqual(c.remaining_work.map((w) => w.id), ['w3'], 'every done item left remaining work, logged or not');
  }));

  it('typing a decision and its rationale, then Ctrl+Enter at once, saves every character', test('ctrl-enter-rationale', async (wb) => {
    await freshSession(wb, 'Keyboard rationale');
    const form = await openForm(wb, 'Keyboard rationale');
    await form.locator('vscode-button[data-action="add"][data-section="decisions"]').click();
    await poll('the new decision to have the focus', async () => ((await focusedField(form)) === 'decisions.0.decision' ? true : undefined));
    await wb.page.keyboard.type('Keep the limiter in memory');
    await wb.page.keyboard.press('Enter'); // on to the rationale
    await poll('the rationale to have the focus', async () => ((await focusedField(form)) === 'decisions.0.rationale' ? true : undefined));
    await wb.page.keyboard.type('Redis can wait; we ship anyway');
    await wb.page.keyboard.press('Control+Enter');
    await formClosed(wb, form, 'after Ctrl+Enter');
    const saved = read().decisions_log.at(-1);
    assert.deepEqual([saved?.decision, saved?.rationale], ['Keep the limiter in memory', 'Redis can wait; we ship anyway']);
  }));

  it('typing the handoff note, then Ctrl+Enter at once, saves every character', test('ctrl-enter-handoff', async (wb) => {
    await freshSession(wb, 'Keyboard handoff');
    const form = await openForm(wb, 'Keyboard handoff');
    await form.locator('[data-field="handoff"] textarea').click();
    await wb.page.keyboard.type('Start with the load test; check the predictions');
    await wb.page.keyboard.press('Control+Enter');
    await formClosed(wb, form, 'after Ctrl+Enter');
    assert.equal(read().handoff_notes.next_session, 'Start with the load test; check the predictions');
  }));

  it('a problem out of sight is scrolled into view above the footer, focused, and summarised in the footer', test('validation', async (wb) => {
    await freshSession(wb, 'Validation');
    const form = await openForm(wb, 'Validation');
    await form.locator('vscode-button[data-action="add"][data-section="decisions"]').click();
    await poll('the new decision to have the focus', async () => ((await focusedField(form)) === 'decisions.0.decision' ? true : undefined));
    await wb.page.keyboard.type('Use a token bucket');
    // Two complete decisions below it, so the problem is not at the end of the page
    // (where the sticky footer sits after the content and covers nothing).
    for (const [i, decision, why] of [[1, 'Limit per account', 'Carriers share IPs'], [2, 'Return 429', 'Clients honour Retry-After']] as const) {
      await form.locator('vscode-button[data-action="add"][data-section="decisions"]').click();
      await poll(`decision ${i + 1} to have the focus`, async () => ((await focusedField(form)) === `decisions.${i}.decision` ? true : undefined));
      await wb.page.keyboard.type(decision);
      await wb.page.keyboard.press('Enter');
      await poll(`its rationale to have the focus`, async () => ((await focusedField(form)) === `decisions.${i}.rationale` ? true : undefined));
      await wb.page.keyboard.type(why);
    }
    // Back to the top, typing in the handoff note; then the page scrolled so the
    // first decision's rationale sits in the window but under the sticky footer
    // (where a plain focus() leaves it: the field counts as visible).
    await form.locator('body').evaluate(() => document.scrollingElement?.scrollTo(0, 0));
    await form.locator('[data-field="handoff"] textarea').click();
    await wb.page.keyboard.type('Half done');
    const rationale = form.locator('[data-field="decisions.0.rationale"]');
    const footer = form.locator('footer.form-actions');
    await form.locator('body').evaluate(() => {
      const field = document.querySelector('[data-field="decisions.0.rationale"]')!.getBoundingClientRect();
      const bar = document.querySelector('footer.form-actions')!.getBoundingClientRect();
      window.scrollBy(0, field.top - (bar.top + 4));
    });
    assert.equal(await aboveFooter(wb, rationale, footer), false, 'precondition: the rationale is under the footer');

    await wb.page.keyboard.press('Control+Enter');
    await poll('the rationale to be scrolled into view above the footer', async () => ((await aboveFooter(wb, rationale, footer)) ? true : undefined));
    await poll('the rationale to have the focus', async () => ((await focusedField(form)) === 'decisions.0.rationale' ? true : undefined));
    const summary = form.locator('footer [data-problems]');
    assert.match(await summary.innerText(), /Rationale for decision 1: Give the rationale/);
    assert.equal(await summary.getAttribute('aria-live'), 'assertive');
    assert.ok(await form.locator('[data-error-for="decisions.0.rationale"]').isVisible(), 'the message under the field shows');
    assert.notEqual(read().active_session, null, 'nothing was written');

    // Fixing it clears the summary, and the session ends.
    await wb.page.keyboard.type('Fair per account');
    await poll('the summary to clear', async () => ((await summary.innerText()).trim() === '' ? true : undefined));
    await wb.page.keyboard.press('Control+Enter');
    await formClosed(wb, form, 'after the problem was fixed');
    assert.equal(read().decisions_log.find((d) => d.decision === 'Use a token bucket')?.rationale, 'Fair per account');
  }));

  it('Cancel on a filled form asks first: keeping it keeps the form, Discard discards; an unchanged form closes at once', test('cancel', async (wb) => {
    await freshSession(wb, 'Cancel check');
    let form = await openForm(wb, 'Cancel check');
    await form.locator('[data-field="handoff"] textarea').click();
    await wb.page.keyboard.type('Worth keeping');
    const dialog = wb.page.locator('.monaco-dialog-box');

    await form.locator('vscode-button[data-action="cancel"]').click();
    await dialog.filter({ hasText: 'Discard the handoff you started?' }).waitFor({ timeout: FOLLOW_MS });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: FOLLOW_MS });
    assert.equal(await fieldValue(form, 'handoff'), 'Worth keeping', 'the form and what was typed stay');

    await form.locator('vscode-button[data-action="cancel"]').click();
    await dialog.filter({ hasText: 'Discard the handoff you started?' }).waitFor({ timeout: FOLLOW_MS });
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await formClosed(wb, form, 'after Discard');
    assert.equal(read().active_session?.focus, 'Cancel check', 'the session is still active');

    // Reopened: the draft is gone; unchanged, Cancel closes without a question.
    form = await openForm(wb, 'Cancel check');
    assert.equal(await fieldValue(form, 'handoff'), '', 'the discarded draft does not come back');
    await form.locator('vscode-button[data-action="cancel"]').click();
    // The panel only closes after the person answers when there is a question, so closing proves there was none.
    await formClosed(wb, form, 'after Cancel on an unchanged form');
  }));
});

async function waitForFocus(wb: Workbench, focus: string): Promise<void> {
  await poll(`the status bar to show the session "${focus}"`, async () => ((await wb.statusBarItems()).some((t) => t.includes(focus)) ? true : undefined));
}

/** The values of a list section's fields, in order. */
async function fieldValues(form: FrameLocator, section: string): Promise<string[]> {
  return form.locator(`[data-list="${section}"] [data-field]`).evaluateAll((els) => els.map((el) => String((el as unknown as { value: unknown }).value)));
}

async function fieldValue(form: FrameLocator, key: string): Promise<string> {
  return form.locator(`[data-field="${key}"]`).evaluate((el) => String((el as unknown as { value: unknown }).value));
}

/** The `data-field` of the focused element in the form, if any. */
async function focusedField(form: FrameLocator): Promise<string | undefined> {
  return form.locator('body').evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-field]')?.dataset.field);
}

/**
 * Whether the element is wholly inside the webview's window (the iframe's box
 * on the page) and above the sticky footer: boxes are in page coordinates.
 */
async function aboveFooter(wb: Workbench, el: Locator, footer: Locator): Promise<boolean> {
  const frame = await wb.page.locator('iframe.webview').filter({ visible: true }).last().boundingBox();
  const box = await el.boundingBox();
  const bar = await footer.boundingBox();
  if (!frame || !box || !bar) return false;
  return box.y >= frame.y && box.y + box.height <= bar.y;
}

async function poll<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, timeoutMs = FOLLOW_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? ` (${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
