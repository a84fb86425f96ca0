// Session operations: start a session (focus, blockers, optionally on a work
// item) and end it with a handoff — the build-log entry, completed work swept
// out of remaining work, next steps, decisions and handoff notes, in one edit.
import { isMap, isSeq } from 'yaml';
import type { Priority } from '../model/model';
import { CampaignError } from '../model/problems';
import { blockStyle, ensureMap, ensureSeq, getNode, listNode, setKey } from '../document/yamlEdit';
import { appendDecisions, type NewDecision } from './decisionOps';
import { localDate, localTimestamp, oneLine, type Operation } from './operation';
import { appendWork, applyWorkChanges } from './workOps';
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

export interface EndSessionInput {
  done: string[];
  next: { title: string; priority: Priority }[];
  handoff?: string;
  notes: string[];
  decisions: NewDecision[];
}

export interface EndSessionResult {
  accomplishments: string[];
  addedWork: string[];
  decisionIds: string[];
}

export function endSession(input: EndSessionInput): Operation<EndSessionResult> {
  return {
    name: 'session.end',
    apply(cd, ctx) {
      const model = cd.model;
      const root = cd.root();
      const today = localDate(ctx.now);

      // Work completed during the session leaves remaining_work for the build log.
      const completed = model.remaining_work.filter((i) => i.status === 'done');
      const sessionNode = getNode(cd.doc, root, 'active_session');
      const completedNode = isMap(sessionNode) ? sessionNode.get('completed', true) : undefined;
      const completedPlain = isSeq(completedNode)
        ? completedNode.items.map((n) => String((n as { value?: unknown }).value ?? n))
        : [];
      const accomplishments = [...input.done.map(oneLine), ...completed.map((i) => i.title), ...completedPlain]
        .filter(Boolean)
        .filter((t, i, all) => all.indexOf(t) === i);

      const workSeq = getNode(cd.doc, root, 'remaining_work');
      if (isSeq(workSeq)) {
        for (const item of [...completed].sort((a, b) => b.index - a.index)) workSeq.items.splice(item.index, 1);
      }
      cd.changed();

      const decisionIds = appendDecisions(cd, input.decisions, ctx.now, ctx.random);

      const entry: Record<string, unknown> = { date: today };
      if (model.active_session?.focus) entry.title = model.active_session.focus;
      entry.accomplishments = accomplishments;
      const decisionTexts = input.decisions.map((d) => oneLine(d.decision));
      if (decisionTexts.length) entry.decisions = decisionTexts;
      blockStyle(ensureSeq(cd.doc, root, 'build_log', true)).items.push(cd.doc.createNode(entry));

      const addedWork = appendWork(
        cd,
        input.next.filter((n) => oneLine(n.title)).map((n) => ({ title: n.title, priority: n.priority })),
        ctx.now,
        ctx.random,
      );

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
      return { accomplishments, addedWork, decisionIds };
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
