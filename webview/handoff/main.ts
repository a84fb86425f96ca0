// The handoff form's entry point in the webview: the ready handshake, the
// messages to and from the host, the draft's persistence (webview state plus a
// copy on the host) and the DOM events. The form's logic lives in formState.ts,
// its markup in view.ts.
import './handoff.css';
import {
  CancelMessage,
  createMessage,
  DraftChangedMessage,
  InitMessage,
  isHostMessage,
  ReadyMessage,
  SubmitMessage,
  SubmitResultMessage,
  type HandoffDraft,
  type HandoffPrefill,
  type InitParams,
  type SubmitResultParams,
  type WebviewToHostMessage,
} from '../../src/protocol/handoffProtocol';
import {
  addRow,
  addSuggestion,
  getField,
  initialFocusKey,
  isUnchangedDraft,
  parseFieldKey,
  prepareSubmit,
  problemSummary,
  remainingSuggestions,
  removeRow,
  restoreDraft,
  setField,
  validateDraft,
  withFieldValues,
  type FieldRef,
  type ListSection,
  type SavedState,
} from './formState';
import {
  actionOf,
  applyErrors,
  focusedKey,
  focusKey,
  readFieldValues,
  renderForm,
  revealField,
  setBusy,
  setErrorBanner,
  setProblemSummary,
  setStatus,
  trackFooterHeight,
  type ViewAction,
} from './view';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** How long typing may pause before the host gets a copy of the draft. */
const DRAFT_SYNC_DELAY_MS = 300;

interface FormSession {
  prefill: HandoffPrefill;
  readOnly: boolean;
  draft: HandoffDraft;
  /** Set by the first submit attempt; from then on errors update as the person types. */
  showErrors: boolean;
  busy: boolean;
  /** What the error banner shows; kept here because a re-render rebuilds the banner. */
  banner: { kind: 'none' } | { kind: 'validation' } | { kind: 'host'; message: string };
}

const vscode = acquireVsCodeApi();
const root = document.getElementById('app') ?? document.body;
const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);
let session: FormSession | undefined;
let draftTimer: ReturnType<typeof setTimeout> | undefined;

function post(message: WebviewToHostMessage): void {
  vscode.postMessage(message);
}

// ---- Persistence ---------------------------------------------------------------

function saveState(s: FormSession): void {
  const state: SavedState = { sessionKey: s.prefill.started, draft: s.draft };
  vscode.setState(state);
}

function flushDraft(): void {
  if (draftTimer === undefined || !session) return;
  clearTimeout(draftTimer);
  draftTimer = undefined;
  post(createMessage(DraftChangedMessage, { draft: session.draft }));
}

function draftChanged(s: FormSession): void {
  saveState(s);
  if (draftTimer !== undefined) clearTimeout(draftTimer);
  draftTimer = setTimeout(() => {
    draftTimer = undefined;
    if (session) post(createMessage(DraftChangedMessage, { draft: session.draft }));
  }, DRAFT_SYNC_DELAY_MS);
}

// ---- Rendering -------------------------------------------------------------------

function render(s: FormSession, focus?: string): void {
  const previous = focusedKey(root);
  renderForm(root, {
    draft: s.draft,
    prefill: s.prefill,
    suggestions: remainingSuggestions(s.draft, s.prefill.suggestedNext),
    readOnly: s.readOnly,
    now: new Date(),
    isMac,
  });
  refreshErrors(s);
  setBusy(root, s.busy, s.readOnly);
  if (s.busy) setStatus(root, 'Ending the session…');
  const target = focus ?? previous;
  if (target !== undefined) focusKey(root, target);
}

