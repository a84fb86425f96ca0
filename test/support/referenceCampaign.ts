// An independent, deliberately simple reference model of a campaign and of
// what each named operation should do to it. The fuzz battery runs random
// operation sequences against both the real core (which edits YAML nodes and
// splices text) and this model (plain arrays), and compares the results.
// Written from the operations' documented behaviour, not from their code.

export type Priority = 'high' | 'medium' | 'low';
export type WorkStatus = 'todo' | 'in_progress' | 'blocked' | 'done';

/** Raised when the reference expects the operation to be refused. */
export class Refused extends Error {}

interface RWork {
  uid: string;
  id?: string;
  title: string;
  priority: Priority;
  status: WorkStatus;
  notes?: string;
  added?: string;
  done?: string;
  form: 'string' | 'map';
}

interface RDecision {
  uid: string;
  id?: string;
  date: string;
  decision: string;
  rationale: string;
  status: 'active' | 'superseded';
  superseded_by?: string;
}

interface RBuild {
  date: string;
  title?: string;
  accomplishments: string[];
  decisions: string[];
}

interface RSession {
  started: string;
  focus: string;
  blockers: string[];
  /** Work completed during the session: an item's id when it has one, else its title. */
  completed: string[];
  /** The id of the item the session was started on, if any (`work_item`). */
  workItem?: string;
}

type Scalar = string | number | boolean | null | undefined;
const str = (v: Scalar): string | undefined => (v === null || v === undefined ? undefined : String(v));
const list = (v: unknown): string[] => (v === null || v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => String(x)));
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
/** Two titles name the same work: case and runs of whitespace ignored. */
// The documented title rule (README, src/core/operations/workMatch.ts), written again
// here so the model checks the core rather than borrowing it: NFKC, Markdown emphasis
// dropped, whitespace collapsed, trailing sentence punctuation and case ignored.
const titleKey = (t: string) =>
  t
    .normalize('NFKC')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.。:：;；!！]+$/u, '')
    .trim()
    .toLowerCase();
const sameTitle = (a: string, b: string) => titleKey(a) === titleKey(b);
const TAG = /^\s*\[(high|medium|med|low)\]\s*/i;

function tagged(s: string): { title: string; priority: Priority } {
  const m = TAG.exec(s);
  if (!m) return { title: s.trim(), priority: 'medium' };
  const t = m[1]!.toLowerCase();
  return { title: s.slice(m[0].length).trim(), priority: (t === 'med' ? 'medium' : t) as Priority };
}

export interface OpInputRef {
  /** id / position / title of an existing item, or a raw string. */
  kind: 'id' | 'pos' | 'title' | 'titleCase' | 'raw';
  n: number;
  raw: string;
}

export class ReferenceCampaign {
  identity: { name: string; purpose: string; tech_stack: string[] };
  constraints: { uid: string; text: string }[];
  /** Whether `constraints` is a list in the file (a single scalar cannot be removed from). */
  constraintsAreList: boolean;
  session: RSession | null;
  work: RWork[];
  build: RBuild[];
  decisions: RDecision[];
  handoff: { next_session?: string; notes: string[]; updated?: string };
  /** Owners whose comments may be gone (see PlacedComment.owner). */
  readonly dead = new Set<string>();
  private uid = 1000;

