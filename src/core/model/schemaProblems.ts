// Turns schema violations into problems at the line and column of the value
// involved, with a message that says what is wrong and what is expected.
import { isMap, isSeq, type Document, type Node } from 'yaml';
import type * as z from 'zod/mini';
import type { Problem } from './problems';

type Issue = z.core.$ZodIssue;
type Pos = (offset: number) => { line: number; column: number };

/** The deepest node on `path` that exists in the document. */
function nodeAt(doc: Document, path: readonly PropertyKey[]): { node: Node | null; depth: number } {
  let node = doc.contents as Node | null;
  let depth = 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key || p.key === key);
      if (!pair || !pair.value) {
        // Point at the key when the value is missing; the mapping when the key is.
        return pair?.key ? { node: pair.key as Node, depth: depth + 1 } : { node, depth };
      }
      node = pair.value as Node;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key] as Node;
    } else break;
    depth++;
  }
  return { node, depth };
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`))
    .join('');
}

function describe(issue: Issue, missing: boolean): string {
  const last = issue.path[issue.path.length - 1];
  if (missing && issue.code === 'invalid_type') return `missing required key "${String(last)}"`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_value' && issue.values.length === 1) return `must be ${JSON.stringify(issue.values[0])}`;
  return issue.message.replace(/^Invalid input: /, '');
}

/** Flattens union failures to the branch that fits the value's shape best. */
function flatten(issues: readonly Issue[], prefix: PropertyKey[] = []): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A branch whose only complaint is "wrong type at the root" is the wrong branch.
      const branches = issue.errors.filter((b) => !b.every((i) => i.code === 'invalid_type' && i.path.length === 0));
      const chosen = branches.length > 0 ? branches.reduce((a, b) => (b.length < a.length ? b : a)) : null;
      if (chosen) {
        out.push(...flatten(chosen, path));
        continue;
      }
      // Every branch failed on the value's type: report it as one type problem.
      const expected = [...new Set(issue.errors.flat().map((i) => (i.code === 'invalid_type' ? i.expected : 'other')))];
      out.push({ ...issue, code: 'invalid_type', expected: expected.join(' or '), path } as unknown as Issue);
      continue;
    }
    out.push({ ...issue, path } as Issue);
  }
  return out;
}

export function zodIssuesToProblems(issues: readonly Issue[], doc: Document, pos: Pos): Problem[] {
  return flatten(issues).map((issue) => {
    const { node, depth } = nodeAt(doc, issue.path);
    const missing = depth < issue.path.length;
    const at = node?.range ? pos(node.range[0]) : { line: 1, column: 1 };
    const path = formatPath(issue.path);
    return { ...at, path, message: `${path || 'file'}: ${describe(issue, missing)}` };
  });
}