/** Field errors (once a submit was tried) and the banner, brought up to date with the draft. */
function refreshErrors(s: FormSession): void {
  if (s.showErrors) {
    const errors = validateDraft(s.draft);
    applyErrors(root, errors);
    setProblemSummary(root, problemSummary(errors));
    if (s.banner.kind === 'validation' && errors.length === 0) s.banner = { kind: 'none' };
    if (s.banner.kind === 'validation') setErrorBanner(root, validationNotice(errors.length));
  }
  if (s.banner.kind === 'host') setErrorBanner(root, s.banner.message);
  if (s.banner.kind === 'none') setErrorBanner(root, undefined);
}

function firstFieldKey(section: ListSection, index: number): string {
  switch (section) {
    case 'accomplishments':
    case 'notes':
      return `${section}.${index}`;
    case 'next':
      return `next.${index}.title`;
    case 'decisions':
      return `decisions.${index}.decision`;
  }
}

// ---- Host messages -----------------------------------------------------------------

function onInit(params: InitParams): void {
  const sameSession = session !== undefined && session.prefill.started === params.prefill.started;
  const first = session === undefined;
  const draft = sameSession && session ? session.draft : restoreDraft(vscode.getState(), params.draft, params.prefill);
  session = {
    prefill: params.prefill,
    readOnly: params.readOnly,
    draft,
    showErrors: sameSession && session ? session.showErrors : false,
    busy: false,
    banner: { kind: 'none' },
  };
  saveState(session);
  render(session, first ? initialFocusKey(draft) : undefined);
}

function onSubmitResult(result: SubmitResultParams): void {
  if (!session) return;
  if (result.ok) {
    // The host closes the panel; until then the form stays disabled.
    vscode.setState(null);
    setStatus(root, 'Session ended.');
    return;
  }
  session.busy = false;
  session.banner = { kind: 'host', message: result.message };
  setBusy(root, false, session.readOnly);
  setStatus(root, '');
  refreshErrors(session);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostMessage(message)) return;
  switch (message.type) {
    case InitMessage.type:
      onInit(message.params);
      break;
    case SubmitResultMessage.type:
      onSubmitResult(message.params);
      break;
  }
});

// ---- Form actions ------------------------------------------------------------------

function update(s: FormSession, draft: HandoffDraft, focus?: string): void {
  if (draft === s.draft) return;
  s.draft = draft;
  draftChanged(s);
  render(s, focus);
}

function validationNotice(problems: number): string {
  return `Fix ${problems === 1 ? 'the problem' : `${problems} problems`} below before ending the session.`;
}

/**
 * Brings the draft up to date with what every field shows. Ctrl+Enter can
 * arrive straight after a keystroke, so a submit (or Cancel, or Enter) never
 * trusts the draft the `input` events keep: it reads the fields themselves.
 */
function syncFields(s: FormSession): void {
  const draft = withFieldValues(s.draft, readFieldValues(root));
  if (draft === s.draft) return;
  s.draft = draft;
  draftChanged(s);
}

function submit(): void {
  const s = session;
  if (!s || s.busy || s.readOnly) return;
  syncFields(s);
  const check = prepareSubmit(s.draft);
  if (!check.ok) {
    s.showErrors = true;
    s.banner = { kind: 'validation' };
    refreshErrors(s);
    // Centred in view, above the sticky footer, with the caret in it; the footer repeats the problem.
    revealField(root, check.errors[0]!.key);
    return;
  }
  s.busy = true;
  s.banner = { kind: 'none' };
  refreshErrors(s);
  setBusy(root, true, s.readOnly);
  setStatus(root, 'Ending the session…');
  flushDraft();
  post(createMessage(SubmitMessage, { input: check.input }));
}