  constructor(data: Record<string, unknown>) {
    const id = (data.identity ?? {}) as Record<string, Scalar>;
    this.identity = { name: str(id.name) ?? '', purpose: str(id.purpose) ?? '', tech_stack: list(id.tech_stack) };
    this.constraints = list(data.constraints).map((text, i) => ({ uid: `constraint:${i}`, text }));
    this.constraintsAreList = Array.isArray(data.constraints);
    const s = data.active_session as Record<string, unknown> | null | undefined;
    this.session = s
      ? {
          started: str(s.started as Scalar) ?? '',
          focus: str(s.focus as Scalar) ?? '',
          blockers: list(s.blockers),
          completed: list(s.completed),
          ...(s.work_item !== undefined && s.work_item !== null ? { workItem: String(s.work_item) } : {}),
        }
      : null;
    this.work = ((data.remaining_work as unknown[] | null) ?? []).map((raw, i): RWork => {
      if (typeof raw === 'string') return { uid: `work:${i}`, ...tagged(raw), status: 'todo', form: 'string' };
      const m = raw as Record<string, Scalar>;
      const w: RWork = {
        uid: `work:${i}`,
        title: String(m.title),
        priority: (str(m.priority)?.toLowerCase() ?? 'medium') as Priority,
        status: (str(m.status)?.toLowerCase() ?? 'todo') as WorkStatus,
        form: 'map',
      };
      for (const k of ['id', 'notes', 'added', 'done'] as const) {
        const v = str(m[k]);
        if (v !== undefined) w[k] = v;
      }
      return w;
    });
    this.build = ((data.build_log as Record<string, unknown>[] | null) ?? []).map((e) => {
      const b: RBuild = { date: String(e.date), accomplishments: list(e.accomplishments), decisions: list(e.decisions) };
      const title = str(e.title as Scalar);
      if (title !== undefined) b.title = title;
      return b;
    });
    this.decisions = ((data.decisions_log as Record<string, Scalar>[] | null) ?? []).map((d, i) => {
      const r: RDecision = {
        uid: `decision:${i}`,
        date: str(d.date) ?? '',
        decision: String(d.decision),
        rationale: str(d.rationale) ?? '',
        status: (str(d.status)?.toLowerCase() ?? 'active') as RDecision['status'],
      };
      const did = str(d.id);
      if (did !== undefined) r.id = did;
      const by = str(d.superseded_by);
      if (by !== undefined) r.superseded_by = by;
      return r;
    });
    const h = data.handoff_notes;
    if (h === null || h === undefined) this.handoff = { notes: [] };
    else if (typeof h !== 'object' || Array.isArray(h)) this.handoff = { notes: list(h) };
    else {
      const hm = h as Record<string, Scalar>;
      this.handoff = { notes: list(hm.notes) };
      const next = str(hm.next_session);
      if (next !== undefined) this.handoff.next_session = next;
      const updated = str(hm.updated);
      if (updated !== undefined) this.handoff.updated = updated;
    }
  }

  /** A deep copy (to ask "would this be refused?" without changing this one). */
  clone(): ReferenceCampaign {
    const copy = Object.create(ReferenceCampaign.prototype) as ReferenceCampaign;
    const { dead, ...rest } = this;
    Object.assign(copy, structuredClone(rest));
    Object.defineProperty(copy, 'dead', { value: new Set(dead), enumerable: true });
    return copy;
  }

  private sessionModel(s: RSession): Record<string, unknown> {
    const out: Record<string, unknown> = { started: s.started, focus: s.focus, blockers: [...s.blockers] };
    const completed = s.completed.map((c) => c.trim()).filter(Boolean);
    if (completed.length) out.completed = completed;
    return out;
  }

  /** The normalized model the core should report (same shape as `Campaign`). */
  model(): unknown {
    return {
      version: 1,
      identity: { ...this.identity, tech_stack: [...this.identity.tech_stack] },
      constraints: this.constraints.map((c) => c.text),
      active_session: this.session ? this.sessionModel(this.session) : null,
      remaining_work: this.work.map((w, index) => {
        const out: Record<string, unknown> = { title: w.title, priority: w.priority, status: w.status, index, form: w.form };
        for (const k of ['id', 'notes', 'added', 'done'] as const) if (w[k] !== undefined) out[k] = w[k];
        return out;
      }),
      build_log: this.build.map((b) => ({ ...b, accomplishments: [...b.accomplishments], decisions: [...b.decisions] })),
      decisions_log: this.decisions.map((d, index) => {
        const out: Record<string, unknown> = { date: d.date, decision: d.decision, rationale: d.rationale, status: d.status, index };
        if (d.id !== undefined) out.id = d.id;
        if (d.superseded_by !== undefined) out.superseded_by = d.superseded_by;
        return out;
      }),
      handoff_notes: { ...this.handoff, notes: [...this.handoff.notes] },
    };
  }

  // ---- references ------------------------------------------------------------

  /** Turns a generated reference into the string a person would type. */
  workRefString(r: OpInputRef): string {
    const w = this.work.length ? this.work[r.n % this.work.length] : undefined;
    switch (r.kind) {
      case 'id':
        return w?.id ?? r.raw;
      case 'pos':
        return String(r.n % (this.work.length + 2));
      case 'title':
        return w ? w.title : r.raw;
      case 'titleCase':
        return w ? ` ${w.title.toUpperCase()} ` : r.raw;
      default:
        return r.raw;
    }
  }

