// Builds the handoff form's DOM from the form state. It only renders: events
// are handled by delegation in main.ts, which finds what was touched through
// the data attributes set here (`data-field`, `data-action`, `data-focus`).
// Campaign text only ever reaches the page as text nodes and property values.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { VscodeTextarea } from '@vscode-elements/elements/dist/vscode-textarea/vscode-textarea.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import { PRIORITIES } from '../../src/core/model/priority';
import {
  HANDOFF_LIMITS,
  type HandoffDraft,
  type HandoffPrefill,
  type NextStepRow,
} from '../../src/protocol/handoffProtocol';
import { absoluteTime, formatElapsed, parseTimestamp } from '../../src/core/model/timeFormat';
import { fieldKey, priorityLabel, type FieldError, type FieldRef, type ListSection } from './formState';

export interface ViewModel {
  draft: HandoffDraft;
  prefill: HandoffPrefill;
  /** Open work not yet among the next steps (from the prefill's suggestedNext). */
  suggestions: readonly NextStepRow[];
  readOnly: boolean;
  now: Date;
  /** Shown in the submit hint: ⌘ on macOS, Ctrl elsewhere. */
  isMac: boolean;
}

/** What a click on a `data-action` element asks for. */
export type ViewAction =
  | { kind: 'add'; section: ListSection }
  | { kind: 'remove'; section: ListSection; index: number }
  | { kind: 'suggest'; index: number }
  | { kind: 'cancel' };

type Child = Node | string | null | undefined | false;

/** Creates an element; string children become text nodes, never markup. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A 16px line icon drawn from path data (the codicon font is not loaded). */
function icon(d: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}

const CLOSE_ICON = 'M4.5 4.5l7 7M11.5 4.5l-7 7';
const ADD_ICON = 'M8 3.5v9M3.5 8h9';

function textfield(ref: FieldRef, value: string, label: string, placeholder: string): VscodeTextfield {
  const el = document.createElement('vscode-textfield');
  const key = fieldKey(ref);
  el.dataset.field = key;
  el.dataset.focus = key;
  el.value = value;
  el.label = label;
  el.placeholder = placeholder;
  el.maxLength = HANDOFF_LIMITS.maxLineLength;
  return el;
}

function errorSlot(ref: FieldRef): HTMLElement {
  return h('div', { class: 'field-error', 'data-error-for': fieldKey(ref), hidden: true });
}

function removeButton(section: ListSection, index: number, label: string): HTMLButtonElement {
  const button = h(
    'button',
    {
      type: 'button',
      class: 'icon-button',
      title: label,
      'aria-label': label,
      'data-action': 'remove',
      'data-section': section,
      'data-index': String(index),
      'data-focus': `remove.${section}.${index}`,
    },
    icon(CLOSE_ICON),
  );
  return button;
}

function addButton(section: ListSection, text: string, disabled: boolean): VscodeButton {
  const button = document.createElement('vscode-button');
  button.secondary = true;
  button.disabled = disabled;
  button.dataset.action = 'add';
  button.dataset.section = section;
  button.dataset.focus = `add.${section}`;
  button.className = 'add-button';
  button.append(icon(ADD_ICON), document.createTextNode(text));
  return button;
}

function section(id: string, title: string, hint: string, ...content: Child[]): HTMLElement {
  return h(
    'section',
    { class: 'form-section', 'aria-labelledby': `${id}-heading` },
    h('h2', { id: `${id}-heading` }, title),
    h('p', { class: 'hint', id: `${id}-hint` }, hint),
    ...content,
  );
}

