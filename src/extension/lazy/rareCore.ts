// Job: the entry of dist/lazy/rareCore.js — the core code few sessions run
// (archive, git merge setup, import, connecting agents), `require`d
// on first use through loadLazy.ts instead of at activation. Modules the main
// bundle already holds are not copied in: they resolve to its instances
// (scripts/build.mjs), so a CampaignError thrown here is the main bundle's class.
export { archiveCampaign, DEFAULT_KEEP } from '../../core/archive/archive';
export { driverCliExists, gitSetup, gitSetupStatus, gitSetupUndo } from '../../core/merge/gitSetup';
export { importMarkdown } from '../../core/import/markdownImport';
export { planImport } from '../../core/import/importPlan';
export { buildImportReport, describeSources, formatImportReport } from '../../core/import/importReport';
export { findMemoryBank, readImportSources } from '../../core/import/importSources';
export { mergeImport } from '../../core/import/mergeImport';
export { connect, disconnect } from '../../core/agents/connect';
export { mcpRegistered, presentAgents } from '../../core/agents/agentDetect';
export { AGENT_NAMES } from '../../core/agents/agentTable';
export { EditedBlockError, findBlock } from '../../core/agents/claudeMdBlock';
