// Job: parse one command's arguments with node:util parseArgs under the CLI's
// rules: every option is declared, unknown options and missing values are usage
// errors (exit 2), repeated options collect into lists, and values may begin
// with `-` (`--title "-5% latency"`, `--title=-5%`, a title `-5% latency`).
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A command's options: `string` (last one wins), `strings` (repeatable, in order), `boolean` (no value). */
export type FlagSpec = Record<string, 'string' | 'strings' | 'boolean'>;

export type ParsedFlags<S extends FlagSpec> = {
  [K in keyof S]?: S[K] extends 'boolean' ? boolean : S[K] extends 'strings' ? string[] : string;
};

export interface Parsed<S extends FlagSpec> {
  flags: ParsedFlags<S>;
  positionals: string[];
}

function nodeOptions(spec: FlagSpec): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, kind] of Object.entries(spec)) {
    options[name] = kind === 'boolean' ? { type: 'boolean' } : { type: 'string', multiple: kind === 'strings' };
  }
  return options;
}

/**
 * Parses `argv` (the words after the command name) against `spec`.
 *
 * parseArgs runs non-strict with tokens: in strict mode it refuses a value that
 * begins with `-` after a string option ("argument is ambiguous") and reads a
 * positional such as `-5%` as short options, both of which a title may be. The
 * tokens keep the order and the raw words, so the checks strict mode would make
 * are made here with the CLI's own messages.
 */
export function parseArgs<S extends FlagSpec>(argv: readonly string[], spec: S): Parsed<S> {
  const { tokens } = nodeParseArgs({ args: [...argv], options: nodeOptions(spec), strict: false, allowPositionals: true, tokens: true });
  const flags: Record<string, string | string[] | boolean> = {};
  const positionals: string[] = [];
  let lastShortGroup = -1;
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    if (!token.rawName.startsWith('--')) {
      // `-5%`, `-x`: the CLI has no short options, so the word is a positional
      // (parseArgs splits `-abc` into one token per letter; keep the word once).
      if (token.index !== lastShortGroup) positionals.push(argv[token.index]!);
      lastShortGroup = token.index;
      continue;
    }
    const kind = Object.hasOwn(spec, token.name) ? spec[token.name] : undefined;
    if (!kind) throw new UsageError(`unknown option --${token.name}`);
    if (kind === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`--${token.name} takes no value`);
      flags[token.name] = true;
      continue;
    }
    if (token.value === undefined) throw new UsageError(`--${token.name} needs a value`);
    if (kind === 'strings') ((flags[token.name] ??= []) as string[]).push(token.value);
    else flags[token.name] = token.value;
  }
  return { flags: flags as ParsedFlags<S>, positionals };
}
