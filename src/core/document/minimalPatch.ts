// Keeps an edit's diff minimal. The yaml library re-renders a whole document
// in its own style (comment spacing, sequence indentation, flow padding), so a
// plain `toString()` after an edit would touch lines the edit never meant to.
// Instead we render the document before and after the edit, find the lines the
// edit changed, and splice only those into the person's original text.
import { diffLines, type Hunk } from './lineDiff';

/**
 * @param original the file body as the person wrote it (LF, no BOM)
 * @param renderedBefore the unedited document as the yaml library renders it
 * @param renderedAfter the edited document as the yaml library renders it
 */
export function patchOriginal(original: string, renderedBefore: string, renderedAfter: string): string {
  if (renderedBefore === renderedAfter) return original;
  if (original === renderedBefore) return renderedAfter;

  const t = original.split('\n');
  const s0 = renderedBefore.split('\n');
  const s1 = renderedAfter.split('\n');
  const change = diffLines(s0, s1);
  const alignment = diffLines(t, s0, 20000);
  if (!change || !alignment) return renderedAfter;

  // For each rendered-before line, the original line it corresponds to (or -1).
  const toOriginal = new Int32Array(s0.length + 1).fill(-1);
  let ti = 0;
  let si = 0;
  for (const h of [...alignment, { aStart: t.length, aEnd: t.length, bStart: s0.length, bEnd: s0.length }]) {
    while (ti < h.aStart && si < h.bStart) toOriginal[si++] = ti++;
    ti = h.aEnd;
    si = h.bEnd;
  }
  toOriginal[s0.length] = t.length; // the end is always an anchor

  const matched = (i: number) => i >= 0 && i < s0.length && toOriginal[i]! >= 0;

  // A change can be placed in the original when every line it replaces has a
  // counterpart there and, for a pure insertion, both its neighbours do (or
  // it is at an end): new lines come in the rendered style, and next to a line
  // the original wrote differently (another indentation, say) they could
  // change the structure. Otherwise it takes in the neighbouring lines the
  // original wrote differently (they are rewritten in the rendered style).
  // Changes that come to touch are merged; the lines between two changes are
  // common to both renderings, so their offsets stay consistent.
  const placeable = (h: Hunk) => {
    for (let k = h.aStart; k < h.aEnd; k++) if (!matched(k)) return false;
    return h.aStart < h.aEnd || ((h.aStart === 0 || matched(h.aStart - 1)) && (h.aStart === s0.length || matched(h.aStart)));
  };
  const merged: Array<Hunk & { widened: boolean }> = [];
  change.forEach((h0, i) => {
    let h = { ...h0, widened: false };
    if (!placeable(h)) {
      h.widened = true;
      while (h.aStart > 0 && !matched(h.aStart - 1)) {
        h.aStart--;
        h.bStart--;
      }
      const nextStart = change[i + 1]?.aStart ?? s0.length;
      while (h.aEnd < nextStart && !matched(h.aEnd)) {
        h.aEnd++;
        h.bEnd++;
      }
    }
    const last = merged[merged.length - 1];
    if (last && h.aStart <= last.aEnd) {
      merged.pop();
      h = { aStart: last.aStart, bStart: last.bStart, aEnd: h.aEnd, bEnd: h.bEnd, widened: true };
    }
    merged.push(h);
  });

  const out: string[] = [];
  let cursor = 0;
  for (const h of merged) {
    let from: number;
    let to: number;
    if (!h.widened && h.aStart < h.aEnd) {
      from = toOriginal[h.aStart]!;
      to = toOriginal[h.aEnd - 1]! + 1;
    } else if (!h.widened) {
      from = to = h.aStart === 0 ? 0 : matched(h.aStart - 1) ? toOriginal[h.aStart - 1]! + 1 : toOriginal[h.aStart]!;
    } else {
      from = h.aStart === 0 ? 0 : toOriginal[h.aStart - 1]! + 1;
      to = h.aEnd >= s0.length ? t.length : matched(h.aEnd) ? toOriginal[h.aEnd]! : t.length;
    }
    if (from < cursor) return renderedAfter; // should not happen; never risk a garbled file
    out.push(...t.slice(cursor, from), ...s1.slice(h.bStart, h.bEnd));
    cursor = to;
  }
  out.push(...t.slice(cursor));
  return out.join('\n');
}
