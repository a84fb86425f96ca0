// Session operations: start a session (focus, blockers, optionally on a work
// item) and end it with a handoff — the build-log entry, completed work swept
// out of remaining work, next steps, decisions and handoff notes, in one edit.
// The end-session rule lives here once; the CLI, the handoff form and the MCP
// server all call `endSession` / `endSessionWithDefaults`.
import { isMap, isSeq } from 'yaml';
import type { Campaign, Priority } from '../model/model';
import { CampaignError } from '../model/problems';
import { blockStyle, ensureMap, ensureSeq, getNode, listNode, setKey } from '../document/yamlEdit';
import { appendDecisions, type NewDecision } from './decisionOps';
import { localDate, localTimestamp, oneLine, type Operation } from './operation';
import { appendWork, applyWorkChanges } from './workOps';
import { completedThisSession } from './sessionWork';
import { findOpenWorkByTitle, sameTitle } from './workMatch';
import { resolveWork } from './workRef';

export interface StartSessionInput {
  focus?: string;
  blockers?: string[];
  /** Start on this work item: it becomes the focus and goes in progress. */
  workRef?: string;
  /** Replace a session that is still active. */
  replace?: boolean;
}

export function startSession(input: StartSessionInput): Operation<{ focus: string }> {
  return {
    name: 'session.start',
    apply(cd, ctx) {
      const model = cd.model;
      if (model.active_session && !input.replace) {
        throw new CampaignError(
          `A session is already active (focus: "${model.active_session.focus}"). End it first, or replace it (--replace).`,
        );
      }
      const item = input.workRef ? resolveWork(model, input.workRef) : undefined;
      const focus = oneLine(input.focus ?? '') || item?.title || '';
      if (!focus) throw new CampaignError('A session needs a focus: what is this session for?');
      if (item && item.status !== 'in_progress' && item.status !== 'done') {
        applyWorkChanges(cd, item, { status: 'in_progress' }, ctx.now);
      }
      const session: Record<string, unknown> = {
        started: localTimestamp(ctx.now),
        focus,
        blockers: (input.blockers ?? []).map(oneLine).filter(Boolean),
      };
      if (item?.id) session.work_item = item.id;
      const node = cd.doc.createNode(session);
      // Plain-string items completed in a replaced session are recorded only
      // there: carry them over so End Session still logs them.
      const old = getNode(cd.doc, cd.root(), 'active_session');
      const completed = isMap(old) ? old.get('completed', true) : undefined;
      if (isMap(node) && isSeq(completed) && completed.items.length) node.items.push(cd.doc.createPair('completed', completed));
      setKey(cd.doc, cd.root(), 'active_session', node, true);
      cd.changed();
      return { focus };
    },
  };
}

/** A next step for the following session: new work, or open work it re-prioritizes. */
export interface NextStep {
  title: string;
  priority: Priority;
}

/**
 * What ending a session takes — the one input type of every front (the CLI,
 * the handoff form, the MCP server). The form's protocol imports it.
 */
export interface EndSessionInput {
  /** The session's accomplishments: logged exactly as given (blank and repeated ones dropped). */
  done: string[];
  /** A step whose title matches open work (`findOpenWorkByTitle`) sets that item's priority; others are added. */
  next: NextStep[];
  handoff?: string;
  notes: string[];
  decisions: NewDecision[];
}

/** What a caller that may leave the accomplishments out passes (the CLI, the MCP server). */
export type EndSessionRequest = Omit<EndSessionInput, 'done'> & { done?: string[] };

export interface EndSessionResult {
  accomplishments: string[];
  /** Ids of the next steps added as new work ('' for plain-string items). */
  addedWork: string[];
  /** Titles of open work a next step re-prioritized. */
  reprioritized: string[];
  decisionIds: string[];
}

/**
 * The input a request stands for: without accomplishments, what was completed
 * during this session (`completedThisSession`); with them — even an empty
 * list — exactly those.
 */
export function withEndSessionDefaults(campaign: Campaign, request: EndSessionRequest): EndSessionInput {
  return { ...request, done: request.done ?? completedThisSession(campaign) };
}

