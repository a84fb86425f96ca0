// Job: the one list of work priorities, highest first. Dependency-free so the
// handoff webview can import it without bundling the schema (zod) with it.
export const PRIORITIES = ['high', 'medium', 'low'] as const;

export type Priority = (typeof PRIORITIES)[number];