  decisionRefString(r: OpInputRef): string {
    const d = this.decisions.length ? this.decisions[r.n % this.decisions.length] : undefined;
    switch (r.kind) {
      case 'id':
        return d?.id ?? r.raw;
      case 'pos':
        return String(r.n % (this.decisions.length + 2));
      case 'title':
      case 'titleCase':
        return d ? d.decision : r.raw;
      default:
        return r.raw;
    }
  }

  constraintRefString(r: OpInputRef): string {
    const c = this.constraints.length ? this.constraints[r.n % this.constraints.length] : undefined;
    if (r.kind === 'pos') return String(r.n % (this.constraints.length + 2));
    if ((r.kind === 'title' || r.kind === 'id') && c) return c.text;
    return r.raw;
  }

  /** A work item by id, then 1-based position, then exact title, then case-insensitive title. */
  resolveWork(ref: string): number {
    const r = ref.trim();
    const byId = this.work.findIndex((w) => w.id === r);
    if (byId >= 0) return byId;
    if (/^\d+$/.test(r)) {
      const n = Number(r);
      if (n >= 1 && n <= this.work.length) return n - 1;
      throw new Refused(`position ${n}`);
    }
    const exact = this.work.map((w, i) => (w.title === r ? i : -1)).filter((i) => i >= 0);
    if (exact.length === 1) return exact[0]!;
    const loose = exact.length ? exact : this.work.map((w, i) => (w.title.toLowerCase() === r.toLowerCase() ? i : -1)).filter((i) => i >= 0);
    if (loose.length === 1) return loose[0]!;
    throw new Refused(loose.length ? 'ambiguous title' : 'no such item');
  }

  resolveDecision(ref: string): number {
    const r = ref.trim();
    let i = this.decisions.findIndex((d) => d.id === r);
    if (i < 0 && /^\d+$/.test(r) && Number(r) >= 1 && Number(r) <= this.decisions.length) i = Number(r) - 1;
    if (i < 0) i = this.decisions.findIndex((d) => d.decision === r);
    if (i < 0) throw new Refused('no such decision');
    return i;
  }

  private kill(prefix: string): void {
    this.dead.add(prefix);
  }

  /** Whether a comment with this owner must still be in the file. */
  alive(owner: string): boolean {
    if (owner === 'keep') return true;
    for (const d of this.dead) if (owner === d || owner.startsWith(`${d}:`)) return false;
    return true;
  }

  // ---- operations ----------------------------------------------------------------

  addWork(input: { title: string; priority?: Priority; notes?: string }, today: string, id: () => string): void {
    this.appendWork([{ ...input }], today, id);
  }

  private appendWork(items: { title: string; priority?: Priority; notes?: string }[], today: string, id: () => string): void {
    const plain = this.work.length > 0 && this.work.every((w) => w.form === 'string');
    const added: RWork[] = [];
    for (const item of items) {
      const title = oneLine(item.title);
      if (!title) throw new Refused('empty title');
      const priority = item.priority ?? 'medium';
      if (plain && !item.notes) {
        added.push({ uid: `work:n${this.uid++}`, ...tagged(`[${priority.toUpperCase()}] ${title}`), status: 'todo', form: 'string' });
        continue;
      }
      const w: RWork = { uid: `work:n${this.uid++}`, id: id(), title, priority, status: 'todo', form: 'map', added: today };
      if (item.notes && oneLine(item.notes)) w.notes = item.notes.trim();
      // Field order in the model is irrelevant; `added` follows notes in the file.
      added.push(w);
    }
    this.work.push(...added);
  }

  updateWork(ref: string, c: { title?: string; priority?: Priority; status?: WorkStatus; notes?: string | null }, today: string): void {
    const i = this.resolveWork(ref);
    const before = { ...this.work[i]! };
    this.changeWork(i, c, today);
    const s = this.session;
    const title = c.title === undefined ? before.title : oneLine(c.title);
    if (!s || title === before.title) return;
    // The focus follows a rename of the item it was taken from.
    const onItem = s.workItem === undefined || (before.id !== undefined && s.workItem === before.id);
    // An empty title names nothing: it never matches a focus.
    if (onItem && titleKey(before.title) !== '' && sameTitle(s.focus, before.title)) s.focus = title;
    if (before.id === undefined) {
      const at = s.completed.indexOf(before.title);
      if (at >= 0) s.completed[at] = title;
    }
  }

