// fast-check generators for the fuzz battery: schema-valid campaign files
// written the many ways people, agents and the seed's Python write them
// (unicode, quotes, colons, `#`, leading dashes, multi-line strings, comments
// sprinkled everywhere, CRLF and BOM, plain-string work lists, PyYAML anchors
// and aliases), together with where every comment belongs, so a test can tell
// which comments an operation may legitimately drop.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { Document, parseDocument, isMap, isScalar, isSeq, type Node, type Pair, type ToStringOptions, type YAMLMap, type YAMLSeq } from 'yaml';

/** How many runs a property gets: the default, or CAMPAIGN_FUZZ_RUNS (scaled) to run more locally. */
export function fuzzRuns(defaultRuns: number): number {
  const env = Number(process.env.CAMPAIGN_FUZZ_RUNS);
  if (!Number.isFinite(env) || env <= 0) return defaultRuns;
  // CAMPAIGN_FUZZ_RUNS is the run count of the main property; others scale with it.
  return Math.max(1, Math.round((env * defaultRuns) / 200));
}

/**
 * The seed of this run's properties: CAMPAIGN_FUZZ_SEED reproduces a run; CI
 * uses a fixed seed so a red build always reproduces; a local run picks a new
 * one, so every run explores new cases. It is chosen once per process, so a
 * test can print it (t.diagnostic), and fast-check prints it with the path of
 * any failure: rerun with CAMPAIGN_FUZZ_SEED=<seed> (and CAMPAIGN_FUZZ_PATH=<path>
 * where the test reads it) to replay exactly that case.
 */
export function fuzzSeed(): number {
  return RUN_SEED;
}

/** The seed CI uses. */
export const CI_FUZZ_SEED = 20261124;

const RUN_SEED = ((): number => {
  const raw = process.env.CAMPAIGN_FUZZ_SEED;
  if (raw && Number.isInteger(Number(raw))) return Number(raw);
  return process.env.CI ? CI_FUZZ_SEED : Math.floor(Math.random() * 0x7fffffff);
})();

// ---- text ---------------------------------------------------------------

const PIECES = [
  '"', "'", ':', ': ', ' #', '#', '- ', '-', '--- ', '...', '[HIGH] ', '[low]', '[Med] ', '{', '}', '[', ']', ',', '&a', '*a',
  '!', '!!str ', '%', '@', '`', '|', '>', '?', '~', 'null', 'true', 'no', 'yes', '0x1F', '1e3', '0o17', '.inf', '\\', '\t',
  '  ', '\n', '\r\n', 'é', 'ß', '日本', '🎉', '👩‍👩‍👧', '\u200b', '\u202e', '\u2028', '\u0085', '\u00a0', '\ufeff',
  '<script>alert(1)</script>', '$(rm -rf ~)', '`id`', '; ls |', '<!-- campaign:end -->', '@README.md', '@~/.ssh/id_rsa',
  '__proto__', 'constructor', 'a', 'b', 'Fix', ' ', 'x y', 'w1', '2', 'TODO',
];

const WHOLE = [
  '', ' ', 'null', 'Null', '~', 'true', 'False', 'yes', 'off', '123', '-1', '0.5', '1e3', '0x1F', '.nan', '2026-03-20',
  '- item', ': x', '#x', '# not a comment', '"q"', "'q'", '[HIGH]', '[HIGH] ', '[low] lower', '[x] y', '*alias', '&anchor',
  '!tag x', '? key', '|', '>', '@', '%YAML 1.2', '---', '...', 'key: value', 'a #b', 'a# b', ' lead', 'trail ', 'multi\nline',
  'crlf\r\nline', 'tab\there', '\\', '{a: 1}', '[1, 2]', '__proto__', 'constructor', '<img src=x onerror=alert(1)>',
];

const ascii = fc.string({ maxLength: 14 });
const grapheme = fc.string({ unit: 'grapheme', maxLength: 10 });
const pieced = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((a) => a.join(''));

/** Any text a person might type, tricky characters included (may be empty or multi-line). */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...WHOLE), weight: 2 },
  { arbitrary: pieced, weight: 4 },
  { arbitrary: grapheme, weight: 2 },
  { arbitrary: ascii, weight: 2 },
);

