// Job: the entry of dist/lazy/rareCore.js — the core code few sessions run
// (archive, git merge setup, Markdown import, Claude Code connect), `require`d
// on first use through loadLazy.ts instead of at activation. Modules the main
// bundle already holds are not copied in: they resolve to its instances
// (scripts/build.mjs), so a CampaignError thrown here is the main bundle's class.
export { archiveCampaign, DEFAULT_KEEP } from '../../core/archive/archive';
export { driverCliExists, gitSetup, gitSetupStatus, gitSetupUndo } from '../../core/merge/gitSetup';
export { importMarkdown } from '../../core/import/markdownImport';
export { connect, disconnect } from '../../core/agents/connect';
export { EditedBlockError, findBlock } from '../../core/agents/claudeMdBlock';
