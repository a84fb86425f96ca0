// What Copy Session Primer says the budget left out.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { omittedSummary, supersededNote } from '../../../src/extension/primerSummary';

describe('omittedSummary', () => {
  it('is undefined when everything fit', () => {
    assert.equal(omittedSummary({}), undefined);
    assert.equal(omittedSummary({ remaining_work: 0 }), undefined);
  });
  it('names each section in words, singular or plural', () => {
    assert.equal(omittedSummary({ remaining_work: 1, decisions_log: 5, build_log: 2 }), '1 work item, 5 decisions, 2 build-log entries');
    assert.equal(omittedSummary({ build_log: 1 }), '1 build-log entry');
  });
  it('does not call superseded decisions "left out to fit": they are said apart', () => {
    // The core counts the one superseded decision as omitted; nothing was cut for the budget.
    assert.equal(omittedSummary({ decisions_log: 1 }, 1), undefined);
    assert.equal(supersededNote(1), '1 superseded decision is not included.');
    assert.equal(omittedSummary({ decisions_log: 4, build_log: 1 }, 2), '2 decisions, 1 build-log entry');
    assert.equal(supersededNote(2), '2 superseded decisions are not included.');
    assert.equal(supersededNote(0), undefined);
  });
  it('falls back to the section name for sections it does not know', () => {
    assert.equal(omittedSummary({ merge_conflicts: 2 }), '2 merge conflicts');
  });
});