  private recordCompleted(entry: string): boolean {
    if (!this.session) return false;
    if (!this.session.completed.includes(entry)) this.session.completed.push(entry);
    return true;
  }

  private forgetCompleted(entry: string): void {
    const s = this.session;
    const at = s ? s.completed.indexOf(entry) : -1;
    if (s && at >= 0) s.completed.splice(at, 1);
  }

  private changeWork(i: number, c: { title?: string; priority?: Priority; status?: WorkStatus; notes?: string | null }, today: string): void {
    const w = this.work[i]!;
    const title = c.title !== undefined ? oneLine(c.title) : w.title;
    if (c.title !== undefined && !title) throw new Refused('empty title');
    const priority = c.priority ?? w.priority;
    const status = c.status ?? w.status;
    const clearNotes = c.notes === null || (c.notes !== undefined && c.notes.trim() === '');
    // The session records completions made during it and forgets reopened ones.
    if (status === 'done' && w.status !== 'done') this.recordCompleted(w.id ?? title);
    else if (status !== 'done' && w.status === 'done') this.forgetCompleted(w.id ?? w.title);
    const needsMap = w.form === 'map' || status !== 'todo' || (c.notes !== undefined && !clearNotes);
    if (!needsMap) {
      Object.assign(w, tagged(`[${priority.toUpperCase()}] ${title}`));
      return;
    }
    w.form = 'map';
    w.title = title;
    w.priority = priority;
    if (c.status !== undefined) {
      w.status = status;
      if (status === 'done') w.done = today;
      else {
        delete w.done;
        this.kill(`${w.uid}:done`);
      }
    }
    if (clearNotes) {
      delete w.notes;
      this.kill(`${w.uid}:notes`);
    } else if (c.notes !== undefined && c.notes !== null) w.notes = c.notes.trim();
  }

  completeWork(ref: string, today: string): void {
    const i = this.resolveWork(ref);
    const w = this.work[i]!;
    if (w.form === 'map') {
      this.changeWork(i, { status: 'done' }, today);
      return;
    }
    this.work.splice(i, 1);
    this.kill(w.uid);
    if (this.recordCompleted(w.title)) return;
    const last = this.build[this.build.length - 1];
    if (last && last.date === today) last.accomplishments.push(w.title);
    else this.build.push({ date: today, accomplishments: [w.title], decisions: [] });
  }

  removeWork(ref: string): void {
    const i = this.resolveWork(ref);
    const w = this.work[i]!;
    this.kill(w.uid);
    this.work.splice(i, 1);
    if (w.status === 'done') this.forgetCompleted(w.id ?? w.title);
  }

  startSession(input: { focus?: string; blockers?: string[]; workRef?: string; replace?: boolean }, started: string, today: string): void {
    if (this.session && !input.replace) throw new Refused('session active');
    const i = input.workRef ? this.resolveWork(input.workRef) : undefined;
    const item = i === undefined ? undefined : this.work[i]!;
    const focus = oneLine(input.focus ?? '') || item?.title || '';
    if (!focus) throw new Refused('no focus');
    if (item && item.status !== 'in_progress' && item.status !== 'done') this.changeWork(i!, { status: 'in_progress' }, today);
    const completed = this.session?.completed ?? [];
    if (this.session) this.kill('session');
    this.session = { started, focus, blockers: (input.blockers ?? []).map(oneLine).filter(Boolean), completed };
    if (item?.id) this.session.workItem = item.id;
  }

