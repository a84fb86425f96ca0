// Job: the import's title matching, which is the core's one rule
// (src/core/operations/workMatch.ts): --merge and a bank that repeats itself
// never duplicate an entry that the form, the CLI or MCP would call the same.
import { sameTitle, titleKey } from '../operations/workMatch';

export const normalizeTitle = titleKey;
export const sameImportTitle = sameTitle;