function emptyNote(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

function lineList(
  draft: HandoffDraft,
  list: 'accomplishments' | 'notes',
  noun: string,
  placeholder: string,
): HTMLElement {
  const rows = draft[list].map((value, index) => {
    const ref: FieldRef = { section: list, index };
    return h(
      'li',
      { class: 'row' },
      h('span', { class: 'row-marker', 'aria-hidden': 'true' }),
      h('div', { class: 'row-fields' }, textfield(ref, value, `${noun} ${index + 1}`, placeholder), errorSlot(ref)),
      removeButton(list, index, `Remove ${noun.toLowerCase()} ${index + 1}`),
    );
  });
  return h('ul', { class: 'rows', 'data-list': list }, ...rows);
}

function prioritySelect(index: number, value: string): VscodeSingleSelect {
  const ref: FieldRef = { section: 'next', index, field: 'priority' };
  const select = document.createElement('vscode-single-select');
  const key = fieldKey(ref);
  select.dataset.field = key;
  select.dataset.focus = key;
  select.label = `Priority of next step ${index + 1}`;
  select.className = 'priority';
  for (const p of PRIORITIES) {
    const option = document.createElement('vscode-option');
    option.value = p;
    option.selected = p === value;
    option.textContent = priorityLabel(p);
    select.append(option);
  }
  return select;
}

function nextSteps(model: ViewModel): HTMLElement {
  const rows = model.draft.next.map((row, index) => {
    const titleRef: FieldRef = { section: 'next', index, field: 'title' };
    return h(
      'li',
      { class: 'row' },
      h('span', { class: `row-marker priority-${row.priority}`, 'aria-hidden': 'true' }),
      h(
        'div',
        { class: 'row-fields' },
        h(
          'div',
          { class: 'next-row' },
          textfield(titleRef, row.title, `Next step ${index + 1}`, 'What should happen next?'),
          prioritySelect(index, row.priority),
        ),
        errorSlot(titleRef),
      ),
      removeButton('next', index, `Remove next step ${index + 1}`),
    );
  });
  return h('ul', { class: 'rows', 'data-list': 'next' }, ...rows);
}

/** Open work not yet among the next steps, one button each: a click adds it as a next step. */
function suggestionChips(model: ViewModel): HTMLElement | null {
  if (model.suggestions.length === 0) return null;
  const chips = model.suggestions.map((s, index) =>
    h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'chip',
          title: `Add “${s.title}” as a next step (${priorityLabel(s.priority)} now; change it here to re-prioritize)`,
          'aria-label': `Add ${s.title} as a next step, ${priorityLabel(s.priority)} priority`,
          'data-action': 'suggest',
          'data-index': String(index),
          'data-focus': `suggest.${index}`,
        },
        h('span', { class: `priority-dot priority-${s.priority}`, 'aria-hidden': 'true' }),
        h('span', { class: 'chip-text' }, s.title),
      ),
    ),
  );
  return h(
    'div',
    { class: 'suggestions' },
    h('span', { class: 'suggestions-label', id: 'suggestions-label' }, 'From remaining work:'),
    h('ul', { class: 'chips', 'aria-labelledby': 'suggestions-label' }, ...chips),
  );
}

function decisionCards(draft: HandoffDraft): HTMLElement {
  const cards = draft.decisions.map((row, index) => {
    const decisionRef: FieldRef = { section: 'decisions', index, field: 'decision' };
    const rationaleRef: FieldRef = { section: 'decisions', index, field: 'rationale' };
    return h(
      'li',
      { class: 'card' },
      h(
        'div',
        { class: 'card-fields' },
        h('span', { class: 'field-label', 'aria-hidden': 'true' }, 'Decision'),
        textfield(decisionRef, row.decision, `Decision ${index + 1}`, 'What was decided'),
        errorSlot(decisionRef),
        h('span', { class: 'field-label', 'aria-hidden': 'true' }, 'Rationale'),
        textfield(rationaleRef, row.rationale, `Rationale for decision ${index + 1}`, 'Why: the constraint, trade-off or evidence'),
        errorSlot(rationaleRef),
      ),
      removeButton('decisions', index, `Remove decision ${index + 1}`),
    );
  });
  return h('ul', { class: 'cards', 'data-list': 'decisions' }, ...cards);
}

function handoffNote(draft: HandoffDraft): HTMLElement {
  const ref: FieldRef = { section: 'handoff' };
  const textarea: VscodeTextarea = document.createElement('vscode-textarea');
  textarea.dataset.field = 'handoff';
  textarea.dataset.focus = 'handoff';
  textarea.value = draft.handoff;
  textarea.label = 'Handoff note for the next session';
  textarea.placeholder = 'Where things stand, what to pick up first, what to watch out for…';
  textarea.rows = 5;
  textarea.resize = 'vertical';
  textarea.maxLength = HANDOFF_LIMITS.maxHandoffLength;
  return h('div', { class: 'row-fields' }, textarea, errorSlot(ref));
}

function sessionSummary(model: ViewModel): HTMLElement {
  const { focus, started } = model.prefill;
  const parts: Child[] = [];
  if (focus.trim() !== '') {
    parts.push(h('span', { class: 'meta-label' }, 'Focus'), h('span', { class: 'meta-value' }, focus));
  } else {
    parts.push(h('span', { class: 'meta-value muted' }, 'No focus recorded for this session'));
  }
  const start = parseTimestamp(started);
  if (start) {
    // The one formatter the views and the status bar use: absolute start, elapsed as `1h 05m`.
    const elapsed = start.hasTime && start.at.getTime() <= model.now.getTime() ? ` (${formatElapsed(model.now.getTime() - start.at.getTime())})` : '';
    parts.push(h('span', { class: 'meta-label' }, 'Started'), h('span', { class: 'meta-value' }, `${absoluteTime(start)}${elapsed}`));
  }
  return h('div', { class: 'session-meta' }, ...parts);
}