/** Text that survives as a non-empty single line (for titles a test wants to refer to). */
export const someText: fc.Arbitrary<string> = anyText.map((s) => (s.replace(/\s+/g, ' ').trim() ? s : `${s}x`));

/** What people write for free-text fields: mostly strings, sometimes numbers or booleans. */
const scalarText: fc.Arbitrary<string | number | boolean> = fc.oneof(
  { arbitrary: anyText, weight: 12 },
  { arbitrary: fc.integer({ min: -1000, max: 100000 }), weight: 1 },
  { arbitrary: fc.constantFrom(0.5, 1.25, -3.75, 1e21), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
);

/** Multi-line prose without a trailing newline (so `|+` chomping never arises). */
const prose = fc.array(anyText.map((s) => s.replace(/[\r\n]+/g, ' ')), { minLength: 1, maxLength: 3 }).map((l) => l.join('\n'));

const caseOf = (s: string) => fc.constantFrom(s, s.toUpperCase(), s[0]!.toUpperCase() + s.slice(1));
const priorityText = fc.constantFrom('high', 'medium', 'low').chain(caseOf);
const statusText = fc.constantFrom('todo', 'in_progress', 'blocked', 'done').chain(caseOf);
const dateText = fc.oneof(
  fc.constantFrom('2026-03-20', '2026-11-24', '2026-11-25'),
  fc.constant(20260320),
  anyText,
);
const textList = fc.oneof(
  { arbitrary: fc.array(scalarText, { maxLength: 4 }), weight: 6 },
  { arbitrary: scalarText.filter((s) => s !== '' && s !== null), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
);
const extraKeys = fc.dictionary(
  fc.constantFrom('x_team', 'x-notes', 'owner', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'tags'),
  fc.oneof(scalarText, fc.array(scalarText, { maxLength: 2 }), fc.record({ nested: scalarText })),
  { maxKeys: 2 },
);

// ---- campaign data --------------------------------------------------------

type Data = Record<string, unknown>;

const workMap = fc
  .record(
    {
      id: fc.oneof(fc.constantFrom('w1', 'w2', 'w3', 'w-7k2q', 'w-abcd'), fc.integer({ min: 1, max: 9 })),
      title: scalarText,
      priority: priorityText,
      status: statusText,
      notes: fc.oneof(prose, fc.constant(null)),
      added: dateText,
      done: dateText,
    },
    { requiredKeys: ['title'] },
  )
  .chain((item) => extraKeys.map((x) => ({ ...x, ...item })));

const taggedString = fc
  .tuple(fc.constantFrom('', '[HIGH] ', '[high] ', '[MEDIUM] ', '[Med] ', '[LOW] ', '[low]', ' [HIGH]  '), anyText)
  .map(([tag, t]) => tag + t);

const decision = fc
  .record(
    {
      id: fc.oneof(fc.constantFrom('d1', 'd2', 'd3', 'd-3m9x'), fc.integer({ min: 1, max: 9 })),
      date: fc.oneof(dateText, fc.constant(null)),
      decision: scalarText,
      rationale: fc.oneof(scalarText, prose, fc.constant(null)),
      status: fc.constantFrom('active', 'superseded').chain(caseOf),
      superseded_by: fc.oneof(fc.constantFrom('d1', 'd-zzzz'), fc.constant(null)),
    },
    { requiredKeys: ['decision'] },
  )
  .chain((d) => extraKeys.map((x) => ({ ...x, ...d })));

const buildEntry = fc.record(
  {
    date: dateText,
    title: fc.oneof(scalarText, fc.constant(null)),
    accomplishments: textList,
    decisions: textList,
  },
  { requiredKeys: ['date'] },
);

const session = fc.oneof(
  { arbitrary: fc.constant(null), weight: 3 },
  {
    arbitrary: fc.record(
      {
        started: fc.oneof(fc.constant('2026-11-24T19:57:17.281669'), scalarText),
        focus: scalarText,
        blockers: textList,
        completed: fc.array(someText, { maxLength: 2 }),
        work_item: fc.constantFrom('w1', 'w-7k2q'),
      },
      { requiredKeys: [] },
    ),
    weight: 2,
  },
);

const handoff = fc.oneof(
  {
    arbitrary: fc.record(
      { next_session: fc.oneof(scalarText, fc.constant(null)), notes: textList, updated: fc.oneof(dateText, fc.constant(null)) },
      { requiredKeys: [] },
    ),
    weight: 5,
  },
  { arbitrary: fc.array(scalarText, { minLength: 1, maxLength: 3 }), weight: 1 },
  { arbitrary: someText, weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
);

/** A schema-valid campaign as plain data (before rendering). */
export const campaignData: fc.Arbitrary<Data> = fc
  .record(
    {
      version: fc.constant(1),
      identity: fc.oneof(
        fc.record({ name: fc.oneof(scalarText, fc.constant(null)), purpose: scalarText, tech_stack: textList }, { requiredKeys: [] }),
        fc.constant(null),
      ),
      constraints: fc.oneof(
        { arbitrary: fc.array(someText, { maxLength: 4 }), weight: 5 },
        { arbitrary: someText, weight: 1 },
        { arbitrary: fc.constant(null), weight: 1 },
      ),
      active_session: session,
      remaining_work: fc.oneof(
        { arbitrary: fc.array(fc.oneof(workMap, taggedString), { maxLength: 6 }), weight: 4 },
        { arbitrary: fc.array(taggedString, { maxLength: 5 }), weight: 3 },
        { arbitrary: fc.constant(null), weight: 1 },
      ),
      build_log: fc.array(buildEntry, { maxLength: 3 }),
      decisions_log: fc.array(decision, { maxLength: 4 }),
      handoff_notes: handoff,
      x_team: fc.record({ owner: scalarText, pager: fc.constant('#auth-oncall') }),
    },
    { requiredKeys: [] },
  )
  .map((d) => d as Data);

// ---- rendering ---------------------------------------------------------------

/** Which comments an operation may drop: each comment belongs to an owner. */
export interface PlacedComment {
  /** The comment as written after `#`, unique in the file. */
  text: string;
  /**
   * What it is attached to: `keep` (never dropped: top of file, section keys,
   * fields that are only ever edited in place), `work:N` (work item at
   * position N in the generated file), `work:N:notes` / `work:N:done`,
   * `constraint:N`, `session`, `session:blockers`, `identity:tech_stack`,
   * `handoff:notes`.
   */
  owner: string;
}

export interface Style {
  indent: number;
  indentSeq: boolean;
  quotes: 'plain' | 'double' | 'single';
  lineWidth: number;
  flowLists: boolean;
  crlf: boolean;
  bom: boolean;
  finalNewline: boolean;
  blankLines: boolean;
  /** The seed's yaml.dump: sorted keys, sequences flush with their keys, shared objects as anchors and aliases. */
  seed: boolean;
  comments: boolean;
}

export const style: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom(2, 2, 4, 3),
  indentSeq: fc.boolean(),
  quotes: fc.constantFrom('plain', 'plain', 'double', 'single'),
  lineWidth: fc.constantFrom(0, 0, 80, 24),
  flowLists: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  finalNewline: fc.constantFrom(true, true, true, false),
  blankLines: fc.boolean(),
  seed: fc.constantFrom(false, false, false, true),
  comments: fc.constantFrom(true, true, true, false),
});

export interface GeneratedCampaign {
  data: Data;
  text: string;
  comments: PlacedComment[];
  style: Style;
}

/** A small deterministic PRNG for the rendering choices (comment placement). */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const COMMENT_TAIL = [' ok', ' TODO: later', ' é日本🎉', ' "quoted" \'single\'', ' a: b', ' - dash', ' # double', ' <b>x</b>', ''];

/**
 * Renders campaign data the way `style` says, sprinkling comments (each
 * unique) where people put them, and records where each one belongs.
 */
export function renderCampaign(data: Data, st: Style, seed: number): GeneratedCampaign {
  const rnd = prng(seed);
  let n = 0;
  const comments: PlacedComment[] = [];
  const comment = (owner: string): string | undefined => {
    if (!st.comments || st.seed || rnd() > 0.22) return undefined;
    const text = ` c${n++}${COMMENT_TAIL[Math.floor(rnd() * COMMENT_TAIL.length)]}`;
    comments.push({ text, owner });
    return text;
  };

  let source: Data = data;
  if (st.seed) source = sortKeys(seedShape(data)) as Data;
  const doc = new Document(source, { aliasDuplicateObjects: st.seed });
  const root = doc.contents as YAMLMap | null;

  if (isMap(root)) {
    for (const pair of root.items as Pair<Node, Node | null>[]) {
      const key = String((pair.key as { value?: unknown }).value);
      const c = comment('keep');
      if (c) pair.key.commentBefore = c;
      decorate(key, pair, comment, rnd, st);
    }
  }
  const top = comment('keep');
  if (top) doc.commentBefore = top;
  const end = comment('keep');
  if (end) doc.comment = end;

  const options: ToStringOptions = {
    indent: st.indent,
    indentSeq: st.seed ? false : st.indentSeq,
    lineWidth: st.lineWidth,
    minContentWidth: st.lineWidth ? 10 : 0,
    defaultStringType: st.quotes === 'double' ? 'QUOTE_DOUBLE' : st.quotes === 'single' ? 'QUOTE_SINGLE' : 'PLAIN',
    defaultKeyType: 'PLAIN',
    singleQuote: st.quotes === 'single' ? true : st.quotes === 'double' ? false : null,
  };
  let body = doc.toString(options);
  // yaml 2.9 renders some block scalars (a first line of spaces, or an
  // indentation indicator with indent ≠ 2) so they read back differently;
  // that is the library's writer, not a file people have. Quote those instead.
  if (!isDeepStrictEqual(parseDocument(body).toJS(), doc.toJS())) {
    body = doc.toString({ ...options, defaultStringType: 'QUOTE_DOUBLE' });
  }
  // Blank lines between sections and a missing final newline are how people
  // write files, but after a keep-chomped block scalar (`|+`) both are part of
  // its value: a blank line adds a newline to it, a cut one takes it away. The
  // generated text must mean the generated data, so each is applied only where
  // the file still reads back the same.
  const meaning = doc.toJS();
  const same = (t: string) => isDeepStrictEqual(parseDocument(t).toJS(), meaning);
  if (st.blankLines) {
    const spaced = body.replace(/\n(?=[A-Za-z_])/g, '\n\n');
    body = same(spaced) ? spaced : spaceSectionsSafely(body, same);
  }
  if (!st.finalNewline) {
    const cut = body.replace(/\n+$/, '');
    if (same(cut)) body = cut;
  }
  let text = st.crlf ? body.replace(/\n/g, '\r\n') : body;
  if (st.bom) text = `\ufeff${text}`;
  return { data: source, text, comments, style: st };
}

/** A blank line before each top-level key whose blank line does not change what the file means. */
function spaceSectionsSafely(body: string, same: (t: string) => boolean): string {
  const lines = body.split('\n');
  let out = lines[0]!;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^[A-Za-z_]/.test(line)) {
      const spaced = `${out}\n\n${[line, ...lines.slice(i + 1)].join('\n')}`;
      if (same(spaced)) out += '\n';
    }
    out += `\n${line}`;
  }
  return out;
}

