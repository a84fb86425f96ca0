// The status bar's session menu obeys the Command Palette's `when` clauses:
// each clause in package.json is evaluated for every combination of the
// context keys, and the menu must offer exactly the commands it allows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SESSION_MENU_COMMANDS, sessionMenuItems, type MenuState } from '../../../src/extension/sessionMenuItems';

interface PaletteEntry {
  command: string;
  when?: string;
}
const pkg = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as { contributes: { menus: { commandPalette: PaletteEntry[] } } };
const palette = pkg.contributes.menus.commandPalette;

/** Evaluates the `a && !b && c` clauses the palette uses (anything richer fails the test, on purpose). */
function evaluate(when: string | undefined, keys: Record<string, boolean>): boolean {
  if (!when) return true;
  return when.split('&&').every((term) => {
    const t = term.trim();
    const negated = t.startsWith('!');
    const key = negated ? t.slice(1) : t;
    if (!(key in keys)) throw new Error(`unexpected term "${t}" in a palette when clause used by the session menu`);
    return negated ? !keys[key] : keys[key]!;
  });
}

const states: MenuState[] = [];
for (let bits = 0; bits < 16; bits++) {
  states.push({ hasCampaign: !!(bits & 1), invalid: !!(bits & 2), readOnly: !!(bits & 4), sessionActive: !!(bits & 8) });
}

describe('session menu', () => {
  it('offers exactly what the Command Palette offers, in every state', () => {
    for (const s of states) {
      const keys = { 'campaign.hasCampaign': s.hasCampaign, 'campaign.invalid': s.invalid, 'campaign.readOnly': s.readOnly, 'campaign.sessionActive': s.sessionActive };
      const expected = SESSION_MENU_COMMANDS.filter((id) => evaluate(palette.find((p) => p.command === id)?.when, keys));
      assert.deepEqual(sessionMenuItems(s).map((i) => i.command), expected, JSON.stringify(s));
    }
  });
  it('offers nothing that writes while the file is broken', () => {
    const offered = sessionMenuItems({ hasCampaign: true, invalid: true, readOnly: false, sessionActive: true }).map((i) => i.command);
    assert.deepEqual(offered, ['campaign.copyPrimer', 'campaign.showPrimer', 'campaign.openFile']);
  });
});
