// The handoff form's logic without a browser: the draft, row edits,
// validation, restoring a saved draft, and conversion to EndSessionInput.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HANDOFF_LIMITS, isEndSessionInput, type HandoffPrefill } from '../../src/protocol/handoffProtocol';
import {
  addRow,
  addSuggestion,
  createDraft,
  emptyDraft,
  fieldKey,
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
  toEndSessionInput,
  validateDraft,
  withFieldValues,
  type FieldRef,
} from '../../webview/handoff/formState';

const prefill: HandoffPrefill = {
  focus: 'Handoff form',
  started: '2026-03-02T09:00:00Z',
  accomplishments: ['  Protocol file  ', 'feat: nonce CSP', 'protocol FILE', '', '   '],
  suggestedNext: [
    { title: 'Wire End Session', priority: 'high' },
    { title: 'README screenshot', priority: 'low' },
  ],
};

describe('handoff form: creating a draft', () => {
  it('prefills accomplishments trimmed, without blanks or repeats, and starts one blank next step', () => {
    const d = createDraft(prefill);
    assert.deepEqual(d.accomplishments, ['Protocol file', 'feat: nonce CSP']);
    assert.deepEqual(d.next, [{ title: '', priority: 'medium' }]);
    assert.equal(d.handoff, '');
    assert.deepEqual(d.notes, []);
    assert.deepEqual(d.decisions, []);
  });

  it('starts with one blank accomplishment when nothing was done', () => {
    assert.deepEqual(createDraft({ ...prefill, accomplishments: [] }).accomplishments, ['']);
  });

  it('offers open work rather than copying it into the next steps', () => {
    assert.ok(createDraft(prefill).next.every((r) => r.title === ''));
  });

  it('clips prefilled lists and lines to the protocol limits', () => {
    const many = Array.from({ length: HANDOFF_LIMITS.maxRows + 50 }, (_, i) => `commit ${i}`);
    const long = 'x'.repeat(HANDOFF_LIMITS.maxLineLength + 10);
    const d = createDraft({ ...prefill, accomplishments: [long, ...many] });
    assert.equal(d.accomplishments.length, HANDOFF_LIMITS.maxRows);
    assert.equal(d.accomplishments[0]!.length, HANDOFF_LIMITS.maxLineLength);
  });

  it('puts the cursor where typing adds rather than replaces', () => {
    assert.equal(initialFocusKey(createDraft(prefill)), 'next.0.title');
    assert.equal(initialFocusKey(createDraft({ ...prefill, accomplishments: [] })), 'accomplishments.0');
    const full = setField(createDraft(prefill), { section: 'next', index: 0, field: 'title' }, 'x');
    assert.equal(initialFocusKey(full), 'handoff');
  });
});

describe('handoff form: restoring a draft', () => {
  const edited = setField(createDraft(prefill), { section: 'handoff' }, 'Continue with the panel');

  it('prefers the webview state of the same session', () => {
    const hostDraft = setField(createDraft(prefill), { section: 'handoff' }, 'older host copy');
    assert.equal(restoreDraft({ sessionKey: prefill.started, draft: edited }, hostDraft, prefill).handoff, 'Continue with the panel');
  });

  it('ignores state from another session and falls back to the host copy, then the prefill', () => {
    const hostDraft = setField(createDraft(prefill), { section: 'handoff' }, 'host copy');
    const otherSession = { sessionKey: '2026-01-01T00:00:00Z', draft: edited };
    assert.equal(restoreDraft(otherSession, hostDraft, prefill).handoff, 'host copy');
    assert.deepEqual(restoreDraft(otherSession, null, prefill), createDraft(prefill));
  });

  it('ignores malformed or tampered state', () => {
    for (const bad of [undefined, null, 'x', 42, {}, { sessionKey: prefill.started }, { sessionKey: prefill.started, draft: { next: 'x' } }]) {
      assert.deepEqual(restoreDraft(bad, null, prefill), createDraft(prefill));
    }
  });
});

