// A small, strict argument parser: every flag is declared, unknown flags and
// missing values are usage errors (exit 2), repeated flags collect into lists.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type FlagSpec = Record<string, 'string' | 'strings' | 'boolean'>;

export type ParsedFlags<S extends FlagSpec> = {
  [K in keyof S]?: S[K] extends 'boolean' ? boolean : S[K] extends 'strings' ? string[] : string;
};

export interface Parsed<S extends FlagSpec> {
  flags: ParsedFlags<S>;
  positionals: string[];
}

export function parseArgs<S extends FlagSpec>(argv: readonly string[], spec: S): Parsed<S> {
  const flags: Record<string, unknown> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq > 0 ? eq : undefined);
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'boolean') {
      if (eq > 0) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      i++;
    }
    if (kind === 'strings') ((flags[name] ??= []) as string[]).push(value);
    else flags[name] = value;
  }
  return { flags: flags as ParsedFlags<S>, positionals };
}
