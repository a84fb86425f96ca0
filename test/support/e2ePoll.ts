// Job: waiting in end-to-end tests — poll a check until it holds (never sleep
// then assert) — and the small tree and file helpers the sidebar tests share.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { TreeRow, Workbench } from './workbench';

/** How long the views, the status bar and the Problems panel may take to follow a change. */
export const FOLLOW_MS = 10_000;

/** Resolves with the first truthy result of `check`; throws after `timeout` ms with the last error. */
export async function poll<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeout = FOLLOW_MS): Promise<T> {
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
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until a view's rows satisfy `ok`; the failure says what the view showed. */
export async function pollTree(wb: Workbench, view: string, ok: (rows: TreeRow[]) => boolean, timeout = FOLLOW_MS): Promise<TreeRow[]> {
  let rows: TreeRow[] = [];
  try {
    return await poll(`the ${view} view`, async () => {
      rows = await wb.treeRows(view);
      return ok(rows) ? rows : undefined;
    }, timeout);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${view} shows: ${rows.map((r) => `${r.label}${r.description ? ` (${r.description})` : ''}`).join(' / ') || 'nothing'}`);
  }
}

export interface YamlWork {
  id?: string;
  title: string;
  status?: string;
  priority?: string;
  notes?: string;
}

/** The work items of a campaign file on disk. */
export function workOnDisk(path: string): YamlWork[] {
  return ((parse(readFileSync(path, 'utf8')) as { remaining_work?: YamlWork[] }).remaining_work ?? []);
}

/** Clicks a row of a side bar view by its label and waits until it is selected and focused. */
export async function clickTreeRow(wb: Workbench, view: string, label: string): Promise<void> {
  const pane = wb.page.locator('.part.sidebar .pane').filter({ has: wb.page.locator('.pane-header h3.title', { hasText: new RegExp(`^${escapeRe(view)}$`, 'i') }) });
  const row = pane.locator('.monaco-list-row').filter({ has: wb.page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(label)}$`) }) }).first();
  await row.click();
  await poll(`"${label}" to be selected and focused`, async () => {
    const cls = (await row.getAttribute('class')) ?? '';
    return /\bselected\b/.test(cls) && /\bfocused\b/.test(cls);
  });
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