describe('handoff form: editing rows', () => {
  it('adds rows at the end or at a position, and removes them', () => {
    let d = emptyDraft();
    d = addRow(d, 'notes');
    d = setField(d, { section: 'notes', index: 0 }, 'first');
    d = addRow(d, 'notes');
    d = setField(d, { section: 'notes', index: 1 }, 'third');
    d = addRow(d, 'notes', 1);
    assert.deepEqual(d.notes, ['first', '', 'third']);
    d = removeRow(d, 'notes', 1);
    assert.deepEqual(d.notes, ['first', 'third']);
    d = addRow(d, 'decisions');
    assert.deepEqual(d.decisions, [{ decision: '', rationale: '' }]);
    d = addRow(d, 'next', 0);
    assert.deepEqual(d.next[0], { title: '', priority: 'medium' });
  });

  it('never mutates the draft it is given', () => {
    const d = createDraft(prefill);
    const snapshot = structuredClone(d);
    addRow(d, 'accomplishments');
    removeRow(d, 'accomplishments', 0);
    setField(d, { section: 'accomplishments', index: 0 }, 'changed');
    setField(d, { section: 'next', index: 0, field: 'priority' }, 'high');
    addSuggestion(d, prefill.suggestedNext[0]!);
    assert.deepEqual(d, snapshot);
  });

  it('leaves the draft unchanged for out-of-range rows and invalid priorities', () => {
    const d = createDraft(prefill);
    assert.equal(removeRow(d, 'notes', 0), d);
    assert.equal(removeRow(d, 'accomplishments', -1), d);
    assert.equal(removeRow(d, 'accomplishments', 1.5), d);
    assert.equal(setField(d, { section: 'decisions', index: 3, field: 'decision' }, 'x'), d);
    assert.equal(setField(d, { section: 'next', index: 0, field: 'priority' }, 'urgent'), d);
    assert.equal(setField(d, { section: 'next', index: 0, field: 'priority' }, 'high').next[0]!.priority, 'high');
  });

  it('refuses rows beyond the limit', () => {
    let d = emptyDraft();
    for (let i = 0; i < HANDOFF_LIMITS.maxRows + 5; i++) d = addRow(d, 'notes');
    assert.equal(d.notes.length, HANDOFF_LIMITS.maxRows);
  });

  it('reads fields back', () => {
    let d = addRow(createDraft(prefill), 'decisions');
    d = setField(d, { section: 'decisions', index: 0, field: 'rationale' }, 'because');
    assert.equal(getField(d, { section: 'decisions', index: 0, field: 'rationale' }), 'because');
    assert.equal(getField(d, { section: 'accomplishments', index: 1 }), 'feat: nonce CSP');
    assert.equal(getField(d, { section: 'notes', index: 4 }), undefined);
  });
});

describe('handoff form: suggestions from remaining work', () => {
  it('fills the blank last row, then appends, and never lists a step twice', () => {
    let d = createDraft(prefill);
    d = addSuggestion(d, prefill.suggestedNext[0]!);
    assert.deepEqual(d.next, [{ title: 'Wire End Session', priority: 'high' }]);
    d = addSuggestion(d, { title: '  wire end session ', priority: 'low' });
    assert.equal(d.next.length, 1);
    d = addSuggestion(d, prefill.suggestedNext[1]!);
    assert.deepEqual(d.next.map((r) => r.title), ['Wire End Session', 'README screenshot']);
  });

  it('offers only open work not already among the next steps', () => {
    const d = setField(createDraft(prefill), { section: 'next', index: 0, field: 'title' }, 'readme SCREENSHOT');
    assert.deepEqual(remainingSuggestions(d, prefill.suggestedNext).map((s) => s.title), ['Wire End Session']);
    assert.deepEqual(remainingSuggestions(d, [{ title: ' ', priority: 'low' }]), []);
  });

  it('adds a suggestion with its current priority, which the person may then change', () => {
    let d = addSuggestion(createDraft(prefill), prefill.suggestedNext[1]!);
    d = setField(d, { section: 'next', index: 0, field: 'priority' }, 'high');
    assert.deepEqual(toEndSessionInput(d).next, [{ title: 'README screenshot', priority: 'high' }]);
  });
});

