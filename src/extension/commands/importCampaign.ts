// Campaign: Import Campaign… — move in from other memory: a Cline / Roo memory
// bank in the folder (offered first when there is one), or Markdown files (the
// seed article's layout, a Kiro tasks.md, any checkbox list). A new campaign
// file is written whole; over an existing one the person chooses Merge (the
// `import.merge` operation through the writer: nothing duplicated, nothing
// else touched) or Replace. The report of what went where follows, to open as
// an untitled Markdown document.
import { promises as fs } from 'node:fs';
import { dirname, relative } from 'node:path';
import * as vscode from 'vscode';
import { CampaignDocument } from '../../core/document/campaignDocument';
import { atomicWrite, createCampaignFile } from '../../core/file/campaignFile';
import { renderCampaignFile } from '../../core/document/newCampaign';
import type { ImportReport } from '../../core/import/importReport';
import type { MergeCounts } from '../../core/import/mergeImport';
import { rareCore } from '../lazy/loadLazy';
import { CampaignError } from '../../core/model/problems';
import type { CampaignStore } from '../campaignStore';
import { CommandIds } from '../commandIds';
import { WriteRefusedError } from '../campaignWriter';
import { assertWritesStayInFolder } from '../symlinkGuard';
import { checkWritable } from '../writeGuard';
import { targetStore, type CampaignCommand, type CommandContext } from './commandContext';

interface SourceItem extends vscode.QuickPickItem {
  source: 'bank' | 'file';
}

/** What to import: the memory bank when the folder has one and the person picks it, else Markdown files from a dialog. */
async function chooseSources(ctx: CommandContext, store: CampaignStore): Promise<string[] | undefined> {
  const root = store.folder.uri.fsPath;
  const bank = await rareCore().findMemoryBank(root);
  if (bank) {
    const where = relative(root, bank.folder) || '.';
    const items: SourceItem[] = [
      { label: `Memory bank in ${where}/ (${bank.files.length} files)`, description: bank.files.join(', '), source: 'bank' },
      { label: 'A Markdown file…', description: 'the article layout, a Kiro tasks.md or any checkbox list', source: 'file' },
    ];
    const picked = await ctx.ui.showQuickPick(items, { title: 'Import into the campaign', placeHolder: 'What to move in from' });
    if (!picked) return undefined;
    if (picked.source === 'bank') return [bank.folder];
  }
  const files = await vscode.window.showOpenDialog({
    title: 'Import Campaign from Markdown',
    openLabel: 'Import',
    canSelectMany: true,
    defaultUri: store.folder.uri,
    filters: { Markdown: ['md', 'markdown'], 'All files': ['*'] },
  });
  return files?.map((f) => f.fsPath);
}

async function showReport(report: ImportReport, title: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: rareCore().formatImportReport(report, title) });
  await vscode.window.showTextDocument(doc, { preview: true });
}

export const importCampaignCommand: CampaignCommand = {
  id: CommandIds.importCampaign,
  async run(ctx, arg) {
    const refusal = checkWritable({ trusted: ctx.trust.isTrusted, state: 'valid', fileLabel: 'the campaign file' });
    if (refusal) throw new WriteRefusedError(refusal, ctx.workspace.active ?? ctx.workspace.stores[0]!);
    // From the Explorer's context menu the Markdown file comes as the argument; its folder's campaign is the target.
    const uri = arg instanceof vscode.Uri ? arg : undefined;
    const store = (uri && ctx.workspace.storeForUri(uri)) ?? (await targetStore(ctx, 'any', uri ? undefined : arg));
    if (!store) return;
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === store.uri.toString() && d.isDirty)) {
      throw new CampaignError(`${store.relativePath} has unsaved changes in an editor; save or revert them before importing over it.`);
    }
    await assertWritesStayInFolder(store);
    const paths = uri ? [uri.fsPath] : await chooseSources(ctx, store);
    if (!paths || paths.length === 0) return;

    const root = store.folder.uri.fsPath;
    const sources = await rareCore().readImportSources(root, paths);
    const plan = rareCore().planImport(sources.files, sources.bankFolder !== undefined ? { bankFolder: sources.bankFolder } : {});
    const what = rareCore().describeSources({ layout: plan.layout, files: plan.files.map((f) => f.name), ...(plan.bankFolder !== undefined ? { bankFolder: plan.bankFolder } : {}) });

    let text: string;
    let merged: MergeCounts | undefined;
    if (store.hasFile) {
      const choice = await ctx.ui.showWarningMessage(
        `${store.relativePath} already exists. Replace it with the campaign imported from ${what}, or merge the import into it (entries already there are not added twice)?`,
        { modal: true },
        'Merge',
        'Replace',
      );
      if (choice === 'Merge') {
        const outcome = await ctx.writer.run(store, rareCore().mergeImport(plan.data));
        merged = outcome.result;
        text = await fs.readFile(store.uri.fsPath, 'utf8');
      } else if (choice === 'Replace') {
        text = renderCampaignFile(plan.data);
        CampaignDocument.parse(text, { file: store.uri.fsPath });
        await atomicWrite(await fs.realpath(store.uri.fsPath), text);
        await ctx.writer.didWriteFile(store, 'import');
      } else return;
    } else {
      text = renderCampaignFile(plan.data);
      CampaignDocument.parse(text, { file: store.uri.fsPath });
      await fs.mkdir(dirname(store.uri.fsPath), { recursive: true });
      await createCampaignFile(store.uri.fsPath, text);
      // The views re-read it, and a connected project's primer file follows.
      await ctx.writer.didWriteFile(store, 'import');
    }

    const report = rareCore().buildImportReport(plan, text, merged);
    const title = `Import report: ${store.relativePath}`;
    for (const line of rareCore().formatImportReport(report, title).trimEnd().split('\n')) ctx.log.info(`import: ${line}`);
    for (const line of plan.unplacedReasons) ctx.log.warn(`import: ${line}`);
    const d = plan.data;
    const parts = [
      `${merged ? 'Merged' : 'Imported'} ${d.remaining_work?.length ?? 0} work item(s), ${d.decisions_log?.length ?? 0} decision(s) and ${d.build_log?.length ?? 0} build-log entries into ${store.relativePath}.`,
    ];
    if (merged) parts.push(`${merged.added} added, ${merged.skipped} already there.`);
    if (report.unplacedLines) parts.push(`${report.unplacedLines} line(s) had no place; they are kept under import_unplaced.`);
    void ctx.ui.showInformationMessage(parts.join(' '), 'Show Report', 'Open File').then((choice) => {
      if (choice === 'Show Report') void showReport(report, title);
      if (choice === 'Open File') void vscode.window.showTextDocument(store.uri);
    });
    return { plan, report };
  },
};
