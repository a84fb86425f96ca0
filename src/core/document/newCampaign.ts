// The text of a brand-new campaign file (`campaign init`, Initialize Campaign,
// import). Every section is present, in canonical order, with a comment that
// says what it is for; empty lists are written as `[]` rather than left out
// because the seed's Python appends to `build_log` without checking.
import { Document, type YAMLMap } from 'yaml';
import type { CampaignFile } from '../model/model';

export interface NewCampaignInput {
  name?: string;
  purpose?: string;
  tech_stack?: string[];
  constraints?: string[];
}

const SECTION_COMMENTS: Record<string, string> = {
  identity: ' What this project is',
  constraints: ' Limits every session must respect',
  active_session: ' The session in progress (null when none)',
  remaining_work: ' Remaining work: priority high | medium | low; status todo | in_progress | blocked | done',
  build_log: ' What each session built, newest last',
  decisions_log: ' Decisions with their rationale, newest last',
  handoff_notes: ' For the next session',
};

/** Renders a complete campaign file from plain data (used by init and import). */
export function renderCampaignFile(data: CampaignFile): string {
  const ordered: Record<string, unknown> = {
    version: 1,
    identity: data.identity ?? { name: '', purpose: '', tech_stack: [] },
    constraints: data.constraints ?? [],
    active_session: data.active_session ?? null,
    remaining_work: data.remaining_work ?? [],
    build_log: data.build_log ?? [],
    decisions_log: data.decisions_log ?? [],
    handoff_notes: data.handoff_notes ?? { next_session: null, notes: [] },
  };
  for (const [k, v] of Object.entries(data)) if (!(k in ordered)) ordered[k] = v;
  const doc = new Document(ordered);
  const name = typeof data.identity?.name === 'string' && data.identity.name ? data.identity.name : 'this project';
  doc.commentBefore = ` Campaign: ${name}\n Persistent memory for AI coding sessions. Edit by hand or with the Campaign extension / CLI.`;
  const root = doc.contents as YAMLMap;
  for (const pair of root.items) {
    const key = String((pair.key as { value?: unknown }).value ?? pair.key);
    const comment = SECTION_COMMENTS[key];
    if (comment && pair.key && typeof pair.key === 'object') (pair.key as { commentBefore?: string }).commentBefore = comment;
    if (key === 'identity' && pair.value && typeof pair.value === 'object') {
      const ts = (pair.value as YAMLMap).get('tech_stack', true) as { flow?: boolean } | undefined;
      if (ts) ts.flow = true;
    }
  }
  return doc.toString({ lineWidth: 0 });
}

export function newCampaignText(input: NewCampaignInput): string {
  return renderCampaignFile({
    version: 1,
    identity: { name: input.name ?? '', purpose: input.purpose ?? '', tech_stack: input.tech_stack ?? [] },
    constraints: input.constraints ?? [],
  });
}
