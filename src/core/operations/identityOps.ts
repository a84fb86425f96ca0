// Operations on the parts of a campaign that change rarely: identity,
// constraints and handoff notes.
import { isSeq } from 'yaml';
import { CampaignError } from '../model/problems';
import { blockStyle, ensureMap, ensureSeq, getNode, listNode, setKey } from '../document/yamlEdit';
import { localDate, oneLine, type Operation } from './operation';

export interface IdentityChanges {
  name?: string;
  purpose?: string;
  tech_stack?: string[];
}

export function setIdentity(changes: IdentityChanges): Operation {
  return {
    name: 'identity.set',
    sections: ['identity'],
    apply(cd) {
      const map = ensureMap(cd.doc, cd.root(), 'identity', true);
      map.flow = false;
      if (changes.name !== undefined) setKey(cd.doc, map, 'name', oneLine(changes.name));
      if (changes.purpose !== undefined) setKey(cd.doc, map, 'purpose', oneLine(changes.purpose));
      if (changes.tech_stack !== undefined) {
        setKey(cd.doc, map, 'tech_stack', cd.doc.createNode(changes.tech_stack.map(oneLine).filter(Boolean), { flow: true }));
      }
      cd.changed();
    },
  };
}

export function addConstraint(text: string): Operation {
  return {
    name: 'constraints.add',
    sections: ['constraints'],
    apply(cd) {
      const t = oneLine(text);
      if (!t) throw new CampaignError('A constraint needs its text.');
      blockStyle(ensureSeq(cd.doc, cd.root(), 'constraints', true)).items.push(cd.doc.createNode(t));
      cd.changed();
    },
  };
}

/** Removes the constraint at 1-based `position`, or the one with exactly this text. */
export function removeConstraint(ref: string): Operation<string> {
  return {
    name: 'constraints.remove',
    sections: ['constraints'],
    apply(cd) {
      const list = cd.model.constraints;
      const index = /^\d+$/.test(ref) ? Number(ref) - 1 : list.indexOf(ref);
      if (index < 0 || index >= list.length) throw new CampaignError(`No constraint matches "${ref}".`);
      const seq = getNode(cd.doc, cd.root(), 'constraints');
      if (!isSeq(seq)) throw new CampaignError('constraints is not a list; edit the file to remove it.');
      seq.items.splice(index, 1);
      cd.changed();
      return list[index]!;
    },
  };
}

export interface HandoffChanges {
  next_session?: string | null;
  notes?: string[];
}

export function setHandoff(changes: HandoffChanges): Operation {
  return {
    name: 'handoff.set',
    sections: ['handoff_notes'],
    apply(cd, ctx) {
      const map = ensureMap(cd.doc, cd.root(), 'handoff_notes', true, 'notes');
      map.flow = false;
      if (changes.next_session !== undefined) {
        setKey(cd.doc, map, 'next_session', changes.next_session === null ? null : oneLine(changes.next_session) || null);
      }
      if (changes.notes !== undefined) {
        setKey(cd.doc, map, 'notes', listNode(cd.doc, changes.notes.map(oneLine).filter(Boolean)));
      }
      setKey(cd.doc, map, 'updated', localDate(ctx.now));
      cd.changed();
    },
  };
}
