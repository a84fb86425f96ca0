// The message protocol between the handoff form (webview) and the extension
// host. Both sides import this one file, so a message's name and its payload
// type cannot drift apart. It has no `vscode` and no DOM dependency: it is
// bundled into the webview and the host alike and unit-tested in plain Node.
//
// Messages travel as `{ type, params }`. Anything arriving from the other side
// is untrusted until a guard (`isWebviewMessage`, `isHostMessage`) accepts it;
// the guards check the exact shape — known keys only, strings and list sizes
// within the limits below — so the host never switches on `any`.
import { PRIORITIES, type Priority } from '../core/model/priority';
import type { EndSessionInput } from '../core/operations/sessionOps';

/** The priorities a next step may have: the core's one list. */
export type HandoffPriority = Priority;

export interface NextStepRow {
  title: string;
  priority: HandoffPriority;
}

export interface DecisionRow {
  decision: string;
  rationale: string;
}

/**
 * The form as the person is editing it: rows may be blank or half filled.
 * Kept in webview state and mirrored to the host so it survives hiding,
 * reloading and reopening the panel.
 */
export interface HandoffDraft {
  accomplishments: string[];
  next: NextStepRow[];
  handoff: string;
  notes: string[];
  decisions: DecisionRow[];
}

/** What the host knows when the form opens. */
export interface HandoffPrefill {
  /** The active session's focus; '' when there is none. */
  focus: string;
  /** The active session's start (ISO 8601); '' when unknown. Also keys the saved draft. */
  started: string;
  /** Work completed this session and commit subjects since it started. */
  accomplishments: string[];
  /**
   * Remaining open work, offered as one-click next steps. A submitted next step
   * with an open item's title stands for that item (the host re-prioritizes it
   * rather than adding it again).
   */
  suggestedNext: NextStepRow[];
}

/** Sizes beyond which a message is refused (and the form shows an error first). */
export const HANDOFF_LIMITS = {
  /** Rows in any one list. */
  maxRows: 200,
  /** Characters in one single-line field. */
  maxLineLength: 2_000,
  /** Characters in the handoff note. */
  maxHandoffLength: 20_000,
  /** Characters in a host error message shown in the form. */
  maxMessageLength: 4_000,
} as const;

// ---- Message kinds -----------------------------------------------------------

/** A message kind: its wire name, and (at the type level only) its params. */
export interface MessageKind<Name extends string, Params> {
  readonly type: Name;
  /** Never set; carries the params type. */
  readonly _params?: Params;
}

function kind<Params>() {
  return <Name extends string>(type: Name): MessageKind<Name, Params> => ({ type });
}

export type NoParams = Record<string, never>;

export interface InitParams {
  /** The host's copy of the draft for this session, or null to start from the prefill. */
  draft: HandoffDraft | null;
  prefill: HandoffPrefill;
  /** Untrusted workspace: the form is shown but cannot submit. */
  readOnly: boolean;
}

export type SubmitResultParams = { ok: true } | { ok: false; message: string };

export interface DraftChangedParams {
  draft: HandoffDraft;
}

export interface SubmitParams {
  input: EndSessionInput;
}

export interface CancelParams {
  /**
   * The person changed the form from what it opened with: the host asks
   * before discarding it (the webview cannot open a dialog). Absent: unchanged.
   */
  filled?: boolean;
}

// host → webview
export const InitMessage = kind<InitParams>()('init');
export const SubmitResultMessage = kind<SubmitResultParams>()('submitResult');

// webview → host
export const ReadyMessage = kind<NoParams>()('ready');
export const DraftChangedMessage = kind<DraftChangedParams>()('draftChanged');
export const SubmitMessage = kind<SubmitParams>()('submit');
export const CancelMessage = kind<CancelParams>()('cancel');

/** The wire form of a message kind. */
export type MessageOf<K> =
  K extends MessageKind<infer Name, infer Params> ? { readonly type: Name; readonly params: Params } : never;

export type HostToWebviewMessage = MessageOf<typeof InitMessage> | MessageOf<typeof SubmitResultMessage>;

export type WebviewToHostMessage =
  | MessageOf<typeof ReadyMessage>
  | MessageOf<typeof DraftChangedMessage>
  | MessageOf<typeof SubmitMessage>
  | MessageOf<typeof CancelMessage>;

/** Builds a message of the given kind; the params type follows from the kind. */
export function createMessage<Name extends string, Params>(
  messageKind: MessageKind<Name, Params>,
  params: Params,
): { readonly type: Name; readonly params: Params } {
  return { type: messageKind.type, params };
}

// ---- Guards -------------------------------------------------------------------

type Plain = Record<string, unknown>;

/** A plain object (not an array, not a class instance) whose own keys are exactly `required` plus any of `optional`. */
function isRecordWith(x: unknown, required: readonly string[], optional: readonly string[] = []): x is Plain {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(x);
  if (Object.getOwnPropertySymbols(x).length > 0) return false;
  for (const k of required) if (!Object.prototype.hasOwnProperty.call(x, k)) return false;
  for (const k of keys) if (!required.includes(k) && !optional.includes(k)) return false;
  return true;
}

function isText(x: unknown, maxLength: number = HANDOFF_LIMITS.maxLineLength): x is string {
  return typeof x === 'string' && x.length <= maxLength;
}

/** Non-blank text: what a submitted (cleaned) field must be. */
function isFilledText(x: unknown, maxLength: number = HANDOFF_LIMITS.maxLineLength): x is string {
  return isText(x, maxLength) && x.trim() !== '';
}

