// Campaign: Initialize Campaign — creates the campaign file (campaign.file,
// `.claude/campaign.yaml` by default) in a folder that has none, from the
// project's name (the folder's, to start with) and a one-line purpose.
import * as vscode from 'vscode';
import { createCampaignFile } from '../../core/file/campaignFile';
import { newCampaignText } from '../../core/document/newCampaign';
import { CommandIds, ViewIds } from '../commandIds';
import { WriteRefusedError } from '../campaignWriter';
import { optionalText, requiredText } from '../inputValidation';
import { checkWritable } from '../writeGuard';
import { targetStore, type CampaignCommand } from './commandContext';

/** The buttons of the notification after Initialize. */
export const INIT_ACTIONS = { addWork: 'Add Work Item', connectAgents: 'Connect Agents…', openFile: 'Open File' } as const;

export const initializeCampaignCommand: CampaignCommand = {
  id: CommandIds.initialize,
  async run(ctx, arg) {
    if (ctx.workspace.stores.length === 0) {
      void ctx.ui.showInformationMessage('Campaign keeps its file in a workspace folder: open a folder first.', 'Open Folder').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.files.openFolder');
      });
      return;
    }
    // Untrusted: refused before anything is asked.
    const refusal = checkWritable({ trusted: ctx.trust.isTrusted, state: 'valid', fileLabel: 'the campaign file' });
    if (refusal) throw new WriteRefusedError(refusal, ctx.workspace.active ?? ctx.workspace.stores[0]!);
    const store = await targetStore(ctx, 'noCampaign', arg);
    if (!store) {
      if (ctx.workspace.stores.every((s) => s.hasFile)) {
        const existing = ctx.workspace.active ?? ctx.workspace.stores[0]!;
        void ctx.ui.showInformationMessage(`${existing.folder.name} already has a campaign file (${existing.relativePath}).`, 'Open File').then((c) => {
          if (c) void vscode.commands.executeCommand(CommandIds.openFile, existing);
        });
      }
      return;
    }

    const name = await ctx.ui.showInputBox({
      title: 'Initialize Campaign (1/2)',
      prompt: 'Project name',
      value: store.folder.name,
      validateInput: requiredText('The name'),
    });
    if (name === undefined) return;
    const purpose = await ctx.ui.showInputBox({
      title: 'Initialize Campaign (2/2)',
      prompt: 'Purpose: what is this project, in one line? (optional)',
      placeHolder: 'e.g. Self-hosted auth service for the mobile apps',
      validateInput: optionalText('The purpose'),
    });
    if (purpose === undefined) return;

    await createCampaignFile(store.uri.fsPath, newCampaignText({ name: name.trim(), purpose: purpose.trim() }));
    ctx.log.info(`initialized ${store.relativePath} in ${store.folder.name}`);
    await store.reload();
    ctx.workspace.setActive(store);
    void vscode.commands.executeCommand(`${ViewIds.remainingWork}.focus`).then(undefined, () => undefined);
    // The next steps of the walkthrough: add work, connect the agents that will read the campaign.
    void ctx.ui.showInformationMessage(`Campaign initialized: ${store.relativePath}.`, INIT_ACTIONS.addWork, INIT_ACTIONS.connectAgents, INIT_ACTIONS.openFile).then((choice) => {
      if (choice === INIT_ACTIONS.openFile) void vscode.commands.executeCommand(CommandIds.openFile, store);
      if (choice === INIT_ACTIONS.addWork) void vscode.commands.executeCommand(CommandIds.addWorkItem, store);
      if (choice === INIT_ACTIONS.connectAgents) void vscode.commands.executeCommand(CommandIds.connectAgents, store);
    });
    return store.uri;
  },
};
