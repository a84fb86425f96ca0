// Job: fast-check generators of campaign files written the way people lay
// them out by hand — values with aligned inline comments, blank lines between
// items, lists flush with their key or indented, quoted and plain scalars,
// CRLF and a BOM — for the splice property test (spliceProperty.test.ts).
import fc from 'fast-check';

export interface SpliceFile {
  text: string;
  crlf: boolean;
  bom: boolean;
  /** Lists written flush with their key (`key:\n- a`) rather than indented. */
  flush: boolean;
  workCount: number;
  plainWork: boolean;
  constraintCount: number;
  decisionCount: number;
  buildCount: number;
  session: boolean;
  conflict: boolean;
}

const WORDS = ['alpha', 'login', 'reset', 'token', 'cache', 'docs', 'rate', 'limit', 'schema', 'retry', 'queue', 'dana', 'ana'];
const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

/** A scalar as people write it: plain, "double" or 'single' quoted. */
const scalar = fc.tuple(words, fc.constantFrom('plain', 'plain', 'double', 'single')).map(([w, q]) => (q === 'double' ? `"${w}"` : q === 'single' ? `'${w}'` : w));

/** An inline comment, sometimes aligned far to the right, sometimes none. */
const trailing = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('note', 'ask Ana', 'see #12', 'a: b')).map(([n, c]) => `${' '.repeat(n)}# ${c}`),
);

const blank = fc.constantFrom('', '', '\n');

/** `s` with ` suffix` inside its quotes, if it has any. */
const withSuffix = (s: string, suffix: string) => (/^["']/.test(s) ? `${s.slice(0, -1)} ${suffix}${s.slice(-1)}` : `${s} ${suffix}`);

const workItem = fc.record({
  title: scalar,
  priority: fc.constantFrom('high', 'medium', 'low'),
  status: fc.constantFrom('todo', 'todo', 'in_progress', 'blocked', 'done'),
  owner: fc.option(scalar, { nil: undefined }),
  c1: trailing,
  c2: trailing,
  gap: blank,
});

export const spliceFile: fc.Arbitrary<SpliceFile> = fc
  .record({
    crlf: fc.boolean(),
    bom: fc.boolean(),
    flush: fc.boolean(),
    name: scalar,
    purpose: scalar,
    nameComment: trailing,
    flowStack: fc.boolean(),
    constraints: fc.array(fc.tuple(scalar, trailing), { maxLength: 3 }),
    session: fc.option(fc.tuple(scalar, trailing), { nil: undefined }),
    plainWork: fc.boolean(),
    work: fc.array(workItem, { maxLength: 5 }),
    builds: fc.array(fc.tuple(scalar, trailing), { maxLength: 3 }),
    decisions: fc.array(fc.tuple(scalar, scalar, trailing, blank), { maxLength: 3 }),
    notes: fc.array(scalar, { maxLength: 2 }),
    conflict: fc.boolean(),
    finalNewline: fc.constantFrom(true, true, true, false),
  })
  .map((g) => {
    const seq = g.flush ? '' : '  ';
    const item = `${seq}  `;
    const lines: string[] = ['# Campaign: generated', '# Hand-kept; aligned notes on purpose.', 'version: 1', ''];
    lines.push('identity:', `  name: ${g.name}${g.nameComment}`, `  purpose: ${g.purpose}`);
    lines.push(g.flowStack ? '  tech_stack: [TypeScript, YAML]' : `  tech_stack:\n${seq}  - TypeScript\n${seq}  - YAML`);
    lines.push('');
    if (g.constraints.length) {
      lines.push('constraints:');
      for (const [c, t] of g.constraints) lines.push(`${seq}- ${c}${t}`);
    } else lines.push('constraints: []');
    if (g.session) {
      lines.push('active_session:', '  started: 2026-03-20T09:00:00+01:00', `  focus: ${g.session[0]}${g.session[1]}`, '  blockers: []');
    } else lines.push('active_session: null   # set by Start Session');
    lines.push('');
    if (g.work.length) {
      lines.push('remaining_work:', `${seq}# Security first`);
      g.work.forEach((w, i) => {
        if (w.gap && i > 0) lines.push('');
        if (g.plainWork) {
          lines.push(`${seq}- "[${w.priority.toUpperCase()}] ${w.title.replace(/^["']|["']$/g, '')} ${i}"${w.c1}`);
          return;
        }
        lines.push(`${seq}- id: w${i}`, `${item}title: ${w.title}${w.c1}`, `${item}priority: ${w.priority}`, `${item}status: ${w.status}`);
        if (w.owner) lines.push(`${item}owner: ${w.owner}${w.c2}`);
      });
    } else lines.push('remaining_work: []');
    lines.push('');
    if (g.builds.length) {
      lines.push('build_log:');
      g.builds.forEach(([b, t], i) => lines.push(`${seq}- date: 2026-03-1${i}`, `${item}title: ${b}${t}`, `${item}accomplishments:`, `${item}${seq}- ${b}`));
    } else lines.push('build_log: []');
    lines.push('');
    if (g.decisions.length) {
      lines.push('decisions_log:');
      g.decisions.forEach(([d, r, t, gap], i) => {
        if (gap && i > 0) lines.push('');
        lines.push(`${seq}- id: d${i}`, `${item}date: 2026-03-1${i}`, `${item}decision: ${withSuffix(d, String(i))}${t}`, `${item}rationale: ${r}`);
      });
    } else lines.push('decisions_log: []');
    lines.push('');
    lines.push('handoff_notes:', '  next_session: null', g.notes.length ? `  notes:\n${g.notes.map((n) => `${seq}  - ${n}`).join('\n')}` : '  notes: []');
    if (g.conflict) {
      lines.push('merge_conflicts:', `${seq}- path: identity.purpose`, `${item}ours: mine`, `${item}theirs: yours`);
    }
    let body = lines.join('\n');
    if (g.finalNewline) body += '\n';
    let text = g.crlf ? body.replace(/\n/g, '\r\n') : body;
    if (g.bom) text = `\ufeff${text}`;
    return {
      text,
      crlf: g.crlf,
      bom: g.bom,
      flush: g.flush,
      workCount: g.work.length,
      plainWork: g.plainWork,
      constraintCount: g.constraints.length,
      decisionCount: g.decisions.length,
      buildCount: g.builds.length,
      session: !!g.session,
      conflict: g.conflict,
    };
  });
