// Input box validation for required and optional single-line fields.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { optionalText, requiredText } from '../../../src/extension/inputValidation';

describe('input validation', () => {
  it('requires text that is not blank', () => {
    const check = requiredText('The title');
    assert.equal(check('   '), 'The title cannot be empty.');
    assert.equal(check('Ship it'), undefined);
  });
  it('limits the length', () => {
    assert.match(requiredText('The title', 5)('123456') ?? '', /too long \(6 characters; at most 5\)/);
    assert.match(optionalText('The purpose', 3)('abcd') ?? '', /too long/);
    assert.equal(optionalText('The purpose')(''), undefined);
  });
});
