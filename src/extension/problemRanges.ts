// Pure (no `vscode`): where a core Problem (1-based line and column) sits in
// the file's text, as a 0-based range the Problems panel can underline. The
// core reports a point; underlining the rest of that line's content makes the
// squiggle visible without guessing at token boundaries. Views and messages
// say the position the Problems panel shows (problemPosition).
import type { Problem } from '../core/model/problems';

export interface TextRange {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

export function problemRange(problem: Pick<Problem, 'line' | 'column'>, text: string | undefined): TextRange {
  const lines = (text ?? '').split(/\r\n|\r|\n/);
  const line = clamp((problem.line || 1) - 1, 0, lines.length - 1);
  const content = lines[line] ?? '';
  const end = content.trimEnd().length;
  // The start stays at the reported column even at the end of a line (a missing value, say):
  // the Problems panel shows the range's start, and the views and messages say the core's
  // column, so moving it back one character made them disagree by one. The editor still
  // draws a squiggle for an empty range at the end of a line.
  const start = clamp((problem.column || 1) - 1, 0, content.length);
  return { startLine: line, startCharacter: start, endLine: line, endCharacter: Math.max(start, end) };
}

/** The 1-based line and column the Problems panel shows for `problem`: what every message should say. */
export function problemPosition(problem: Pick<Problem, 'line' | 'column'>, text: string | undefined): { line: number; column: number } {
  const r = problemRange(problem, text);
  return { line: r.startLine + 1, column: r.startCharacter + 1 };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), Math.max(lo, hi));
}
