// The sections that need more than the generic field merge: the active
// session (two different sessions cannot be merged; a session one side ended
// stays ended) and the handoff notes (written as a mapping or, by hand, as a
// plain list). Plus the per-section dispatch for the whole document.
import { mergeKeyed, type KeyedResult, type KeyedSpec } from './keyedMerge';
import { mergeList } from './listMerge';
import { buildLogSpec, decisionSpec, workSpec } from './sectionSpecs';
import { laterWins, mergeFields, mergeValue, type MergeContext } from './valueMerge';
import { asList, isPlainObject, same } from './values';

export const KEYED_SECTIONS: Readonly<Record<string, KeyedSpec>> = {
  remaining_work: workSpec,
  decisions_log: decisionSpec,
  build_log: buildLogSpec,
};

export const CONFLICTS_KEY = 'merge_conflicts';

function started(v: unknown): string | undefined {
  return isPlainObject(v) && v.started !== null && v.started !== undefined ? String(v.started) : undefined;
}

/**
 * Both sides changed the active session. BASE's session changed on both
 * sides merges field by field; two different live sessions are a conflict; when
 * one side ended the session the other only changed, it stays ended, and a
 * session started after the other side's stays active.
 */
export function mergeSession(base: unknown, ours: unknown, theirs: unknown, ctx: MergeContext): unknown {
  if (same(ours, theirs)) return ours;
  if (same(ours, base)) return theirs;
  if (same(theirs, base)) return ours;
  const o = isPlainObject(ours) ? ours : undefined;
  const t = isPlainObject(theirs) ? theirs : undefined;
  if (o && t) {
    // Both sides continued BASE's session: merge it field by field. Sessions
    // started on each branch are two sessions, even if started the same second.
    if (isPlainObject(base) && started(base) !== undefined && started(o) === started(base) && started(t) === started(base)) {
      return mergeFields('active_session', base, o, t, ctx);
    }
    ctx.conflicts.push({ path: 'active_session', ours, theirs });
    return ours;
  }
  const live = o ?? t;
  if (!live) return mergeValue('active_session', base, ours, theirs, ctx);
  return started(live) !== undefined && started(live) === started(base) ? (o ? theirs : ours) : live;
}

function handoffMap(v: unknown): Record<string, unknown> | undefined {
  if (v === null || v === undefined) return undefined;
  return isPlainObject(v) ? v : { notes: asList(v) };
}

/** Handoff notes merge as a mapping: notes line-wise, next_session as a field, `updated` the later. */
export function mergeHandoff(base: unknown, ours: unknown, theirs: unknown, ctx: MergeContext): unknown {
  if (same(ours, theirs)) return ours;
  if (same(ours, base)) return theirs;
  if (same(theirs, base)) return ours;
  const merged = mergeFields('handoff_notes', handoffMap(base) ?? {}, handoffMap(ours) ?? {}, handoffMap(theirs) ?? {}, ctx, {
    updated: laterWins,
  });
  // Hand-written plain-list notes stay a plain list while that can say everything.
  const oursPlain = ours !== null && ours !== undefined && !isPlainObject(ours);
  return oursPlain && Object.keys(merged).every((k) => k === 'notes') ? merged.notes : merged;
}

export type SectionResult =
  | { kind: 'keyed'; spec: KeyedSpec; items: KeyedResult[] }
  | { kind: 'value'; value: unknown };

/** Every top-level key the result has (or loses): OURS' order, then keys only THEIRS or BASE has. */
export function mergeSections(
  base: Record<string, unknown>,
  ours: Record<string, unknown>,
  theirs: Record<string, unknown>,
  ctx: MergeContext,
): Map<string, SectionResult> {
  const out = new Map<string, SectionResult>();
  const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base)])];
  for (const key of keys) {
    const [b, o, t] = [base[key], ours[key], theirs[key]];
    const spec = KEYED_SECTIONS[key];
    const listOrNothing = (v: unknown) => v === null || v === undefined || Array.isArray(v);
    if (spec && [b, o, t].every(listOrNothing) && (Array.isArray(o) || Array.isArray(t))) {
      out.set(key, { kind: 'keyed', spec, items: mergeKeyed(spec, asList(b), asList(o), asList(t), ctx) });
    } else if (key === 'active_session') {
      out.set(key, { kind: 'value', value: mergeSession(b, o, t, ctx) });
    } else if (key === 'handoff_notes') {
      out.set(key, { kind: 'value', value: mergeHandoff(b, o, t, ctx) });
    } else if (key === CONFLICTS_KEY) {
      // Conflicts recorded on either side stay until someone resolves them (removes the entry).
      out.set(key, { kind: 'value', value: mergeList(asList(b), asList(o), asList(t)) });
    } else {
      out.set(key, { kind: 'value', value: mergeValue(key, b, o, t, ctx) });
    }
  }
  return out;
}