  endSession(
    input: { done: string[]; next: { title: string; priority: Priority }[]; handoff?: string; notes: string[]; decisions: { decision: string; rationale: string }[] },
    today: string,
    ids: { work: () => string; decision: () => string },
  ): void {
    // Exactly the accomplishments given, each once.
    const accomplishments: string[] = [];
    for (const a of input.done.map(oneLine)) if (a && !accomplishments.some((x) => sameTitle(x, a))) accomplishments.push(a);
    for (const d of input.decisions) {
      if (!oneLine(d.decision) || !oneLine(d.rationale)) throw new Refused('decision without text or rationale');
    }
    // A next step naming open work sets its priority; the others are new work.
    const fresh: { title: string; priority: Priority }[] = [];
    const merged: string[] = [];
    for (const step of input.next) {
      const title = oneLine(step.title);
      if (!title || fresh.some((f) => sameTitle(f.title, title)) || merged.some((m) => sameTitle(m, title))) continue;
      // A title with nothing that identifies it ("!", "...") names no open work, not even an untitled item.
      const i = titleKey(title) === '' ? -1 : this.work.findIndex((w) => w.status !== 'done' && sameTitle(w.title, title));
      if (i < 0) {
        fresh.push({ title, priority: step.priority });
        continue;
      }
      merged.push(this.work[i]!.title);
      if (this.work[i]!.priority !== step.priority) this.changeWork(i, { priority: step.priority }, today);
    }
    // Done work leaves, logged or not.
    for (const w of this.work) if (w.status === 'done') this.kill(w.uid);
    this.work = this.work.filter((w) => w.status !== 'done');
    for (const d of input.decisions) this.pushDecision(d, today, ids.decision);
    const entry: RBuild = { date: today, accomplishments, decisions: input.decisions.map((d) => oneLine(d.decision)) };
    if (this.session?.focus) entry.title = this.session.focus;
    this.build.push(entry);
    this.appendWork(fresh, today, ids.work);
    const handoff = oneLine(input.handoff ?? '');
    const notes = input.notes.map(oneLine).filter(Boolean);
    if (handoff || notes.length) {
      this.handoff = { notes, updated: today };
      if (handoff) this.handoff.next_session = handoff;
      this.kill('handoff:notes');
    }
    if (this.session) this.kill('session');
    this.session = null;
  }

  updateSession(c: { focus?: string; blockers?: string[] }): void {
    if (!this.session) throw new Refused('no session');
    if (c.focus !== undefined && !oneLine(c.focus)) throw new Refused('empty focus');
    if (c.focus !== undefined) this.session.focus = oneLine(c.focus);
    if (c.blockers !== undefined) {
      this.session.blockers = c.blockers.map(oneLine).filter(Boolean);
      this.kill('session:blockers');
    }
  }

  private pushDecision(d: { decision: string; rationale: string }, today: string, id: () => string): string {
    const decision = oneLine(d.decision);
    const rationale = oneLine(d.rationale);
    if (!decision || !rationale) throw new Refused('decision without text or rationale');
    const newId = id();
    this.decisions.push({ uid: `decision:n${this.uid++}`, id: newId, date: today, decision, rationale, status: 'active' });
    return newId;
  }

  logDecision(d: { decision: string; rationale: string }, today: string, id: () => string): void {
    this.pushDecision(d, today, id);
  }

  supersedeDecision(ref: string, d: { decision: string; rationale: string }, today: string, id: () => string): void {
    const i = this.resolveDecision(ref);
    const old = this.decisions[i]!;
    if (old.status === 'superseded') throw new Refused('already superseded');
    const newId = this.pushDecision(d, today, id);
    old.status = 'superseded';
    old.superseded_by = newId;
  }

  setIdentity(c: { name?: string; purpose?: string; tech_stack?: string[] }): void {
    if (c.name !== undefined) this.identity.name = oneLine(c.name);
    if (c.purpose !== undefined) this.identity.purpose = oneLine(c.purpose);
    if (c.tech_stack !== undefined) {
      this.identity.tech_stack = c.tech_stack.map(oneLine).filter(Boolean);
      this.kill('identity:tech_stack');
    }
  }

  addConstraint(text: string): void {
    const t = oneLine(text);
    if (!t) throw new Refused('empty constraint');
    this.constraints.push({ uid: `constraint:n${this.uid++}`, text: t });
    this.constraintsAreList = true;
  }

  removeConstraint(ref: string): void {
    const i = /^\d+$/.test(ref) ? Number(ref) - 1 : this.constraints.findIndex((c) => c.text === ref);
    if (i < 0 || i >= this.constraints.length) throw new Refused('no such constraint');
    if (!this.constraintsAreList) throw new Refused('constraints is not a list');
    this.kill(this.constraints[i]!.uid);
    this.constraints.splice(i, 1);
  }

  setHandoff(c: { next_session?: string | null; notes?: string[] }, today: string): void {
    if (c.next_session !== undefined) {
      const next = c.next_session === null ? '' : oneLine(c.next_session);
      if (next) this.handoff.next_session = next;
      else delete this.handoff.next_session;
    }
    if (c.notes !== undefined) {
      this.handoff.notes = c.notes.map(oneLine).filter(Boolean);
      this.kill('handoff:notes');
    }
    this.handoff.updated = today;
  }
}
