// Operations name the top-level sections they may change, so an edit compares
// only those with the file as read (docs/edit-path.md). The unit tests run
// with CampaignDocument.checkSections on: every named operation is diffed in
// full as well, and one that strays is a bug caught here and in the fuzz suite.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { setScalar } from '../../src/core/document/yamlEdit';
import type { Operation } from '../../src/core/operations/operation';
import { addWork } from '../../src/core/operations/workOps';
import { isMap } from 'yaml';

const TEXT = 'version: 1\nidentity:\n  name: Auth   # the service\nremaining_work:\n  - id: w1\n    title: Ship it\n    priority: high\n    status: todo\n';
const ctx = { now: new Date(2026, 11, 6, 9, 0) };

/** Says it changes remaining_work, and renames the project too. */
const straying: Operation = {
  name: 'test.stray',
  sections: ['remaining_work'],
  apply(cd) {
    const identity = cd.root().get('identity', true);
    if (isMap(identity)) setScalar(cd.doc, identity, 'name', 'Renamed');
    cd.changed();
  },
};

describe('operations name the sections they change', () => {
  it('the unit tests run with the check on', () => {
    assert.equal(CampaignDocument.checkSections, true);
  });

  it('an operation that changes a section it does not name is caught, and the document is left as it was', () => {
    const cd = CampaignDocument.parse(TEXT);
    assert.throws(() => cd.apply(straying, ctx), /changed sections it does not name \(identity\)/);
    assert.equal(cd.toString(), TEXT);
    assert.equal(cd.model.identity.name, 'Auth');
  });

  it('a named operation splices its own section and leaves every other byte', () => {
    const cd = CampaignDocument.parse(TEXT);
    cd.apply(addWork({ title: 'Rotate keys' }), ctx);
    const out = cd.toString();
    assert.equal(cd.lastEdit?.path, 'splice');
    assert.ok(out.startsWith(TEXT), 'the new item is appended after the original text, which is unchanged');
    assert.deepEqual(cd.model.remaining_work.map((w) => w.title), ['Ship it', 'Rotate keys']);
  });
});
