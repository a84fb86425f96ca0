// A small JSON reader that keeps positions: every value, property and key
// comes with its offset and length in the text, so callers can edit the text
// in place (insert or cut one span) instead of re-serialising a file a person
// formatted. It accepts what editors accept in settings files — `//` and
// `/* */` comments and trailing commas — and reports the first problem with
// its offset. Depth is limited so hostile input cannot exhaust the stack.

export type JsonNodeType = 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';

export interface JsonNode {
  type: JsonNodeType;
  offset: number;
  length: number;
  /** object: property nodes; array: element nodes; property: [key, value]. */
  children?: JsonNode[];
  /** The value of a string, number, boolean or null node. */
  value?: unknown;
}

export interface JsonProblem {
  offset: number;
  message: string;
}

export interface JsonParseResult {
  root?: JsonNode;
  problems: JsonProblem[];
}

const MAX_DEPTH = 512;

class Stop extends Error {
  constructor(readonly problem: JsonProblem) {
    super(problem.message);
  }
}

export function parseJsonTree(text: string): JsonParseResult {
  let pos = 0;
  const fail = (message: string, at = pos): never => {
    throw new Stop({ offset: at, message });
  };

  const skipTrivia = () => {
    for (;;) {
      const c = text[pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') pos++;
      else if (c === '/' && text[pos + 1] === '/') {
        while (pos < text.length && text[pos] !== '\n') pos++;
      } else if (c === '/' && text[pos + 1] === '*') {
        const end = text.indexOf('*/', pos + 2);
        if (end < 0) fail('unterminated comment');
        pos = end + 2;
      } else return;
    }
  };

  const describe = () => {
    if (pos >= text.length) return 'the end of the file';
    if (text[pos] === '"') return 'a string';
    const word = /^[^\s,:[\]{}"]{1,20}/.exec(text.slice(pos))?.[0] ?? text[pos]!;
    return `"${word}"`;
  };

  const parseString = (): JsonNode => {
    const start = pos;
    pos++;
    for (;;) {
      if (pos >= text.length) fail('unterminated string', start);
      const c = text[pos]!;
      if (c === '"') break;
      if (c === '\\') pos += 2;
      else if (c < ' ') fail('a control character in a string (write it escaped)');
      else pos++;
    }
    pos++;
    const raw = text.slice(start, pos);
    let value: string;
    try {
      value = JSON.parse(raw) as string;
    } catch {
      return fail('an invalid escape in a string', start);
    }
    return { type: 'string', offset: start, length: pos - start, value };
  };

  const parseValue = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    skipTrivia();
    const c = text[pos];
    const start = pos;
    if (c === '{' || c === '[') {
      const isObject = c === '{';
      const close = isObject ? '}' : ']';
      const node: JsonNode = { type: isObject ? 'object' : 'array', offset: start, length: 0, children: [] };
      pos++;
      skipTrivia();
      if (text[pos] === close) {
        pos++;
        node.length = pos - start;
        return node;
      }
      for (;;) {
        skipTrivia();
        if (isObject) {
          if (text[pos] !== '"') fail(`expected a property name in double quotes, found ${describe()}`);
          const key = parseString();
          skipTrivia();
          if (text[pos] !== ':') fail(`expected ":" after the property name, found ${describe()}`);
          pos++;
          const value = parseValue(depth + 1);
          node.children!.push({ type: 'property', offset: key.offset, length: value.offset + value.length - key.offset, children: [key, value] });
        } else {
          node.children!.push(parseValue(depth + 1));
        }
        skipTrivia();
        if (text[pos] === ',') {
          pos++;
          skipTrivia();
          if (text[pos] === close) break; // a trailing comma, as editors allow
          continue;
        }
        if (text[pos] === close) break;
        fail(`expected "," or "${close}", found ${describe()}`);
      }
      pos++;
      node.length = pos - start;
      return node;
    }
    if (c === '"') return parseString();
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    number.lastIndex = pos;
    const n = number.exec(text);
    if (n) {
      pos += n[0].length;
      return { type: 'number', offset: start, length: n[0].length, value: Number(n[0]) };
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return { type: value === null ? 'null' : 'boolean', offset: start, length: word.length, value };
      }
    }
    return fail(`expected a value, found ${describe()}`);
  };

  try {
    skipTrivia();
    if (pos >= text.length) return { problems: [{ offset: pos, message: 'the file is empty; expected a JSON object' }] };
    const root = parseValue(0);
    skipTrivia();
    if (pos < text.length) fail(`expected the end of the file after the value, found ${describe()}`);
    return { root, problems: [] };
  } catch (err) {
    if (err instanceof Stop) return { problems: [err.problem] };
    throw err;
  }
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