describe('handoff form: validation', () => {
  const withDecision = (decision: string, rationale: string) => {
    let d = addRow(createDraft(prefill), 'decisions');
    d = setField(d, { section: 'decisions', index: 0, field: 'decision' }, decision);
    return setField(d, { section: 'decisions', index: 0, field: 'rationale' }, rationale);
  };

  it('accepts a fresh draft: blank rows are not errors', () => {
    assert.deepEqual(validateDraft(createDraft(prefill)), []);
    assert.deepEqual(validateDraft(withDecision('  ', '  ')), []);
  });

  it('needs the rationale of a decision', () => {
    const errors = validateDraft(withDecision('Use vscode-elements', ' '));
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.key, 'decisions.0.rationale');
    assert.match(errors[0]!.message, /rationale/i);
  });

  it('needs the decision a rationale explains', () => {
    const errors = validateDraft(withDecision('', 'Because it is maintained'));
    assert.deepEqual(errors.map((e) => e.key), ['decisions.0.decision']);
  });

  it('flags text over the limits on its own field', () => {
    let d = setField(createDraft(prefill), { section: 'accomplishments', index: 1 }, 'y'.repeat(HANDOFF_LIMITS.maxLineLength + 1));
    d = setField(d, { section: 'handoff' }, 'z'.repeat(HANDOFF_LIMITS.maxHandoffLength + 1));
    assert.deepEqual(validateDraft(d).map((e) => e.key), ['accomplishments.1', 'handoff']);
  });

  it('refuses a next step listed twice, but not one that names open work (the host keeps that item)', () => {
    let d = createDraft(prefill);
    d = setField(d, { section: 'next', index: 0, field: 'title' }, '  wire END session ');
    d = addRow(d, 'next');
    d = setField(d, { section: 'next', index: 1, field: 'title' }, 'Release notes');
    d = addRow(d, 'next');
    d = setField(d, { section: 'next', index: 2, field: 'title' }, 'release NOTES ');
    const errors = validateDraft(d);
    assert.deepEqual(errors.map((e) => e.key), ['next.2.title']);
    assert.match(errors[0]!.message, /twice/);
    assert.equal(prepareSubmit(d).ok, false);
    assert.deepEqual(validateDraft(removeRow(d, 'next', 2)), []);
  });

  it('prepareSubmit returns the errors or the input', () => {
    const bad = prepareSubmit(withDecision('D', ''));
    assert.equal(bad.ok, false);
    const good = prepareSubmit(withDecision('D', 'R'));
    assert.ok(good.ok);
    if (good.ok) assert.deepEqual(good.input.decisions, [{ decision: 'D', rationale: 'R' }]);
  });
});

describe('handoff form: conversion to EndSessionInput', () => {
  it('trims, drops blank rows and repeats, and leaves out a blank handoff note', () => {
    let d = createDraft(prefill);
    d = addRow(d, 'accomplishments');
    d = setField(d, { section: 'accomplishments', index: 2 }, ' feat: nonce csp ');
    d = setField(d, { section: 'next', index: 0, field: 'title' }, '  Wire the command ');
    d = setField(d, { section: 'next', index: 0, field: 'priority' }, 'high');
    d = addRow(d, 'next');
    d = addRow(d, 'notes');
    d = addRow(d, 'notes');
    d = setField(d, { section: 'notes', index: 1 }, ' Watch the CSP ');
    d = addRow(d, 'decisions');
    d = setField(d, { section: 'handoff' }, '   ');
    const input = toEndSessionInput(d);
    assert.deepEqual(input, {
      done: ['Protocol file', 'feat: nonce CSP'],
      next: [{ title: 'Wire the command', priority: 'high' }],
      notes: ['Watch the CSP'],
      decisions: [],
    });
    assert.equal('handoff' in input, false);
    assert.ok(isEndSessionInput(input), 'the host guard accepts what the form produces');
  });

  it('keeps a handoff note, multi-line, trimmed', () => {
    const d = setField(createDraft(prefill), { section: 'handoff' }, '\n  Start with the panel.\nThen the tests.  \n');
    assert.equal(toEndSessionInput(d).handoff, 'Start with the panel.\nThen the tests.');
  });

  it('keeps hostile-looking text as plain text, unchanged', () => {
    const text = '<img src=x onerror=alert(1)> & </script>';
    const d = setField(createDraft(prefill), { section: 'accomplishments', index: 0 }, text);
    assert.equal(toEndSessionInput(d).done[0], text);
  });

  it('yields an empty input for an empty form (ending a session with nothing to say is allowed)', () => {
    const input = toEndSessionInput(emptyDraft());
    assert.deepEqual(input, { done: [], next: [], notes: [], decisions: [] });
    assert.ok(isEndSessionInput(input));
  });
});