function isListOf<T>(x: unknown, item: (v: unknown) => v is T): x is T[] {
  if (!Array.isArray(x) || x.length > HANDOFF_LIMITS.maxRows) return false;
  // An index loop, not `every`: `every` skips the holes of a sparse array.
  for (let i = 0; i < x.length; i++) if (!item(x[i])) return false;
  return true;
}

export function isPriority(x: unknown): x is HandoffPriority {
  return typeof x === 'string' && (PRIORITIES as readonly string[]).includes(x);
}

function isNextStepRow(x: unknown): x is NextStepRow {
  return isRecordWith(x, ['title', 'priority']) && isText(x.title) && isPriority(x.priority);
}

function isDecisionRow(x: unknown): x is DecisionRow {
  return isRecordWith(x, ['decision', 'rationale']) && isText(x.decision) && isText(x.rationale);
}

const isLine = (x: unknown): x is string => isText(x);
const isFilledLine = (x: unknown): x is string => isFilledText(x);

/** A draft: any row may be blank or half filled, but every value has the right type and size. */
export function isHandoffDraft(x: unknown): x is HandoffDraft {
  return (
    isRecordWith(x, ['accomplishments', 'next', 'handoff', 'notes', 'decisions']) &&
    isListOf(x.accomplishments, isLine) &&
    isListOf(x.next, isNextStepRow) &&
    isText(x.handoff, HANDOFF_LIMITS.maxHandoffLength) &&
    isListOf(x.notes, isLine) &&
    isListOf(x.decisions, isDecisionRow)
  );
}

/**
 * A submitted input: what `toEndSessionInput` produces from a valid draft —
 * no blank entries, and every decision has its rationale.
 */
export function isEndSessionInput(x: unknown): x is EndSessionInput {
  return (
    isRecordWith(x, ['done', 'next', 'notes', 'decisions'], ['handoff']) &&
    isListOf(x.done, isFilledLine) &&
    isListOf(x.next, (r): r is NextStepRow => isNextStepRow(r) && isFilledText(r.title)) &&
    (x.handoff === undefined || isFilledText(x.handoff, HANDOFF_LIMITS.maxHandoffLength)) &&
    isListOf(x.notes, isFilledLine) &&
    isListOf(x.decisions, (r): r is DecisionRow => isDecisionRow(r) && isFilledText(r.decision) && isFilledText(r.rationale))
  );
}

function isPrefill(x: unknown): x is HandoffPrefill {
  return (
    isRecordWith(x, ['focus', 'started', 'accomplishments', 'suggestedNext']) &&
    isText(x.focus) &&
    isText(x.started) &&
    isListOf(x.accomplishments, isLine) &&
    isListOf(x.suggestedNext, isNextStepRow)
  );
}

function isNoParams(x: unknown): x is NoParams {
  return isRecordWith(x, []);
}

function isEnvelope(x: unknown): x is { type: unknown; params: unknown } {
  return isRecordWith(x, ['type', 'params']);
}

/** Accepts exactly the messages a webview may send the host, and nothing else. */
export function isWebviewMessage(x: unknown): x is WebviewToHostMessage {
  if (!isEnvelope(x)) return false;
  const p = x.params;
  switch (x.type) {
    case ReadyMessage.type:
      return isNoParams(p);
    case CancelMessage.type:
      return isRecordWith(p, [], ['filled']) && (p.filled === undefined || typeof p.filled === 'boolean');
    case DraftChangedMessage.type:
      return isRecordWith(p, ['draft']) && isHandoffDraft(p.draft);
    case SubmitMessage.type:
      return isRecordWith(p, ['input']) && isEndSessionInput(p.input);
    default:
      return false;
  }
}

/** Accepts exactly the messages the host may send the webview. */
export function isHostMessage(x: unknown): x is HostToWebviewMessage {
  if (!isEnvelope(x)) return false;
  const p = x.params;
  switch (x.type) {
    case InitMessage.type:
      return (
        isRecordWith(p, ['draft', 'prefill', 'readOnly']) &&
        (p.draft === null || isHandoffDraft(p.draft)) &&
        isPrefill(p.prefill) &&
        typeof p.readOnly === 'boolean'
      );
    case SubmitResultMessage.type:
      return (
        (isRecordWith(p, ['ok']) && p.ok === true) ||
        (isRecordWith(p, ['ok', 'message']) && p.ok === false && isText(p.message, HANDOFF_LIMITS.maxMessageLength))
      );
    default:
      return false;
  }
}

// ---- Fitting host data to the limits ------------------------------------------

function clipText(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max);
}

/**
 * The prefill cut down to what the webview's guard accepts: long commit
 * subjects clipped, long lists shortened. The host sends this, never the raw prefill.
 */
export function fitPrefill(prefill: HandoffPrefill): HandoffPrefill {
  const line = (s: string) => clipText(String(s), HANDOFF_LIMITS.maxLineLength);
  return {
    focus: line(prefill.focus ?? ''),
    started: line(prefill.started ?? ''),
    accomplishments: (prefill.accomplishments ?? []).slice(0, HANDOFF_LIMITS.maxRows).map(line),
    suggestedNext: (prefill.suggestedNext ?? []).slice(0, HANDOFF_LIMITS.maxRows).map((r) => ({
      title: line(r.title),
      priority: isPriority(r.priority) ? r.priority : 'medium',
    })),
  };
}
