// The position-keeping JSON reader behind the settings edits: values and
// spans agree with JSON.parse, comments and trailing commas are read, and the
// first problem comes with its offset.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nodeValue, parseJsonc, parseJsonTree } from '../../src/core/agents/jsonText';

describe('jsonText', () => {
  it('reads what JSON.parse reads, with spans that point at the text', () => {
    const samples = ['{"a": [1, -2.5e3, true, false, null, "x\\"y\\u00e9"], "b": {}}', '[]', '"s"', '0', '{"__proto__": {"polluted": 1}}'];
    for (const text of samples) {
      const { root, problems } = parseJsonTree(text);
      assert.deepEqual(problems, []);
      assert.deepEqual(nodeValue(root!), JSON.parse(text));
      assert.equal(text.slice(root!.offset, root!.offset + root!.length), text);
    }
    const { root } = parseJsonTree('{ "k" : [ 1 , 2 ] }');
    const prop = root!.children![0]!;
    assert.equal('{ "k" : [ 1 , 2 ] }'.slice(prop.offset, prop.offset + prop.length), '"k" : [ 1 , 2 ]');
    assert.equal(({} as { polluted?: number }).polluted, undefined);
  });

  it('reads comments and trailing commas', () => {
    assert.deepEqual(parseJsonc('// c\n{ /* x */ "a": 1, "b": [2,], }\n'), { a: 1, b: [2] });
  });

  it('reports the first problem with its offset', () => {
    const cases: [string, number, RegExp][] = [
      ['{"a": 1 "b": 2}', 8, /expected "," or "}", found a string/],
      ['{"a" 1}', 5, /expected ":"/],
      ['{a: 1}', 1, /property name in double quotes, found "a"/],
      ['[1, 2', 5, /expected "," or "]", found the end of the file/],
      ['{"a": tru}', 6, /expected a value, found "tru"/],
      ['{} x', 3, /expected the end of the file/],
      ['  ', 2, /empty/],
      ['{"a": "x', 6, /unterminated string/],
      ['/* open', 0, /unterminated comment/],
    ];
    for (const [text, offset, message] of cases) {
      const { root, problems } = parseJsonTree(text);
      assert.equal(root, undefined, text);
      assert.equal(problems[0]!.offset, offset, text);
      assert.match(problems[0]!.message, message);
    }
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const { problems } = parseJsonTree('['.repeat(100_000));
    assert.match(problems[0]!.message, /nesting too deep/);
  });
});
