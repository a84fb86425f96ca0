// Chooses the yaml library's rendering options to match how a file is already
// written, so that new or edited lines look like their neighbours and fewer
// lines differ between the original and the re-rendered text.
import type { ToStringOptions } from 'yaml';

export function renderOptionsFor(body: string): ToStringOptions {
  // `key:\n- item` (sequence flush with its key) vs `key:\n  - item`.
  const flush = /^([ \t]*)[^\s#-][^\n]*:[ \t]*\n\1- /m.test(body);
  const indented = /^([ \t]*)[^\s#-][^\n]*:[ \t]*\n\1[ \t]+- /m.test(body);
  const indentMatch = /^[^\s#][^\n]*:[ \t]*\n( +)[^\s-]/m.exec(body);
  const singles = body.match(/(?:^|[\s:-])'[^'\n]*'/gm)?.length ?? 0;
  const doubles = body.match(/(?:^|[\s:-])"[^"\n]*"/gm)?.length ?? 0;
  return {
    singleQuote: singles > doubles,
    lineWidth: 0,
    // Only `!!binary` reads this when lineWidth is 0: at 0 the yaml library
    // throws (RangeError: Invalid array length) rendering any binary value.
    minContentWidth: 76,
    indent: indentMatch ? Math.min(Math.max(indentMatch[1]!.length, 2), 8) : 2,
    indentSeq: !(flush && !indented),
    flowCollectionPadding: !/[[{][^\s\]}]/.test(body) || /[[{] /.test(body),
  };
}
