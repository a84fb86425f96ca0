// Job: `import --merge` as one named operation (`import.merge`): add what the
// import found to an existing campaign without duplicating entries already
// there (by the import's one title rule, titleMatch.ts) and without touching
// any other node, so comments and formatting survive; applied through the
// guarded write (applyToFile) like every other operation.
import { isSeq } from 'yaml';
import { blockStyle, ensureMap, ensureSeq, getNode, listNode, setKey } from '../document/yamlEdit';
import { newId } from '../model/ids';
import type { CampaignFile, Priority, WorkStatus } from '../model/model';
import type { Operation } from '../operations/operation';
import { appendWork, type NewWork } from '../operations/workOps';
import { sameImportTitle } from './titleMatch';

export interface MergeCounts {
  added: number;
  /** Entries the campaign already had (same title), left as they were. */
  skipped: number;
}

const texts = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === null || v === undefined || v === '' ? [] : [String(v)]);

export function mergeImport(data: CampaignFile): Operation<MergeCounts> {
  return {
    name: 'import.merge',
    apply(cd, ctx) {
      const counts: MergeCounts = { added: 0, skipped: 0 };
      const model = cd.model;
      const root = cd.root();
      const has = (list: readonly string[], t: string) => list.some((x) => sameImportTitle(x, t));
      const tally = (present: boolean) => (present ? counts.skipped++ : counts.added++);

      // Identity: fill what is empty; never overwrite what a person wrote.
      const id = data.identity;
      if (id) {
        const newTech = texts(id.tech_stack).filter((t) => !has(model.identity.tech_stack, t));
        const fillName = !model.identity.name && id.name ? String(id.name) : '';
        const fillPurpose = !model.identity.purpose && id.purpose ? String(id.purpose) : '';
        if (fillName || fillPurpose || newTech.length) {
          const map = ensureMap(cd.doc, root, 'identity', true);
          map.flow = false;
          if (fillName) setKey(cd.doc, map, 'name', fillName);
          if (fillPurpose) setKey(cd.doc, map, 'purpose', fillPurpose);
          if (newTech.length) {
            const seq = ensureSeq(cd.doc, map, 'tech_stack');
            for (const t of newTech) seq.items.push(cd.doc.createNode(t));
          }
        }
        counts.added += (fillName ? 1 : 0) + (fillPurpose ? 1 : 0) + newTech.length;
        counts.skipped += texts(id.tech_stack).length - newTech.length;
      }

      const constraints = texts(data.constraints).filter((c) => {
        const present = has(model.constraints, c);
        tally(present);
        return !present;
      });
      if (constraints.length) {
        const seq = blockStyle(ensureSeq(cd.doc, root, 'constraints', true));
        for (const c of constraints) seq.items.push(cd.doc.createNode(c));
      }

      const work: NewWork[] = [];
      const titles = model.remaining_work.map((w) => w.title);
      for (const w of data.remaining_work ?? []) {
        const item = typeof w === 'string' ? { title: w } : w;
        const title = String(item.title);
        const present = has(titles, title);
        tally(present);
        if (present) continue;
        titles.push(title);
        const entry: NewWork = { title };
        if ('priority' in item && item.priority) entry.priority = String(item.priority).toLowerCase() as Priority;
        if ('status' in item && item.status) entry.status = String(item.status).toLowerCase() as WorkStatus;
        if ('notes' in item && item.notes) entry.notes = String(item.notes);
        work.push(entry);
      }
      appendWork(cd, work, ctx.now, ctx.random);

      const decisions = (data.decisions_log ?? []).filter((d) => {
        const present = has(
          model.decisions_log.map((x) => x.decision),
          String(d.decision),
        );
        tally(present);
        return !present;
      });
      if (decisions.length) {
        const ids = model.decisions_log.map((d) => d.id).filter((x): x is string => !!x);
        const seq = blockStyle(ensureSeq(cd.doc, root, 'decisions_log', true));
        for (const d of decisions) {
          const did = newId('d', ids, ctx.random);
          ids.push(did);
          seq.items.push(cd.doc.createNode({ id: did, date: String(d.date ?? ''), decision: String(d.decision), rationale: String(d.rationale ?? '') }));
        }
      }

      const builds = (data.build_log ?? []).filter((b) => {
        // Undated accomplishments are logged on the day of the import, so the date cannot tell a repeat: the title and what it lists can.
        const done = texts(b.accomplishments);
        const present = model.build_log.some(
          (x) => sameImportTitle(x.title ?? '', String(b.title ?? '')) && done.every((a) => x.accomplishments.some((y) => sameImportTitle(y, a))),
        );
        tally(present);
        return !present;
      });
      if (builds.length) {
        const seq = blockStyle(ensureSeq(cd.doc, root, 'build_log', true));
        for (const b of builds) seq.items.push(cd.doc.createNode({ date: String(b.date), title: String(b.title ?? ''), accomplishments: texts(b.accomplishments) }));
      }

      // Handoff: the bank's focus fills an empty next_session; its notes are added once.
      const h = data.handoff_notes;
      if (h && typeof h === 'object' && !Array.isArray(h)) {
        const next = h.next_session ? String(h.next_session) : '';
        const fillNext = next && !model.handoff_notes.next_session;
        const notes = texts(h.notes).filter((t) => !has(model.handoff_notes.notes, t));
        counts.skipped += texts(h.notes).length - notes.length + (next && !fillNext ? 1 : 0);
        if (fillNext || notes.length) {
          const map = ensureMap(cd.doc, root, 'handoff_notes', true, 'notes');
          map.flow = false;
          if (fillNext) setKey(cd.doc, map, 'next_session', next);
          if (notes.length) {
            const existing = getNode(cd.doc, map, 'notes');
            if (isSeq(existing)) {
              blockStyle(existing);
              for (const t of notes) existing.items.push(cd.doc.createNode(t));
            } else setKey(cd.doc, map, 'notes', listNode(cd.doc, [...model.handoff_notes.notes, ...notes]));
          }
          counts.added += (fillNext ? 1 : 0) + notes.length;
        }
      }

      const unplaced = texts((data as Record<string, unknown>).import_unplaced);
      if (unplaced.length) {
        const node = getNode(cd.doc, root, 'import_unplaced');
        const already = isSeq(node) ? node.items.map((i) => String((i as { value?: unknown }).value ?? '')) : [];
        const fresh = unplaced.filter((u) => !already.includes(u));
        if (fresh.length) {
          // Not a schema section: it goes last, after everything a person wrote.
          const seq = blockStyle(ensureSeq(cd.doc, root, 'import_unplaced'));
          for (const u of fresh) seq.items.push(cd.doc.createNode(u));
        }
      }
      cd.changed();
      return counts;
    },
  };
}
