// Job: split one Markdown file into the blocks the memory-bank mapper reads —
// headings, list items (wrapped lines joined, checkbox and indent kept),
// paragraphs, table rows and fenced code — each with the lines it covers, so
// whatever is not placed can be reported and kept by file and line.

export type BlockKind = 'heading' | 'item' | 'text' | 'table' | 'code';

export interface MdBlock {
  kind: BlockKind;
  /** 1-based lines the block covers, first to last. */
  first: number;
  last: number;
  /** Heading level (1–6); 0 otherwise. */
  level: number;
  /** List items: indentation in columns (tabs count 4). */
  indent: number;
  /** Heading text, item text (wrapped lines joined), paragraph or row text. */
  text: string;
  /** List items written `- [ ]` / `- [x]`. */
  checkbox?: 'open' | 'done';
  /** The item is followed by more deeply indented items (its children). */
  hasChildren?: boolean;
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const ITEM = /^(\s*)(?:[-*+•]|\d+[.)])\s+(.*)$/;
const CHECKBOX = /^\[( |x|X)\]\s*(.*)$/;
const FENCE = /^\s*(```|~~~)/;
const BOLD_KEY = /^(\*\*|__)[^*_\n]{1,40}?(?:[:：]\1|\1\s*[:：])/;
const EMPTY_ITEM = /^(?:[-*+•]|\d+[.)])(?:\s+\[[ xX]?\])?$/;
const RULE = /^\s*([-*_=])(\s*\1){2,}\s*$/;

function indentOf(raw: string): number {
  let n = 0;
  for (const ch of raw) {
    if (ch === ' ') n++;
    else if (ch === '\t') n += 4;
    else break;
  }
  return n;
}

/** Lines of a file without its BOM, CRLF or CR endings. */
export function splitLines(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
}

export function markdownBlocks(text: string): MdBlock[] {
  const lines = splitLines(text);
  const blocks: MdBlock[] = [];
  let open: MdBlock | undefined; // the item or paragraph a following line may continue
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const n = i + 1;
    if (FENCE.test(raw)) {
      // A fenced block is kept whole: its lines are content, never headings.
      const marker = FENCE.exec(raw)![1]!;
      let j = i + 1;
      while (j < lines.length && !lines[j]!.trim().startsWith(marker)) j++;
      const last = Math.min(j, lines.length - 1);
      blocks.push({ kind: 'code', first: n, last: last + 1, level: 0, indent: 0, text: lines.slice(i, last + 1).join('\n') });
      i = last;
      open = undefined;
      continue;
    }
    const trimmed = raw.trim();
    // An empty bullet (Roo Code's templates leave `*` under every heading) says nothing.
    if (trimmed === '' || RULE.test(trimmed) || EMPTY_ITEM.test(trimmed)) {
      open = undefined;
      continue;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      blocks.push({ kind: 'heading', first: n, last: n, level: heading[1]!.length, indent: 0, text: heading[2]! });
      open = undefined;
      continue;
    }
    const item = ITEM.exec(raw);
    if (item) {
      let body = item[2]!.trim();
      const block: MdBlock = { kind: 'item', first: n, last: n, level: 0, indent: indentOf(item[1]!), text: body };
      const box = CHECKBOX.exec(body);
      if (box) {
        block.checkbox = box[1] === ' ' ? 'open' : 'done';
        body = box[2]!.trim();
        block.text = body;
      }
      blocks.push(block);
      open = block;
      continue;
    }
    if (trimmed.startsWith('|')) {
      blocks.push({ kind: 'table', first: n, last: n, level: 0, indent: 0, text: trimmed });
      open = undefined;
      continue;
    }
    // "**Status:** x" / "**Decision**: y" on consecutive lines are fields, one per line, not one paragraph.
    if (open && !BOLD_KEY.test(trimmed)) {
      // A wrapped line continues the item or paragraph above it.
      open.text = `${open.text} ${trimmed}`;
      open.last = n;
      continue;
    }
    const para: MdBlock = { kind: 'text', first: n, last: n, level: 0, indent: indentOf(raw), text: trimmed };
    blocks.push(para);
    open = para;
  }
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const next = blocks[b + 1];
    if (block.kind === 'item' && next?.kind === 'item' && next.indent > block.indent) block.hasChildren = true;
  }
  return blocks;
}