function keyHint(isMac: boolean): HTMLElement {
  const key = (text: string) => h('kbd', {}, text);
  return h('span', { class: 'key-hint' }, key(isMac ? '⌘' : 'Ctrl'), '+', key('Enter'), ' to end the session');
}

/** Replaces the content of `root` with the whole form for `model`. */
export function renderForm(root: HTMLElement, model: ViewModel): void {
  const { draft } = model;
  const full = (section: ListSection) => draft[section].length >= HANDOFF_LIMITS.maxRows;

  const submit = document.createElement('vscode-button');
  submit.type = 'submit';
  submit.dataset.focus = 'submit';
  submit.dataset.role = 'submit';
  submit.disabled = model.readOnly;
  submit.textContent = 'End Session';

  const cancel = document.createElement('vscode-button');
  cancel.secondary = true;
  cancel.dataset.action = 'cancel';
  cancel.dataset.focus = 'cancel';
  cancel.textContent = 'Cancel';

  const form = h(
    'form',
    { class: 'handoff-form', novalidate: true, 'aria-labelledby': 'form-title' },
    h(
      'header',
      { class: 'form-header' },
      h('h1', { id: 'form-title' }, 'End Session'),
      h('p', { class: 'hint' }, 'Record what happened and hand off to the next session. Empty rows are ignored.'),
      sessionSummary(model),
    ),
    model.readOnly
      ? h(
          'div',
          { class: 'banner banner-warning', role: 'status' },
          'This workspace is not trusted, so Campaign is read-only. Trust the workspace to end the session; your draft is kept.',
        )
      : null,
    h('div', { class: 'banner banner-error', role: 'alert', 'data-banner': 'error', hidden: true }),
    section(
      'accomplishments',
      'Accomplishments',
      'What got done. Prefilled from work completed this session (always logged) and commits since it started.',
      lineList(draft, 'accomplishments', 'Accomplishment', 'Something that got done'),
      draft.accomplishments.length === 0 ? emptyNote('No accomplishments listed.') : null,
      addButton('accomplishments', 'Add accomplishment', full('accomplishments')),
    ),
    section(
      'next',
      'Next steps',
      'New work and its priority. Open work added here stays one item and takes the priority chosen here.',
      nextSteps(model),
      draft.next.length === 0 ? emptyNote('No next steps.') : null,
      h('div', { class: 'section-actions' }, addButton('next', 'Add next step', full('next'))),
      suggestionChips(model),
    ),
    section(
      'handoff',
      'Handoff note for the next session',
      'The first thing the next session reads.',
      handoffNote(draft),
    ),
    section(
      'notes',
      'Notes',
      'Anything else worth remembering: gotchas, links, loose ends.',
      lineList(draft, 'notes', 'Note', 'A note'),
      addButton('notes', 'Add note', full('notes')),
    ),
    section(
      'decisions',
      'Decisions',
      'Choices made this session. Each needs its rationale.',
      decisionCards(draft),
      addButton('decisions', 'Add decision', full('decisions')),
    ),
    h(
      'footer',
      { class: 'form-actions' },
      submit,
      cancel,
      h('span', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-status': '' }),
      // Repeats the first problem where the person is looking (the button), for sight and screen readers.
      h('p', { class: 'problems', role: 'alert', 'aria-live': 'assertive', 'data-problems': '' }),
      keyHint(model.isMac),
    ),
  );
  root.replaceChildren(form);
}

// ---- In-place updates (no re-render, so the caret stays where it is) ----------

/** Marks the fields in `errors` invalid and shows their messages; clears all others. */
export function applyErrors(root: HTMLElement, errors: readonly FieldError[]): void {
  const byKey = new Map<string, string>();
  for (const e of errors) if (!byKey.has(e.key)) byKey.set(e.key, e.message);
  for (const field of root.querySelectorAll<HTMLElement & { invalid?: boolean }>('[data-field]')) {
    const key = field.dataset.field ?? '';
    const invalid = byKey.has(key);
    if ('invalid' in field) field.invalid = invalid;
    field.toggleAttribute('data-invalid', invalid);
  }
  for (const slot of root.querySelectorAll<HTMLElement>('[data-error-for]')) {
    const message = byKey.get(slot.dataset.errorFor ?? '');
    slot.textContent = message ?? '';
    slot.hidden = message === undefined;
  }
}

export function setErrorBanner(root: HTMLElement, message: string | undefined): void {
  const banner = root.querySelector<HTMLElement>('[data-banner="error"]');
  if (!banner) return;
  banner.textContent = message ?? '';
  banner.hidden = message === undefined;
}

/** The footer's summary of the problems stopping a submit; '' clears it. */
export function setProblemSummary(root: HTMLElement, summary: string): void {
  const el = root.querySelector<HTMLElement>('[data-problems]');
  if (el && el.textContent !== summary) el.textContent = summary;
}

/** Publishes the sticky footer's height as --footer-height, which keeps scrolled-to fields above it. */
export function trackFooterHeight(root: HTMLElement): void {
  const publish = () => {
    const footer = root.querySelector<HTMLElement>('.form-actions');
    if (footer) document.documentElement.style.setProperty('--footer-height', `${Math.ceil(footer.getBoundingClientRect().height)}px`);
  };
  new ResizeObserver(publish).observe(root);
  publish();
}

/**
 * Every field's value as the element shows it now — the native control inside
 * the component, which has every typed character even before the component's
 * `input` event has been handled.
 */
export function readFieldValues(root: HTMLElement): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  for (const el of root.querySelectorAll<HTMLElement & { value?: unknown; wrappedElement?: unknown }>('[data-field]')) {
    const inner = el.wrappedElement;
    const value = inner instanceof HTMLInputElement || inner instanceof HTMLTextAreaElement ? inner.value : el.value;
    if (typeof value === 'string') out.push({ key: el.dataset.field ?? '', value });
  }
  return out;
}