/** Adds comments inside one top-level section and picks flow or block lists. */
function decorate(key: string, pair: Pair<Node, Node | null>, comment: (owner: string) => string | undefined, rnd: () => number, st: Style): void {
  const value = pair.value;
  const trailing = (node: unknown, owner: string) => {
    if (isScalar(node)) {
      const c = comment(owner);
      if (c) node.comment = c;
    }
  };
  const items = (seq: YAMLSeq, owner: (i: number) => string) => {
    if (st.flowLists && seq.items.every((i) => isScalar(i)) && rnd() < 0.5) {
      seq.flow = true;
      return;
    }
    seq.items.forEach((item, i) => {
      const c = comment(owner(i));
      if (c) (item as Node).commentBefore = c;
      trailing(item, owner(i));
    });
  };
  const fields = (map: YAMLMap, owner: (field: string) => string, deep: (field: string, v: unknown) => void) => {
    for (const p of map.items as Pair<Node, Node | null>[]) {
      const field = String((p.key as { value?: unknown }).value);
      const c = comment(owner(field));
      if (c) p.key.commentBefore = c;
      if (isScalar(p.value)) trailing(p.value, owner(field));
      else deep(field, p.value);
    }
  };

  switch (key) {
    case 'identity':
      if (isMap(value)) {
        fields(value, (f) => (f === 'tech_stack' ? 'identity:tech_stack' : 'keep'), (f, v) => {
          if (f === 'tech_stack' && isSeq(v)) items(v, () => 'identity:tech_stack');
        });
      } else trailing(value, 'keep');
      break;
    case 'constraints':
      if (isSeq(value)) items(value, (i) => `constraint:${i}`);
      else if (isScalar(value) && value.value !== null) trailing(value, 'constraint:0');
      else trailing(value, 'keep');
      break;
    case 'active_session':
      if (isMap(value)) {
        fields(value, (f) => (f === 'blockers' ? 'session:blockers' : 'session'), (f, v) => {
          if (isSeq(v)) items(v, () => (f === 'blockers' ? 'session:blockers' : 'session'));
        });
      } else trailing(value, 'keep');
      break;
    case 'remaining_work':
      if (isSeq(value)) {
        value.items.forEach((item, i) => {
          const c = comment(`work:${i}`);
          if (c) (item as Node).commentBefore = c;
          if (isMap(item)) {
            fields(
              item,
              (f) => (f === 'notes' || f === 'done' ? `work:${i}:${f}` : `work:${i}`),
              (_f, v) => {
                if (isSeq(v)) items(v, () => `work:${i}`);
              },
            );
          } else trailing(item, `work:${i}`);
        });
      } else trailing(value, 'keep');
      break;
    case 'build_log':
    case 'decisions_log':
      if (isSeq(value)) {
        value.items.forEach((item) => {
          const c = comment('keep');
          if (c) (item as Node).commentBefore = c;
          if (isMap(item)) {
            fields(item, () => 'keep', (_f, v) => {
              if (isSeq(v)) items(v, () => 'keep');
            });
          }
        });
      }
      break;
    case 'handoff_notes':
      if (isMap(value)) {
        fields(value, (f) => (f === 'notes' ? 'handoff:notes' : 'keep'), (f, v) => {
          if (isSeq(v)) items(v, () => (f === 'notes' ? 'handoff:notes' : 'keep'));
        });
      } else if (isSeq(value)) items(value, () => 'handoff:notes');
      else if (isScalar(value) && value.value !== null) trailing(value, 'handoff:notes');
      else trailing(value, 'keep');
      break;
    default:
      if (isMap(value)) fields(value, () => 'keep', () => undefined);
      else trailing(value, 'keep');
  }
}

