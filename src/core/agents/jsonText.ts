// Job: read JSON with comments (settings files, .mcp.json) into a tree that
// keeps every node's offset and length, so callers can edit the text in place.
// jsonc-parser does the reading (the parser VS Code uses for its own settings);
// this module adds what Campaign promises on top: the first problem in words a
// person can act on, a depth limit checked before the (recursive) parser runs,
// and values read without letting a "__proto__" key touch a prototype.
import { createScanner, parseTree, printParseErrorCode, visit, type Node } from 'jsonc-parser';

type ErrorName = ReturnType<typeof printParseErrorCode>;

// jsonc-parser's token kinds are a const enum (not importable under isolatedModules); these are its documented values.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

export type JsonNode = Node;
export type JsonNodeType = Node['type'];

export interface JsonProblem {
  offset: number;
  message: string;
}

export interface JsonParseResult {
  root?: JsonNode;
  problems: JsonProblem[];
}

const MAX_DEPTH = 512;
const OPTIONS = { allowTrailingComma: true, disallowComments: false };

/** What sits at `offset`, for messages: "the end of the file", "a string" or the word there. */
function describeAt(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  if (text[offset] === '"') return 'a string';
  const word = /^[^\s,:[\]{}"]{1,20}/.exec(text.slice(offset))?.[0] ?? text[offset]!;
  return `"${word}"`;
}

/** The offset where nesting first goes deeper than MAX_DEPTH, if it does (strings and comments are skipped by the scanner). */
function tooDeepAt(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      if (++depth > MAX_DEPTH) return scanner.getTokenOffset();
    } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) depth--;
  }
  return undefined;
}

interface RawError {
  code: ErrorName;
  offset: number;
  /** The closing character of the innermost open container when the error was seen. */
  close: '}' | ']' | undefined;
}

function firstProblem(text: string, errors: RawError[]): JsonProblem {
  const first = errors[0]!;
  let { code } = first;
  const { offset } = first;
  // An unquoted word is reported as a bad symbol, then as whatever the parser wanted in its place.
  if (code === 'InvalidSymbol') {
    const next = errors[1];
    code = next ? next.code : first.close === undefined ? 'EndOfFileExpected' : 'ValueExpected';
  }
  const found = describeAt(text, offset);
  const close = first.close ?? '}';
  switch (code) {
    case 'CommaExpected':
      return { offset, message: `expected "," or "${close}", found ${found}` };
    case 'CloseBraceExpected':
      return { offset, message: `expected "," or "}", found ${found}` };
    case 'CloseBracketExpected':
      return { offset, message: `expected "," or "]", found ${found}` };
    case 'ColonExpected':
      return { offset, message: `expected ":" after the property name, found ${found}` };
    case 'PropertyNameExpected':
      return { offset, message: `expected a property name in double quotes, found ${found}` };
    case 'EndOfFileExpected':
      return { offset, message: `expected the end of the file after the value, found ${found}` };
    case 'UnexpectedEndOfString':
      return { offset, message: 'unterminated string' };
    case 'UnexpectedEndOfComment':
      return { offset, message: 'unterminated comment' };
    case 'InvalidCharacter':
      return { offset, message: 'a control character in a string (write it escaped)' };
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return { offset, message: 'an invalid escape in a string' };
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return { offset, message: `an invalid number, found ${found}` };
    default:
      return { offset, message: `expected a value, found ${found}` };
  }
}

/** Parses JSON with comments and trailing commas; the tree, or the first problem with its offset. */
export function parseJsonTree(text: string): JsonParseResult {
  if (text.trim() === '') return { problems: [{ offset: text.length, message: 'the file is empty; expected a JSON object' }] };
  const deep = tooDeepAt(text);
  if (deep !== undefined) return { problems: [{ offset: deep, message: 'nesting too deep' }] };
  const errors: RawError[] = [];
  const open: ('}' | ']')[] = [];
  visit(
    text,
    {
      onObjectBegin: () => void open.push('}'),
      onObjectEnd: () => void open.pop(),
      onArrayBegin: () => void open.push(']'),
      onArrayEnd: () => void open.pop(),
      onError: (code, offset) => void errors.push({ code: printParseErrorCode(code), offset, close: open[open.length - 1] }),
    },
    OPTIONS,
  );
  if (errors.length > 0) return { problems: [firstProblem(text, errors)] };
  const root = parseTree(text, [], OPTIONS);
  if (!root) return { problems: [{ offset: 0, message: 'expected a value' }] };
  return { root, problems: [] };
}

/** The plain value a node stands for. */
export function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of node.children ?? []) {
        // defineProperty: a "__proto__" key is data, not the object's prototype.
        Object.defineProperty(out, p.children![0]!.value as string, { value: nodeValue(p.children![1]!), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    case 'property':
      return nodeValue(node.children![1]!);
    default:
      return node.value;
  }
}

/** Parses JSON with comments into a plain value; throws on the first problem. */
export function parseJsonc(text: string): unknown {
  const { root, problems } = parseJsonTree(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!root) throw new SyntaxError(problems[0]?.message ?? 'invalid JSON');
  return nodeValue(root);
}
