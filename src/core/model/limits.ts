// Limits that keep hostile or accidental input from hanging or exhausting the
// process. Each is a default a caller may raise.

/** Files larger than this are refused before parsing. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Deepest nesting of mappings and lists accepted (a campaign needs about 5).
 * Without it, how deep a file may go depends on the thread's stack size, and
 * rendering a deeply nested flow list takes quadratic time (3,000 levels: seconds).
 */
export const MAX_NESTING_DEPTH = 100;

/** Alias expansions allowed when reading (defeats "billion laughs" alias bombs). */
export const MAX_ALIAS_COUNT = 200;

/** How many times a guarded write re-reads and re-applies before giving up. */
export const MAX_WRITE_ATTEMPTS = 20;