/**
 * Brings a field with a problem into view — centred, so neither its message
 * below it nor the sticky footer hides it — and puts the caret in it.
 */
export function revealField(root: HTMLElement, key: string): void {
  const el = root.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(`[data-field="${CSS.escape(key)}"]`);
  if (el) focusElement(el, true);
}

export function setStatus(root: HTMLElement, message: string): void {
  const status = root.querySelector<HTMLElement>('[data-status]');
  if (status) status.textContent = message;
}

export function setBusy(root: HTMLElement, busy: boolean, readOnly: boolean): void {
  const submit = root.querySelector<VscodeButton>('[data-role="submit"]');
  if (submit) {
    submit.disabled = busy || readOnly;
    submit.textContent = busy ? 'Ending Session…' : 'End Session';
  }
  root.querySelector('form')?.setAttribute('aria-busy', String(busy));
}

/** Focuses the element with this `data-focus` key; false when there is none. */
export function focusKey(root: HTMLElement, key: string): boolean {
  const el = root.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(
    `[data-focus="${CSS.escape(key)}"]`,
  );
  if (!el) return false;
  focusElement(el, false);
  return true;
}

function focusElement(el: HTMLElement & { updateComplete?: Promise<unknown> }, reveal: boolean): void {
  // A component created this turn renders its inner input in a microtask;
  // focusing before that would land nowhere.
  void Promise.resolve(el.updateComplete).then(() => {
    el.focus({ preventScroll: reveal });
    // Focus from script would select a prefilled value, and the next keystroke
    // would replace it; put the caret at the end instead.
    const inner = (el as { wrappedElement?: unknown }).wrappedElement;
    if (inner instanceof HTMLInputElement || inner instanceof HTMLTextAreaElement) {
      const end = inner.value.length;
      inner.setSelectionRange(end, end);
    }
    if (reveal) el.scrollIntoView({ block: 'center', inline: 'nearest' });
  });
}

/** The `data-focus` key of whatever has focus inside `root`, if any. */
export function focusedKey(root: HTMLElement): string | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !root.contains(active)) return undefined;
  return active.closest<HTMLElement>('[data-focus]')?.dataset.focus;
}

/** Reads a clicked `data-action` element into a ViewAction. */
export function actionOf(target: EventTarget | null): ViewAction | undefined {
  if (!(target instanceof Element)) return undefined;
  const el = target.closest<HTMLElement>('[data-action]');
  if (!el || (el as HTMLElement & { disabled?: boolean }).disabled) return undefined;
  const section = el.dataset.section;
  const index = Number(el.dataset.index);
  const isSection = (s: string | undefined): s is ListSection =>
    s === 'accomplishments' || s === 'next' || s === 'notes' || s === 'decisions';
  switch (el.dataset.action) {
    case 'add':
      return isSection(section) ? { kind: 'add', section } : undefined;
    case 'remove':
      return isSection(section) && Number.isInteger(index) ? { kind: 'remove', section, index } : undefined;
    case 'suggest':
      return Number.isInteger(index) ? { kind: 'suggest', index } : undefined;
    case 'cancel':
      return { kind: 'cancel' };
    default:
      return undefined;
  }
}
