// Pure (no `vscode`): where a work item, decision or build-log entry is
// written in the campaign file, as 0-based lines and characters an editor
// can select — read from the parsed document's node ranges, counted in the
// text the document was parsed from (a BOM and CRLF endings change neither
// line numbers nor columns as an editor counts them).
import { isMap, isSeq, type Document, type Node } from 'yaml';
import { detectFormat } from '../core/document/textFormat';
import type { TextRange } from './problemRanges';

export type EntrySection = 'remaining_work' | 'decisions_log' | 'build_log';

/** The entry's range in `text` (the text `doc` was parsed from), or undefined when the node has no position. */
export function entryRange(doc: Document, text: string, section: EntrySection, index: number): TextRange | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const seq = root.get(section, true);
  if (!isSeq(seq)) return undefined;
  const node = seq.items[index] as Node | undefined;
  const range = node?.range;
  if (!range) return undefined;
  const { body } = detectFormat(text);
  // The value's end, without the blank lines or comments that may follow it.
  const end = trimEnd(body, range[1]);
  if (end < range[0] || end > body.length) return undefined;
  const start = position(body, range[0]);
  const stop = position(body, end);
  return { startLine: start.line, startCharacter: start.character, endLine: stop.line, endCharacter: stop.character };
}

function trimEnd(body: string, end: number): number {
  let e = Math.min(end, body.length);
  while (e > 0 && /\s/.test(body[e - 1]!)) e--;
  return e;
}

function position(body: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = body.indexOf('\n'); i >= 0 && i < offset; i = body.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