function runAction(action: ViewAction): void {
  const s = session;
  if (!s) return;
  // Every action may re-render the form from the draft: take the fields' values first.
  syncFields(s);
  switch (action.kind) {
    case 'add': {
      const index = s.draft[action.section].length;
      update(s, addRow(s.draft, action.section), firstFieldKey(action.section, index));
      break;
    }
    case 'remove': {
      const draft = removeRow(s.draft, action.section, action.index);
      const left = draft[action.section].length;
      const focus =
        left === 0
          ? `add.${action.section}`
          : firstFieldKey(action.section, Math.min(action.index, left - 1));
      update(s, draft, focus);
      break;
    }
    case 'suggest': {
      const suggestion = remainingSuggestions(s.draft, s.prefill.suggestedNext)[action.index];
      if (!suggestion) return;
      const draft = addSuggestion(s.draft, suggestion);
      const left = remainingSuggestions(draft, s.prefill.suggestedNext).length;
      update(s, draft, left > 0 ? `suggest.${Math.min(action.index, left - 1)}` : 'add.next');
      break;
    }
    case 'cancel':
      flushDraft();
      // The host asks before discarding a form the person filled in.
      post(createMessage(CancelMessage, { filled: !isUnchangedDraft(s.draft, s.prefill) }));
      break;
  }
}

function onFieldEdit(target: EventTarget | null): void {
  const s = session;
  if (!s || !(target instanceof HTMLElement)) return;
  const el = target.closest<HTMLElement & { value?: unknown }>('[data-field]');
  const ref = el ? parseFieldKey(el.dataset.field ?? '') : undefined;
  if (!el || !ref || typeof el.value !== 'string') return;
  if (getField(s.draft, ref) === el.value) return;
  s.draft = setField(s.draft, ref, el.value);
  draftChanged(s);
  if (ref.section === 'next' && ref.field === 'priority') {
    const marker = el.closest('li')?.querySelector('.row-marker');
    if (marker) marker.className = `row-marker priority-${s.draft.next[ref.index]?.priority ?? 'medium'}`;
  }
  if (s.showErrors) refreshErrors(s);
}

/**
 * Plain Enter in a single-line field: a new row below (from a decision, on to
 * its rationale), never a submit. On a blank row it does nothing, so holding
 * Enter cannot pile up empty rows.
 */
function onEnterInField(ref: FieldRef): void {
  const s = session;
  if (!s || (getField(s.draft, ref) ?? '').trim() === '') return;
  switch (ref.section) {
    case 'accomplishments':
    case 'notes':
    case 'next':
      update(s, addRow(s.draft, ref.section, ref.index + 1), firstFieldKey(ref.section, ref.index + 1));
      break;
    case 'decisions':
      if (ref.field === 'decision') focusKey(root, `decisions.${ref.index}.rationale`);
      else update(s, addRow(s.draft, 'decisions', ref.index + 1), firstFieldKey('decisions', ref.index + 1));
      break;
    case 'handoff':
      break;
  }
}

// Capture phase: vscode-single-select dispatches its change/input events
// without `bubbles`, and capture still sees them.
root.addEventListener('input', (e) => onFieldEdit(e.target), { capture: true });
root.addEventListener('change', (e) => onFieldEdit(e.target), { capture: true });
root.addEventListener('click', (e) => {
  const action = actionOf(e.target);
  if (action) runAction(action);
});
root.addEventListener('submit', (e) => {
  e.preventDefault();
  submit();
});

// Capture phase, so this runs before vscode-textfield's own Enter handling
// (which would submit the form from any field).
document.addEventListener(
  'keydown',
  (e) => {
    if (e.key !== 'Enter' || e.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      e.stopPropagation();
      submit();
      return;
    }
    const target = e.target;
    if (!(target instanceof HTMLElement) || target.tagName !== 'VSCODE-TEXTFIELD' || e.shiftKey || e.altKey) return;
    e.preventDefault();
    e.stopPropagation();
    const ref = parseFieldKey(target.dataset.field ?? '');
    if (session) syncFields(session);
    if (ref) onEnterInField(ref);
  },
  { capture: true },
);

// The webview is torn down when hidden (retainContextWhenHidden is off): give
// the host the latest draft before that happens. Webview state is already saved.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flushDraft();
});
window.addEventListener('pagehide', flushDraft);

trackFooterHeight(root);
post(createMessage(ReadyMessage, {}));
