// Pure (no `vscode`): where a core Problem (1-based line and column) sits in
// the file's text, as a 0-based range the Problems panel can underline. The
// core reports a point; underlining the rest of that line's content makes the
// squiggle visible without guessing at token boundaries.
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
  let start = clamp((problem.column || 1) - 1, 0, content.length);
  // A problem at the end of a line (a missing value, say) underlines its last character.
  if (start >= end && end > 0) start = end - 1;
  return { startLine: line, startCharacter: start, endLine: line, endCharacter: Math.max(start, end) };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), Math.max(lo, hi));
}
