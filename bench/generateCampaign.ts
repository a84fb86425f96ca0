// Seeded, deterministic synthetic campaigns for the benchmarks: a hand-written
// looking `.claude/campaign.yaml` with N build-log entries and N decisions,
// remaining work in proportion, realistic sentences, and the YAML comments
// people leave (section headers, sprint markers, trailing notes). The same
// options always give the same text, byte for byte.
//
// The text is emitted directly (not through the yaml library) so it keeps a
// person's habits the library would not reproduce exactly — two spaces before
// a trailing comment, blank lines between sections — and the minimal-diff
// splice does real work, as it does on real files.

export interface GenerateOptions {
  /** Build-log entries, and as many decisions. */
  entries: number;
  seed?: number;
  /** Remaining work items (default: proportionate, 6 + entries / 50). */
  remainingWork?: number;
}

export interface GeneratedCampaign {
  text: string;
  entries: number;
  remainingWork: number;
  seed: number;
  bytes: number;
}

/** A small, fast, seeded PRNG (mulberry32): deterministic across machines. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- Vocabulary -------------------------------------------------------------

const PROJECTS = ['Orchard Ledger', 'Harbor Sync', 'Tidewater API', 'Lumen Billing', 'Quarry Search', 'Beacon Auth'];
const PURPOSES = [
  'Self-hosted bookkeeping for small farms, with offline mobile capture and nightly bank reconciliation',
  'Two-way calendar and contact sync between the field app and the back office, built for flaky networks',
  'Public REST and webhook API for partners integrating shipment tracking into their own systems',
  'Usage-based billing for the hosting platform: metering, invoices, dunning and the customer portal',
  'Full-text and faceted search over the product catalogue, with typo tolerance and merchandising rules',
  'Authentication and session management for the mobile apps and the partner dashboard',
];
const STACKS = [
  ['TypeScript', 'Node.js 20', 'PostgreSQL 16', 'Redis', 'React', 'Vitest'],
  ['Go', 'gRPC', 'PostgreSQL', 'NATS', 'Kubernetes'],
  ['Python 3.12', 'FastAPI', 'SQLAlchemy', 'Celery', 'RabbitMQ'],
  ['Kotlin', 'Ktor', 'Exposed', 'PostgreSQL', 'Kafka'],
];
const CONSTRAINTS = [
  'No external auth providers: everything stays self-hosted',
  'Must keep working offline on the mobile clients for at least 72 hours',
  'Every schema change ships with a reversible migration',
  'Public API responses stay backward compatible within a major version',
  'No new runtime dependencies without a written rationale in the decisions log',
  'p95 latency of the write path stays under 150 ms at 500 requests per second',
  'Personal data never leaves the EU region',
  'All money amounts are integers in minor units, never floats',
  'CI must stay under ten minutes on the default runner',
  'Feature flags are removed within two releases of full rollout',
];
const VERBS = [
  'Added', 'Fixed', 'Refactored', 'Implemented', 'Removed', 'Migrated', 'Documented', 'Tuned', 'Replaced',
  'Split', 'Cached', 'Validated', 'Hardened', 'Simplified', 'Instrumented', 'Backfilled', 'Parallelized',
  'Deduplicated', 'Renamed', 'Extracted', 'Rewrote', 'Benchmarked', 'Profiled', 'Wired up', 'Reworked',
];
const ADJECTIVES = [
  'retry', 'pagination', 'session', 'refresh token', 'webhook', 'invoice', 'export', 'import', 'audit',
  'rate limit', 'search', 'billing', 'notification', 'sync', 'permission', 'onboarding', 'settings', 'upload',
  'reconciliation', 'reporting', 'caching', 'locale', 'timezone', 'schema', 'health check',
];
const NOUNS = [
  'handler', 'middleware', 'worker', 'queue consumer', 'repository', 'endpoint', 'migration', 'serializer',
  'validator', 'scheduler', 'client', 'adapter', 'parser', 'controller', 'resolver', 'job', 'view', 'form',
  'fixture set', 'integration test', 'feature flag', 'dashboard panel', 'CLI command', 'config loader',
];
const DETAILS = [
  'so retries back off exponentially',
  'behind a feature flag',
  'with integration tests against a real database',
  'for offline clients',
  'to cut p95 latency by roughly 40 percent',
  'after the framework upgrade',
  'so partners get a clear error code',
  'without a full table scan',
  'using the existing connection pool',
  'and removed the old code path',
  'covering the daylight saving edge cases',
  'so the nightly job finishes before 6 am',
  'with a property-based test for the parser',
  'keeping the public contract unchanged',
  'to unblock the mobile release',
  'as agreed in the design review',
  'and added metrics for queue depth',
  'so support can trace a request end to end',
];
const DECISION_SUBJECTS = [
  'Use PostgreSQL advisory locks for the scheduler instead of a Redis lock',
  'Store amounts as integer minor units in every table',
  'Keep webhooks at-least-once and make consumers idempotent',
  'Paginate with opaque cursors rather than page numbers',
  'Run migrations in a separate release step',
  'Cache tenant settings in process for 30 seconds',
  'Adopt structured JSON logs everywhere',
  'Reject unknown fields in the public API',
  'Validate configuration at startup and fail fast',
  'Generate the API client from the OpenAPI document',
  'Prefer server-sent events over websockets for notifications',
  'Move exports to a background job with an emailed link',
  'Pin the base image by digest',
  'Keep one repository for the API and the workers',
  'Use UTC everywhere and convert only in the UI',
];
const RATIONALES = [
  'one less moving part in production and the locks die with the session',
  'floats already caused two rounding bugs in invoices',
  'exactly-once delivery is not achievable across partner systems',
  'page numbers skip or repeat rows while data changes underneath',
  'a failed migration must never take the API down with it',
  'settings are read on every request and change a few times a day',
  'support needs to search logs by request id and tenant',
  'silent acceptance hid typos in partner integrations for weeks',
  'misconfiguration showed up hours later as confusing errors',
  'hand-written clients drifted from the server three times last quarter',
  'the traffic is one-way and proxies handle plain HTTP better',
  'large exports timed out at the load balancer after 60 seconds',
  'a silently updated base image broke the build twice',
  'changes usually touch both and reviews are simpler in one place',
  'time zone bugs cost us a week of support tickets in March',
];
const MILESTONES = ['Security', 'Performance', 'Partner API', 'Mobile offline', 'Billing', 'Observability', 'Cleanup'];
const WORK_TITLES = [
  'Implement password reset flow',
  'Add rate limiting to the public endpoints',
  'Write API documentation for the v2 webhooks',
  'Move invoice PDF rendering to a worker',
  'Replace the hand-rolled CSV parser',
  'Add tracing to the sync queue consumers',
  'Support partial refunds in the billing portal',
  'Backfill missing tenant ids in the audit log',
  'Make the nightly reconciliation job resumable',
  'Add an admin view for stuck webhook deliveries',
  'Drop the legacy v1 session table',
  'Translate the onboarding emails',
  'Load test the search endpoint at 1k rps',
  'Split the settings page into tabs',
  'Remove the old export feature flag',
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function int(r: () => number, min: number, max: number): number {
  return min + Math.floor(r() * (max - min + 1));
}

function sentence(r: () => number): string {
  return `${pick(r, VERBS)} the ${pick(r, ADJECTIVES)} ${pick(r, NOUNS)} ${pick(r, DETAILS)}`;
}

function title(r: () => number): string {
  const adj = pick(r, ADJECTIVES);
  return `${adj.charAt(0).toUpperCase()}${adj.slice(1)} ${pick(r, NOUNS)} ${pick(r, ['work', 'cleanup', 'rollout', 'fixes', 'hardening', 'follow-up'])}`;
}

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

function makeIds(r: () => number, prefix: string, count: number, taken: Set<string>): string[] {
  const out: string[] = [];
  while (out.length < count) {
    let s = '';
    for (let i = 0; i < 5; i++) s += ID_ALPHABET[Math.floor(r() * ID_ALPHABET.length)];
    const id = `${prefix}-${s}`;
    if (taken.has(id)) continue;
    taken.add(id);
    out.push(id);
  }
  return out;
}

function date(dayOffset: number): string {
  const d = new Date(Date.UTC(2022, 0, 3) + dayOffset * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** A plain scalar when that is safe, a double-quoted one otherwise. */
