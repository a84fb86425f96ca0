// Problems found in a campaign file, and the error that carries them. Every
// problem points at a line and column so a person (or the Problems panel) can
// go straight to it.

export interface Problem {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  message: string;
  /** Dotted path of the value involved, when known (e.g. `remaining_work.2.priority`). */
  path?: string;
}

/** Raised when a campaign cannot be read or an operation cannot be applied. */
export class CampaignError extends Error {
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
    /** The file involved, when there is one. */
    readonly file?: string,
  ) {
    super(message);
    this.name = 'CampaignError';
  }
}

/** `FILE:LINE:COL: message`, the form compilers and editors understand. */
export function formatProblem(file: string, p: Problem): string {
  return `${file}:${p.line}:${p.column}: ${p.message}`;
}
