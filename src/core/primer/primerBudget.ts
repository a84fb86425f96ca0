// The primer's default token budget, on its own so the extension's settings
// can name it at activation without loading the primer code (scripts/build.mjs).
export const DEFAULT_PRIMER_BUDGET = 2000;
