// Campaign: Import Campaign… — a Markdown campaign in the seed article's
// layout becomes the folder's campaign file. What cannot be placed is listed
// in the log and kept in the file under `import_unplaced`. Replacing an
// existing campaign file is asked first.
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { CampaignDocument } from '../../core/document/campaignDocument';
import { atomicWrite, createCampaignFile, decodeCampaignBytes } from '../../core/file/campaignFile';
import { rareCore } from '../lazy/loadLazy';
import { renderCampaignFile } from '../../core/document/newCampaign';
import { CampaignError } from '../../core/model/problems';
import { CommandIds } from '../commandIds';
import { WriteRefusedError } from '../campaignWriter';
import { assertWritesStayInFolder } from '../symlinkGuard';
import { checkWritable } from '../writeGuard';
import { targetStore, type CampaignCommand } from './commandContext';

export const importCampaignCommand: CampaignCommand = {
  id: CommandIds.importCampaign,
  async run(ctx, arg) {
    const refusal = checkWritable({ trusted: ctx.trust.isTrusted, state: 'valid', fileLabel: 'the campaign file' });
    if (refusal) throw new WriteRefusedError(refusal, ctx.workspace.active ?? ctx.workspace.stores[0]!);
    // From the Explorer's context menu the Markdown file comes as the argument; its folder's campaign is the target.
    let source = arg instanceof vscode.Uri ? arg : undefined;
    const store = (source && ctx.workspace.storeForUri(source)) ?? (await targetStore(ctx, 'any', source ? undefined : arg));
    if (!store) return;
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === store.uri.toString() && d.isDirty)) {
      throw new CampaignError(`${store.relativePath} has unsaved changes in an editor; save or revert them before importing over it.`);
    }
    await assertWritesStayInFolder(store);
    if (!source) {
      const picked = await vscode.window.showOpenDialog({
        title: 'Import Campaign from Markdown',
        openLabel: 'Import',
        canSelectMany: false,
        defaultUri: store.folder.uri,
        filters: { Markdown: ['md', 'markdown'], 'All files': ['*'] },
      });
      source = picked?.[0];
      if (!source) return;
    }
    const result = rareCore().importMarkdown(decodeCampaignBytes(Buffer.from(await vscode.workspace.fs.readFile(source)), source.fsPath));
    const text = renderCampaignFile(result.data);
    CampaignDocument.parse(text, { file: store.uri.fsPath });
    if (store.hasFile) {
      const replace = await ctx.ui.showWarningMessage(
        `${store.relativePath} already exists. Replace it with the campaign imported from ${vscode.workspace.asRelativePath(source)}?`,
        { modal: true },
        'Replace',
      );
      if (replace !== 'Replace') return;
      const target = await fs.realpath(store.uri.fsPath);
      await atomicWrite(target, text);
    } else {
      await fs.mkdir(dirname(store.uri.fsPath), { recursive: true });
      await createCampaignFile(store.uri.fsPath, text);
    }
    // The views re-read it, and a connected project's primer file follows.
    await ctx.writer.didWriteFile(store, 'import');
    for (const u of result.unplaced) ctx.log.warn(`import: ${source.fsPath}:${u.line}: ${u.reason}: ${u.text.trim()}`);
    for (const p of result.placeholders) ctx.log.info(`import: ${source.fsPath}:${p.line}: left empty (template placeholder): ${p.text.trim()}`);
    const d = result.data;
    const parts = [`Imported ${d.remaining_work?.length ?? 0} work item(s), ${d.decisions_log?.length ?? 0} decision(s) and ${d.build_log?.length ?? 0} build-log entries into ${store.relativePath}.`];
    if (result.unplaced.length) parts.push(`${result.unplaced.length} line(s) had no place; they are kept under import_unplaced.`);
    const actions = result.unplaced.length ? ['Open File', 'Show Log'] : ['Open File'];
    void ctx.ui.showInformationMessage(parts.join(' '), ...actions).then((choice) => {
      if (choice === 'Open File') void vscode.window.showTextDocument(store.uri);
      if (choice === 'Show Log') ctx.log.show();
    });
    return result;
  },
};
