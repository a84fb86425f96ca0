// The campaign model, schema v1: what a campaign file may contain (the file
// schema, used for validation and the exported JSON Schema) and the normalized
// shape every consumer reads (the model). The file schema is deliberately
// lenient: it accepts what people and the seed's Python `yaml.dump` write
// (plain-string work items, missing sections, extra keys) so nobody's file is
// rejected for being hand-written.
// zod/mini, not zod: the same validation through a functional API that
// bundles to a fraction of the size (classic zod's methods keep all of it).
// Namespace and named imports only: `import { z }` from 'zod', or touching
// `z.locales`, pulls every zod locale into the bundles (+260 KB minified).
import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';

// Classic zod loads its English messages itself; mini leaves every issue saying
// just "Invalid input". Issues (and `parse`'s errors) read as they always have.
z.config(en());

import { PRIORITIES, type Priority } from './priority';

// The priority list lives in priority.ts (the webview imports it without zod);
// re-exported here because the model is where readers look for it.
export { PRIORITIES, type Priority };
export const WORK_STATUSES = ['todo', 'in_progress', 'blocked', 'done'] as const;
export const DECISION_STATUSES = ['active', 'superseded'] as const;

export type WorkStatus = (typeof WORK_STATUSES)[number];
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** A description for the exported JSON Schema (what classic zod's `.describe()` does). */
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => {
  z.globalRegistry.add(schema as z.ZodMiniType, { description });
  return schema;
};

/** Scalars people write for dates or free text: YAML may hand us numbers or booleans. */
const text = z.union([z.string(), z.number(), z.boolean()]);
const textList = z.union([z.array(text), text]);
const caseInsensitive = <T extends readonly string[]>(values: T) =>
  z.string().check(
    z.refine((s) => values.includes(s.toLowerCase()), {
      message: `must be one of: ${values.join(', ')}`,
    }),
  );

const workItemMap = z.looseObject({
  id: z.optional(text),
  title: text,
  priority: z.optional(caseInsensitive(PRIORITIES)),
  status: z.optional(caseInsensitive(WORK_STATUSES)),
  notes: z.nullish(text),
  added: z.nullish(text),
  done: z.nullish(text),
});

export const campaignFileSchema = described(
  z.looseObject({
    version: described(z.optional(z.literal(1)), 'Campaign schema version'),
    identity: z.nullish(
      z.looseObject({
        name: z.nullish(text),
        purpose: z.nullish(text),
        tech_stack: z.nullish(textList),
      }),
    ),
    constraints: z.nullish(textList),
    active_session: z.nullish(
      z.looseObject({
        started: z.nullish(text),
        focus: z.nullish(text),
        blockers: z.nullish(textList),
        completed: described(
          z.nullish(textList),
          'Work completed during this session: the id of each item that has one, else its title. End Session prefills its accomplishments from it',
        ),
      }),
    ),
    remaining_work: z.nullish(
      z.array(
        z.union([
          described(z.string(), 'A work item as plain text; a leading [HIGH]/[MEDIUM]/[LOW] tag sets its priority'),
          workItemMap,
        ]),
      ),
    ),
    build_log: z.nullish(
      z.array(
        z.looseObject({
          date: text,
          title: z.nullish(text),
          accomplishments: z.nullish(textList),
          decisions: z.nullish(textList),
        }),
      ),
    ),
    decisions_log: z.nullish(
      z.array(
        z.looseObject({
          id: z.optional(text),
          date: z.nullish(text),
          decision: text,
          rationale: z.nullish(text),
          status: z.optional(caseInsensitive(DECISION_STATUSES)),
          superseded_by: z.nullish(text),
        }),
      ),
    ),
    handoff_notes: z.nullish(
      z.union([
        z.looseObject({
          next_session: z.nullish(text),
          notes: z.nullish(textList),
          updated: z.nullish(text),
        }),
        textList,
      ]),
    ),
    merge_conflicts: described(
      z.nullish(z.array(z.looseObject({ path: text, ours: z.unknown(), theirs: z.unknown() }))),
      'Left by the merge driver: each conflict with both values; keep one side (`campaign resolve`), and the list goes',
    ),
  }),
  'Campaign file (.claude/campaign.yaml): persistent memory for AI coding sessions',
);

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
  /**
   * Work completed during this session, as recorded in the file: an item's id
   * when it has one, else its title. Absent when nothing was completed yet.
   * Read it through `completedThisSession`, which turns it into titles.
   */
  completed?: string[];
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