function scalar(s: string): string {
  const plainSafe =
    /^[A-Za-z(][^\n]*$/.test(s) &&
    !/: |:$| #|^[-?:,[\]{}#&*!|>'"%@`]/.test(s) &&
    !/^(true|false|yes|no|on|off|null|y|n)$/i.test(s) &&
    s === s.trim();
  return plainSafe ? s : JSON.stringify(s);
}

/** Generates a campaign with `entries` build-log entries and as many decisions. */
export function generateCampaign(options: GenerateOptions): GeneratedCampaign {
  const entries = Math.max(0, Math.floor(options.entries));
  const seed = options.seed ?? 1;
  const r = prng(seed * 7919 + entries);
  const workCount = options.remainingWork ?? 6 + Math.floor(entries / 50);
  const project = PROJECTS[seed % PROJECTS.length]!;
  const purpose = PURPOSES[seed % PURPOSES.length]!;
  const stack = STACKS[seed % STACKS.length]!;
  const taken = new Set<string>();
  const workIds = makeIds(r, 'w', workCount, taken);
  const decisionIds = makeIds(r, 'd', entries, taken);
  // Build-log days: one to three entries a day, with gaps.
  const days: number[] = [];
  let day = 0;
  for (let i = 0; i < entries; i++) {
    days.push(day);
    day += r() < 0.55 ? 1 : r() < 0.5 ? 0 : int(r, 2, 4);
  }
  const today = date(day + 1);
  const out: string[] = [];
  const push = (line: string) => out.push(line);

  push(`# Campaign: ${project}`);
  push('# Persistent memory for AI coding sessions. Edit by hand or with the Campaign extension / CLI.');
  push(`# Synthetic benchmark campaign (seed ${seed}, ${entries} entries), written by bench/generateCampaign.ts`);
  push('version: 1');
  push('');
  push('# What this project is');
  push('identity:');
  push(`  name: ${scalar(project)}  # repository: ${project.toLowerCase().replace(/ /g, '-')}`);
  push(`  purpose: ${scalar(purpose)}`);
  push(`  tech_stack: [${stack.join(', ')}]`);
  push('');
  push('# Limits every session must respect');
  push('constraints:');
  const constraintCount = 4 + (seed % 3);
  for (let i = 0; i < constraintCount; i++) push(`  - ${scalar(CONSTRAINTS[(seed + i * 3) % CONSTRAINTS.length]!)}`);
  push('');

  // Work items: about one in five high priority; a few in progress, blocked or done.
  const work = workIds.map((id, i) => {
    const roll = r();
    const priority = i % 5 === 0 ? 'high' : roll < 0.45 ? 'medium' : 'low';
    const s = r();
    const status = i === 0 ? 'in_progress' : s < 0.08 ? 'blocked' : s < 0.16 ? 'in_progress' : s < 0.24 ? 'done' : 'todo';
    const base = WORK_TITLES[i % WORK_TITLES.length]!;
    const t = i < WORK_TITLES.length ? base : `${base} (${pick(r, ADJECTIVES)} part ${Math.floor(i / WORK_TITLES.length) + 1})`;
    return { id, title: t, priority, status, notes: r() < 0.4 ? sentence(r) : undefined, added: date(Math.floor(r() * day)) };
  });
  const focusItem = work[0];

  push('# The session in progress (null when none)');
  push('active_session:');
  push(`  started: "${today}T09:14:00+01:00"`);
  push(`  focus: ${scalar(focusItem ? focusItem.title : 'Triage the open issues')}`);
  push('  blockers:');
  push('    - Waiting for the staging database credentials from ops');
  push(`    - ${scalar(`Flaky ${pick(r, ADJECTIVES)} ${pick(r, NOUNS)} test on CI`)}`);
  if (focusItem) push(`  work_item: ${focusItem.id}`);
  push('');

  push('# Remaining work: priority high | medium | low; status todo | in_progress | blocked | done');
  push('remaining_work:');
  work.forEach((w, i) => {
    if (i % 8 === 0) push(`  # ${MILESTONES[(i / 8) % MILESTONES.length]} milestone`);
    push(`  - id: ${w.id}`);
    push(`    title: ${scalar(w.title)}`);
    push(`    priority: ${w.priority}`);
    push(`    status: ${w.status}`);
    if (w.notes) push(`    notes: ${scalar(w.notes)}`);
    push(`    added: "${w.added}"`);
    if (w.status === 'done') push(`    done: "${today}"`);
  });
  push('');

  push('# What each session built, newest last');
  push('build_log:');
  for (let i = 0; i < entries; i++) {
    if (i % 10 === 0) push(`  # ---- Sprint ${i / 10 + 1} (from ${date(days[i]!)}) ----`);
    push(`  - date: "${date(days[i]!)}"`);
    push(`    title: ${scalar(title(r))}${i % 25 === 7 ? `  # see PR ${1000 + i}` : ''}`);
    push('    accomplishments:');
    const n = int(r, 2, 5);
    for (let k = 0; k < n; k++) push(`      - ${scalar(sentence(r))}`);
    const decisions = r() < 0.45 ? int(r, 1, 2) : 0;
    if (decisions) {
      push('    decisions:');
      for (let k = 0; k < decisions; k++) push(`      - ${scalar(pick(r, DECISION_SUBJECTS))}`);
    }
    if (r() < 0.15) push(`    commits: [${hex(r)}, ${hex(r)}]`);
  }
  push('');

  push('# Decisions with their rationale, newest last');
  push('decisions_log:');
  for (let i = 0; i < entries; i++) {
    if (i % 15 === 14) push('  # Revisit after the next load test');
    push(`  - id: ${decisionIds[i]}`);
    push(`    date: "${date(days[i]!)}"`);
    push(`    decision: ${scalar(`${pick(r, DECISION_SUBJECTS)} for the ${pick(r, ADJECTIVES)} ${pick(r, NOUNS)}`)}`);
    push(`    rationale: ${scalar(`${capitalize(pick(r, RATIONALES))}; ${pick(r, DETAILS)}`)}`);
    // About one in ten is superseded by a later decision.
    if (i + 1 < entries && r() < 0.1) {
      push('    status: superseded');
      push(`    superseded_by: ${decisionIds[int(r, i + 1, entries - 1)]}`);
    }
  }
  push('');

  push('# For the next session');
  push('handoff_notes:');
  push(`  next_session: ${scalar(focusItem ? `Finish ${focusItem.title.toLowerCase()}, then review the blocked items` : 'Review the open items')}`);
  push('  notes:');
  push('    - Staging is on the new database cluster since last week');
  push(`    - ${scalar(`The ${pick(r, ADJECTIVES)} ${pick(r, NOUNS)} has a TODO for the edge case found in review`)}`);
  push('    - Run the migration dry-run before merging anything that touches the schema');
  push(`  updated: "${today}"`);
  push('');
  push('# Unknown keys belong to the team and must survive every edit');
  push('x_team:');
  push('  owner: platform');
  push('  pager: "#platform-oncall"');
  const text = `${out.join('\n')}\n`;
  return { text, entries, remainingWork: workCount, seed, bytes: Buffer.byteLength(text, 'utf8') };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function hex(r: () => number): string {
  // Starts with a letter: `1234e56` would read as a number.
  let s = 'abcdef'[Math.floor(r() * 6)]!;
  for (let i = 0; i < 6; i++) s += '0123456789abcdef'[Math.floor(r() * 16)];
  return s;
}

/**
 * A campaign of about `targetBytes` (within 1 %, never above the target):
 * the entry count is found from the measured bytes per entry.
 */
export function generateCampaignOfSize(targetBytes: number, seed = 1): GeneratedCampaign {
  let entries = Math.max(1, Math.round(targetBytes / 700));
  let best: GeneratedCampaign | undefined;
  for (let attempt = 0; attempt < 8; attempt++) {
    const g = generateCampaign({ entries, seed });
    if (g.bytes <= targetBytes && (!best || g.bytes > best.bytes)) best = g;
    if (g.bytes <= targetBytes && g.bytes >= targetBytes * 0.99) return g;
    const perEntry = g.bytes / Math.max(1, entries);
    const next = Math.max(1, Math.floor(entries + (targetBytes * 0.995 - g.bytes) / perEntry));
    entries = next === entries ? entries + (g.bytes > targetBytes ? -1 : 1) : next;
  }
  return best ?? generateCampaign({ entries: 1, seed });
}