describe('handoff form: field keys and elapsed time', () => {
  it('round-trips every kind of field key and refuses others', () => {
    const refs: FieldRef[] = [
      { section: 'handoff' },
      { section: 'accomplishments', index: 3 },
      { section: 'notes', index: 0 },
      { section: 'next', index: 2, field: 'title' },
      { section: 'next', index: 2, field: 'priority' },
      { section: 'decisions', index: 1, field: 'decision' },
      { section: 'decisions', index: 1, field: 'rationale' },
    ];
    for (const ref of refs) assert.deepEqual(parseFieldKey(fieldKey(ref)), ref);
    for (const bad of ['', 'next.1', 'notes.1.title', 'decisions.0.title', 'x.0', 'next.-1.title', '__proto__', 'handoff.0']) {
      assert.equal(parseFieldKey(bad), undefined, bad);
    }
  });
});

describe('handoff form: reading the fields at submit', () => {
  it('takes every field\'s current value, so the last typed character is never lost', () => {
    let d = addRow(createDraft(prefill), 'decisions');
    // The draft saw "…prediction" and "anywa"; the fields already show the full text.
    d = setField(d, { section: 'handoff' }, 'Check the predictions');
    d = setField(d, { section: 'decisions', index: 0, field: 'decision' }, 'Ship it');
    d = setField(d, { section: 'decisions', index: 0, field: 'rationale' }, 'anywa');
    const read = withFieldValues(d, [
      { key: 'handoff', value: 'Check the predictions!' },
      { key: 'decisions.0.rationale', value: 'anyway' },
      { key: 'decisions.0.decision', value: 'Ship it' },
      { key: 'nonsense', value: 'ignored' },
      { key: 'notes.7', value: 'no such row' },
    ]);
    const input = toEndSessionInput(read);
    assert.equal(input.handoff, 'Check the predictions!');
    assert.deepEqual(input.decisions, [{ decision: 'Ship it', rationale: 'anyway' }]);
    assert.equal(withFieldValues(read, [{ key: 'handoff', value: 'Check the predictions!' }]), read, 'unchanged fields keep the same draft');
  });
});

describe('handoff form: Cancel on an unchanged or a filled form', () => {
  it('an unchanged form (blank rows aside) closes at once; any entry or removal counts as filled', () => {
    const d = createDraft(prefill);
    assert.ok(isUnchangedDraft(d, prefill));
    assert.ok(isUnchangedDraft(addRow(addRow(d, 'notes'), 'decisions'), prefill), 'blank rows are nothing to lose');
    assert.ok(!isUnchangedDraft(setField(d, { section: 'handoff' }, 'Start with X'), prefill));
    assert.ok(!isUnchangedDraft(removeRow(d, 'accomplishments', 0), prefill), 'a removed prefilled row is a change');
  });
});

describe('handoff form: the footer\'s problem summary', () => {
  it('names the first problem by its field and counts the others', () => {
    let d = addRow(addRow(emptyDraft(), 'decisions'), 'decisions');
    d = setField(d, { section: 'decisions', index: 0, field: 'decision' }, 'Use SES');
    d = setField(d, { section: 'decisions', index: 1, field: 'rationale' }, 'Because');
    const errors = validateDraft(d);
    assert.equal(errors.length, 2);
    assert.equal(problemSummary(errors), 'Rationale for decision 1: Give the rationale: why was this decided? (and 1 more problem)');
    assert.equal(problemSummary(errors.slice(0, 1)), 'Rationale for decision 1: Give the rationale: why was this decided?');
    assert.equal(problemSummary([]), '');
  });
});
