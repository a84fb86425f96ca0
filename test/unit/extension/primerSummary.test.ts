// What Copy Session Primer says the budget left out.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { omittedSummary } from '../../../src/extension/primerSummary';

describe('omittedSummary', () => {
  it('is undefined when everything fit', () => {
    assert.equal(omittedSummary({}), undefined);
    assert.equal(omittedSummary({ remaining_work: 0 }), undefined);
  });
  it('names each section in words, singular or plural', () => {
    assert.equal(omittedSummary({ remaining_work: 1, decisions_log: 5, build_log: 2 }), '1 work item, 5 decisions, 2 build-log entries');
    assert.equal(omittedSummary({ build_log: 1 }), '1 build-log entry');
  });
  it('falls back to the section name for sections it does not know', () => {
    assert.equal(omittedSummary({ merge_conflicts: 2 }), '2 merge conflicts');
  });
});
