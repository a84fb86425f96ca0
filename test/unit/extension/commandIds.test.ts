// Command ids against package.json, so a command a person sees always runs and
// a registered command is never hidden: every contributed command is
// registered, every registered command is contributed, and every command that
// a menu, keybinding, walkthrough or welcome-view link names exists. Read from
// the sources (the registry imports `vscode`, which plain Node lacks), under
// the registry's convention: one `export const xCommand: CampaignCommand =
// { id: CommandIds.x, ... }` per command, listed in CAMPAIGN_COMMANDS
// (commandList.ts). The registry registers every id in commandIds.ts and runs
// the listed command of that id, so the list must hold each id exactly once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CommandIds } from '../../../src/extension/commandIds';
import { CAMPAIGN_RELATIVE_PATH } from '../../../src/core/file/campaignPath';
import { repoRoot } from '../../support/fixtures';

interface Manifest {
  contributes: {
    commands?: { command: string }[];
    menus?: Record<string, { command?: string; submenu?: string }[]>;
    keybindings?: { command: string }[];
    viewsWelcome?: { contents: string }[];
    walkthroughs?: { steps: { description?: string; completionEvents?: string[] }[] }[];
    configuration?: { properties: Record<string, { default?: unknown }> };
    yamlValidation?: { fileMatch: string }[];
  };
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const contributed = (manifest.contributes.commands ?? []).map((c) => c.command);
const srcDir = join(repoRoot, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The ids of the commands the registry can run: CAMPAIGN_COMMANDS' entries, each resolved to its `id: CommandIds.x`. */
function registeredIds(): string[] {
  const commandsDir = join(srcDir, 'extension', 'commands');
  const idOf = new Map<string, string>();
  for (const file of sources(commandsDir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/export const (\w+)\s*:\s*CampaignCommand\s*=\s*\{\s*id:\s*CommandIds\.(\w+)/g)) {
      const id = (CommandIds as Record<string, string>)[m[2]!];
      assert.ok(id, `${relative(repoRoot, file)}: CommandIds.${m[2]} is not in commandIds.ts`);
      idOf.set(m[1]!, id);
    }
  }
  const registry = readFileSync(join(commandsDir, 'commandList.ts'), 'utf8');
  const list = /export const CAMPAIGN_COMMANDS[^=]*=\s*\[([^\]]*)\]/.exec(registry);
  assert.ok(list, 'CAMPAIGN_COMMANDS in commandList.ts');
  const names = list[1]!.split(',').map((s) => s.trim()).filter(Boolean);
  assert.ok(names.length > 0, 'CAMPAIGN_COMMANDS lists commands');
  return names.map((name) => {
    const id = idOf.get(name);
    assert.ok(id, `${name} in CAMPAIGN_COMMANDS: no \`export const ${name}: CampaignCommand = { id: CommandIds.… }\` under src/extension/commands`);
    return id;
  });
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

describe('command ids and package.json', () => {
  it('contributes every command once, and only commands from commandIds.ts', () => {
    assert.equal(new Set(contributed).size, contributed.length, 'a command is contributed twice');
    assert.deepEqual(sorted(contributed), sorted(Object.values(CommandIds)));
  });

  it('registers every contributed command, once, and nothing else', () => {
    const registry = readFileSync(join(srcDir, 'extension', 'commands', 'commandRegistry.ts'), 'utf8');
    assert.match(registry, /Object\.values\(CommandIds\)\.map\(/, 'the registry registers every id in commandIds.ts');
    const registered = registeredIds();
    assert.equal(new Set(registered).size, registered.length, `a command is registered twice: ${registered.join(', ')}`);
    const missing = contributed.filter((id) => !registered.includes(id));
    const undeclared = registered.filter((id) => !contributed.includes(id));
    assert.deepEqual(missing, [], 'contributed in package.json but never registered');
    assert.deepEqual(undeclared, [], 'registered but not contributed in package.json');
  });

  it('registers commands only through the registry', () => {
    const elsewhere = sources(srcDir)
      .filter((f) => !f.endsWith(join('commands', 'commandRegistry.ts')))
      .filter((f) => /\bregisterCommand\s*\(|\bregisterTextEditorCommand\s*\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(repoRoot, f));
    assert.deepEqual(elsewhere, [], 'register commands in commandRegistry.ts (the check above reads it)');
  });

  it('names only existing commands in menus, keybindings, walkthroughs and welcome links', () => {
    const named: { where: string; id: string }[] = [];
    for (const [menu, entries] of Object.entries(manifest.contributes.menus ?? {})) {
      for (const e of entries) if (e.command) named.push({ where: `menus.${menu}`, id: e.command });
    }
    for (const k of manifest.contributes.keybindings ?? []) named.push({ where: 'keybindings', id: k.command });
    const links = (text: string, where: string) => {
      for (const m of text.matchAll(/command:([\w.-]+)/g)) named.push({ where, id: m[1]! });
    };
    for (const w of manifest.contributes.viewsWelcome ?? []) links(w.contents, 'viewsWelcome');
    for (const walk of manifest.contributes.walkthroughs ?? []) {
      for (const step of walk.steps) {
        links(step.description ?? '', 'walkthroughs');
        for (const ev of step.completionEvents ?? []) if (ev.startsWith('onCommand:')) named.push({ where: 'walkthroughs', id: ev.slice('onCommand:'.length) });
      }
    }
    assert.ok(named.length > 0);
    // Ids outside the extension's namespace are VS Code's own (workbench.*).
    const unknown = named.filter((n) => n.id.startsWith('campaign.') && !contributed.includes(n.id));
    assert.deepEqual(unknown, [], 'these name commands that package.json does not contribute');
    // The Command Palette only lists contributed commands; a hidden-command entry for anything else does nothing.
    const palette = (manifest.contributes.menus?.commandPalette ?? []).map((e) => e.command!);
    assert.deepEqual(palette.filter((id) => !contributed.includes(id)), []);
  });

  it('defaults the campaign.file setting and the YAML schema to the core campaign path', () => {
    assert.equal(manifest.contributes.configuration?.properties['campaign.file']?.default, CAMPAIGN_RELATIVE_PATH);
    assert.ok((manifest.contributes.yamlValidation ?? []).some((v) => v.fileMatch === `**/${CAMPAIGN_RELATIVE_PATH}`));
  });
});