/** `endSession` with `withEndSessionDefaults` applied to the file as it is when the write happens. */
export function endSessionWithDefaults(request: EndSessionRequest): Operation<EndSessionResult> {
  return {
    name: 'session.end',
    apply: (cd, ctx) => endSession(withEndSessionDefaults(cd.model, request)).apply(cd, ctx),
  };
}

/**
 * Ends the active session, the one rule for every front:
 * - the build-log entry lists exactly `input.done`, nothing more;
 * - every done item leaves `remaining_work`, logged or not (work finished in
 *   an earlier session is never logged again);
 * - a next step naming open work sets that item's priority instead of adding
 *   a second item; the others are added as new work;
 * - decisions and the handoff note are recorded; `active_session` becomes null.
 */
export function endSession(input: EndSessionInput): Operation<EndSessionResult> {
  return {
    name: 'session.end',
    apply(cd, ctx) {
      const root = cd.root();
      const today = localDate(ctx.now);
      const focus = cd.model.active_session?.focus;

      const accomplishments: string[] = [];
      for (const line of input.done.map(oneLine)) {
        if (line && !accomplishments.some((a) => sameTitle(a, line))) accomplishments.push(line);
      }

      // Next steps first, while every item is still where the model says it is.
      const fresh: NextStep[] = [];
      const reprioritized: string[] = [];
      for (const step of input.next) {
        const title = oneLine(step.title);
        if (!title || fresh.some((f) => sameTitle(f.title, title)) || reprioritized.some((r) => sameTitle(r, title))) continue;
        const open = findOpenWorkByTitle(cd.model.remaining_work, title);
        if (!open) {
          fresh.push({ title, priority: step.priority });
          continue;
        }
        reprioritized.push(open.title);
        if (open.priority !== step.priority) applyWorkChanges(cd, open, { priority: step.priority }, ctx.now);
      }

      // Done work leaves the list whether or not it was logged.
      const finished = cd.model.remaining_work.filter((i) => i.status === 'done');
      const workSeq = getNode(cd.doc, root, 'remaining_work');
      if (isSeq(workSeq)) {
        for (const item of [...finished].sort((a, b) => b.index - a.index)) workSeq.items.splice(item.index, 1);
      }
      cd.changed();

      const decisionIds = appendDecisions(cd, input.decisions, ctx.now, ctx.random);

      const entry: Record<string, unknown> = { date: today };
      if (focus) entry.title = focus;
      entry.accomplishments = accomplishments;
      const decisionTexts = input.decisions.map((d) => oneLine(d.decision));
      if (decisionTexts.length) entry.decisions = decisionTexts;
      blockStyle(ensureSeq(cd.doc, root, 'build_log', true)).items.push(cd.doc.createNode(entry));

      const addedWork = appendWork(cd, fresh, ctx.now, ctx.random);

      const handoff = oneLine(input.handoff ?? '');
      const notes = input.notes.map(oneLine).filter(Boolean);
      if (handoff || notes.length) {
        const h = ensureMap(cd.doc, root, 'handoff_notes', true, 'notes');
        h.flow = false;
        setKey(cd.doc, h, 'next_session', handoff || null);
        setKey(cd.doc, h, 'notes', listNode(cd.doc, notes));
        setKey(cd.doc, h, 'updated', today);
      }

      // `active_session: null` rather than a missing key: the seed's Python reads it.
      setKey(cd.doc, root, 'active_session', null, true);
      cd.changed();
      return { accomplishments, addedWork, reprioritized, decisionIds };
    },
  };
}

export interface SessionChanges {
  focus?: string;
  blockers?: string[];
}

export function updateSession(changes: SessionChanges): Operation {
  return {
    name: 'session.update',
    sections: ['active_session'],
    apply(cd) {
      const node = getNode(cd.doc, cd.root(), 'active_session');
      if (!isMap(node)) throw new CampaignError('No session is active; start one first.');
      if (changes.focus !== undefined) {
        const focus = oneLine(changes.focus);
        if (!focus) throw new CampaignError('A session needs a focus.');
        setKey(cd.doc, node, 'focus', focus);
      }
      if (changes.blockers !== undefined) {
        setKey(cd.doc, node, 'blockers', cd.doc.createNode(changes.blockers.map(oneLine).filter(Boolean)));
      }
      cd.changed();
    },
  };
}
