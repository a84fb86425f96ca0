// The campaign model, schema v1: what a campaign file may contain (the file
// schema, used for validation and the exported JSON Schema) and the normalized
// shape every consumer reads (the model). The file schema is deliberately
// lenient: it accepts what people and the seed's Python `yaml.dump` write
// (plain-string work items, missing sections, extra keys) so nobody's file is
// rejected for being hand-written.
import { z } from 'zod';

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export const WORK_STATUSES = ['todo', 'in_progress', 'blocked', 'done'] as const;
export const DECISION_STATUSES = ['active', 'superseded'] as const;

export type Priority = (typeof PRIORITIES)[number];
export type WorkStatus = (typeof WORK_STATUSES)[number];
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Scalars people write for dates or free text: YAML may hand us numbers or booleans. */
const text = z.union([z.string(), z.number(), z.boolean()]);
const textList = z.union([z.array(text), text]);
const caseInsensitive = <T extends readonly string[]>(values: T) =>
  z.string().refine((s) => values.includes(s.toLowerCase()), {
    message: `must be one of: ${values.join(', ')}`,
  });

const workItemMap = z.looseObject({
  id: text.optional(),
  title: text,
  priority: caseInsensitive(PRIORITIES).optional(),
  status: caseInsensitive(WORK_STATUSES).optional(),
  notes: text.nullish(),
  added: text.nullish(),
  done: text.nullish(),
});

export const campaignFileSchema = z
  .looseObject({
    version: z.literal(1).optional().describe('Campaign schema version'),
    identity: z
      .looseObject({
        name: text.nullish(),
        purpose: text.nullish(),
        tech_stack: textList.nullish(),
      })
      .nullish(),
    constraints: textList.nullish(),
    active_session: z
      .looseObject({
        started: text.nullish(),
        focus: text.nullish(),
        blockers: textList.nullish(),
      })
      .nullish(),
    remaining_work: z
      .array(
        z.union([
          z.string().describe('A work item as plain text; a leading [HIGH]/[MEDIUM]/[LOW] tag sets its priority'),
          workItemMap,
        ]),
      )
      .nullish(),
    build_log: z
      .array(
        z.looseObject({
          date: text,
          title: text.nullish(),
          accomplishments: textList.nullish(),
          decisions: textList.nullish(),
        }),
      )
      .nullish(),
    decisions_log: z
      .array(
        z.looseObject({
          id: text.optional(),
          date: text.nullish(),
          decision: text,
          rationale: text.nullish(),
          status: caseInsensitive(DECISION_STATUSES).optional(),
          superseded_by: text.nullish(),
        }),
      )
      .nullish(),
    handoff_notes: z
      .union([
        z.looseObject({
          next_session: text.nullish(),
          notes: textList.nullish(),
          updated: text.nullish(),
        }),
        textList,
      ])
      .nullish(),
    merge_conflicts: z
      .array(z.looseObject({ path: text, ours: z.unknown(), theirs: z.unknown() }))
      .nullish()
      .describe('Left by the merge driver: each conflict with both values; keep one side (`campaign resolve`), and the list goes'),
  })
  .describe('Campaign file (.claude/campaign.yaml): persistent memory for AI coding sessions');

export type CampaignFile = z.infer<typeof campaignFileSchema>;

// ---- The normalized model --------------------------------------------------

export interface Identity {
  name: string;
  purpose: string;
  tech_stack: string[];
}

export interface ActiveSession {
  started: string;
  focus: string;
  blockers: string[];
}

export interface WorkItem {
  /** Absent for plain-string items and for items a person wrote without one. */
  id?: string;
  title: string;
  priority: Priority;
  status: WorkStatus;
  notes?: string;
  added?: string;
  done?: string;
  /** Position in `remaining_work` (0-based) — how operations find items without ids. */
  index: number;
  /** How the item is written in the file: a plain string or a mapping. */
  form: 'string' | 'map';
}

export interface BuildLogEntry {
  date: string;
  title?: string;
  accomplishments: string[];
  decisions: string[];
}

export interface Decision {
  id?: string;
  date: string;
  decision: string;
  rationale: string;
  status: DecisionStatus;
  superseded_by?: string;
  index: number;
}

export interface HandoffNotes {
  next_session?: string;
  notes: string[];
  updated?: string;
}

export interface Campaign {
  version: 1;
  identity: Identity;
  constraints: string[];
  active_session: ActiveSession | null;
  remaining_work: WorkItem[];
  build_log: BuildLogEntry[];
  decisions_log: Decision[];
  handoff_notes: HandoffNotes;
}

/** Canonical top-level key order: `init` writes it, and added sections follow it. */
export const TOP_LEVEL_KEYS = [
  'version',
  'identity',
  'constraints',
  'active_session',
  'remaining_work',
  'build_log',
  'decisions_log',
  'handoff_notes',
] as const;

export type TopLevelKey = (typeof TOP_LEVEL_KEYS)[number];