/** yaml.dump sorts keys; sorting the data (keeping shared objects shared) puts each anchor before its aliases. */
function sortKeys(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(sortKeys(v, seen));
    return out;
  }
  const out: Data = {};
  seen.set(value, out);
  for (const k of Object.keys(value).sort()) {
    Object.defineProperty(out, k, { value: sortKeys((value as Data)[k], seen), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * The seed's `start_session` copies whole sections into `active_session`, so
 * PyYAML writes them once with an anchor and refers to them with aliases.
 */
function seedShape(data: Data): Data {
  const out: Data = { ...data };
  const s = data.active_session;
  if (s && typeof s === 'object') {
    const shared: Data = { ...(s as Data) };
    if (Array.isArray(data.constraints)) shared.constraints = data.constraints;
    if (data.identity && typeof data.identity === 'object') shared.project_identity = data.identity;
    if (Array.isArray(data.remaining_work)) shared.remaining_work = data.remaining_work;
    if (Array.isArray(data.decisions_log) && data.decisions_log.length) shared.recent_decisions = data.decisions_log.slice(-2);
    out.active_session = shared;
  }
  return out;
}

export const generatedCampaign: fc.Arbitrary<GeneratedCampaign> = fc
  .tuple(campaignData, style, fc.integer({ min: 1, max: 0x7fffffff }))
  .map(([data, st, seed]) => renderCampaign(data, st, seed));
