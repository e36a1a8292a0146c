import type { Expression } from './filter.ast';
import { FILTER_PARSE_PREFIX, FilterParseError } from './filter.errors';
import { parseFilter } from './filter.parse';

const sel = (...path: string[]) => ({ type: 'bexpr' as const, path });
const match = (
  selector: ReturnType<typeof sel> | { type: 'jsonPointer'; path: string[] },
  operator: string,
  value?: string,
): Expression =>
  (value === undefined
    ? { kind: 'match', selector, operator }
    : { kind: 'match', selector, operator, value }) as Expression;

describe('parseFilter: accepted expressions', () => {
  const cases: [string, Expression][] = [
    ['Status == "dead"', match(sel('Status'), 'Equal', 'dead')],
    ['Status==dead', match(sel('Status'), 'Equal', 'dead')],
    ['Status != `running`', match(sel('Status'), 'NotEqual', 'running')],
    ['Datacenters contains "dc2"', match(sel('Datacenters'), 'In', 'dc2')],
    ['"dc1" in Datacenters', match(sel('Datacenters'), 'In', 'dc1')],
    ['"dc1" not in Datacenters', match(sel('Datacenters'), 'NotIn', 'dc1')],
    ['Datacenters not contains dc1', match(sel('Datacenters'), 'NotIn', 'dc1')],
    ['Meta.team == "payments"', match(sel('Meta', 'team'), 'Equal', 'payments')],
    ['Meta["key with space"] == x', match(sel('Meta', 'key with space'), 'Equal', 'x')],
    ['Meta[ `k` ] is empty', match(sel('Meta', 'k'), 'IsEmpty')],
    ['Meta is not empty', match(sel('Meta'), 'IsNotEmpty')],
    ['TaskGroups.0.Name == web', match(sel('TaskGroups', '0', 'Name'), 'Equal', 'web')],
    ['Name matches "^web-[0-9]+$"', match(sel('Name'), 'Matches', '^web-[0-9]+$')],
    ['Name not matches `\\d`', match(sel('Name'), 'NotMatches', '\\d')],
    ['Priority == 50', match(sel('Priority'), 'Equal', '50')],
    ['Priority == -0.5', match(sel('Priority'), 'Equal', '-0.5')],
    ['Stop == true', match(sel('Stop'), 'Equal', 'true')],
    ['Meta.path == Meta.other', match(sel('Meta', 'path'), 'Equal', 'Meta.other')],
    ['"/Meta/team" == x', match({ type: 'jsonPointer', path: ['Meta', 'team'] }, 'Equal', 'x')],
    ['"/a~1b/c~0d" == x', match({ type: 'jsonPointer', path: ['a/b', 'c~d'] }, 'Equal', 'x')],
    // A quoted value shaped like a JSON pointer is read as a selector and loses its slash.
    ['Meta.p == "/srv/www"', match(sel('Meta', 'p'), 'Equal', 'srv/www')],
    ['Meta.p == "a\\tb\\u00e9"', match(sel('Meta', 'p'), 'Equal', 'a\tb\u00e9')],
    ['Meta.p == "\\xc3\\xa9"', match(sel('Meta', 'p'), 'Equal', '\u00e9')],
    ['Meta.p == `a\\nb`', match(sel('Meta', 'p'), 'Equal', 'a\\nb')],
    ['Meta.p == ""', match(sel('Meta', 'p'), 'Equal', '')],
    ['note == x', match(sel('note'), 'Equal', 'x')],
    ['not == x', match(sel('not'), 'Equal', 'x')],
    ['not not a == 1', match(sel('a'), 'Equal', '1')],
    ['not a == 1', { kind: 'not', operand: match(sel('a'), 'Equal', '1') }],
    ['  ( a == 1 )  ', match(sel('a'), 'Equal', '1')],
    [
      'a == 1 or b == 2 and c == 3',
      {
        kind: 'or',
        left: match(sel('a'), 'Equal', '1'),
        right: {
          kind: 'and',
          left: match(sel('b'), 'Equal', '2'),
          right: match(sel('c'), 'Equal', '3'),
        },
      },
    ],
    [
      '(a == 1 or b == 2) and not c == 3',
      {
        kind: 'and',
        left: {
          kind: 'or',
          left: match(sel('a'), 'Equal', '1'),
          right: match(sel('b'), 'Equal', '2'),
        },
        right: { kind: 'not', operand: match(sel('c'), 'Equal', '3') },
      },
    ],
    [
      'any TaskGroups as tg { tg.Name == "web" }',
      {
        kind: 'collection',
        op: 'any',
        selector: sel('TaskGroups'),
        binding: { mode: 'default', name: 'tg' },
        inner: match(sel('tg', 'Name'), 'Equal', 'web'),
      },
    ],
    [
      'all Meta as k, v { v != "" }',
      {
        kind: 'collection',
        op: 'all',
        selector: sel('Meta'),
        binding: { mode: 'indexAndValue', index: 'k', value: 'v' },
        inner: match(sel('v'), 'NotEqual', ''),
      },
    ],
  ];

  it.each(cases)('%s', (text, ast) => {
    expect(parseFilter(text)).toEqual({ expression: text, ast });
  });
});

describe('parseFilter: rejected expressions carry go-bexpr text and Nomad prefix', () => {
  const cases: [string, string][] = [
    ['foo == "12x', '1:12 (11): rule "string": Unterminated string literal'],
    ['foo == `12x', '1:12 (11): rule "string": Unterminated string literal'],
    ['foo == 3x', '1:9 (8): rule "number": Invalid number literal'],
    ['foo == 1e5', '1:9 (8): rule "number": Invalid number literal'],
    ['Priority == 0x32', '1:14 (13): rule "number": Invalid number literal'],
    ['foo[3] == abc', '1:5 (4): rule "index": Invalid index'],
    ['x in foo["abc"', '1:15 (14): rule "index": Unclosed index expression'],
    ['foo["abc" == 3', '1:11 (10): rule "index": Unclosed index expression'],
    ['x in 32', '1:6 (5): rule "match": Invalid selector'],
    ['32 == 32', '1:4 (3): no match found, expected: "in", "not" or [ \\t\\r\\n]'],
    ['32 is empty', '1:4 (3): no match found, expected: "in", "not" or [ \\t\\r\\n]'],
    ['x in foo abc', '1:10 (9): no match found, expected: "and", "or", [ \\t\\r\\n] or EOF'],
    [
      'x in foo and ',
      '1:14 (13): no match found, expected: "(", "-", "0", "\\"", "`", "not", [ \\t\\r\\n], [1-9] or [a-zA-Z]',
    ],
    [
      'x in foo or ',
      '1:13 (12): no match found, expected: "(", "-", "0", "\\"", "`", "all", "any", "not", [ \\t\\r\\n], [1-9] or [a-zA-Z]',
    ],
    [
      'x in foo or not ',
      '1:17 (16): no match found, expected: "!=", "(", "-", "0", "==", "\\"", "`", "contains", "in", "is", "matches", "not", [ \\t\\r\\n], [1-9] or [a-zA-Z]',
    ],
    ['(foo == 4', '1:10 (9): rule "grouping": Unmatched parentheses'],
    [
      '"/hy-phen/under_score/" == 3',
      '1:25 (24): no match found, expected: "in", "not" or [ \\t\\r\\n]',
    ],
    [
      'all group.tasks as { t.name == "hello" }',
      '1:20 (19): no match found, expected: "_", [ \\t\\r\\n] or [a-zA-Z]',
    ],
    ['all as t { t.name == "hello" }', '1:8 (7): no match found, expected: "as" or [ \\t\\r\\n]'],
    ['a == "x\\"y"', '1:6 (5): rule "string": invalid syntax'],
    ['a == "it\\\'s"', '1:6 (5): rule "string": invalid syntax'],
    // Offsets are UTF-8 bytes and columns are runes, as in Go.
    [
      'Meta["é"] ==',
      '1:13 (13): no match found, expected: "-", "0", "\\"", "`", [ \\t\\r\\n], [1-9] or [a-zA-Z]',
    ],
    ['a == 1\nor', '2:3 (9): no match found, expected: [ \\t\\r\\n]'],
  ];

  it.each(cases)('%s', (text, detail) => {
    let error: unknown;
    try {
      parseFilter(text);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(FilterParseError);
    expect((error as FilterParseError).code).toBe('BAD_REQUEST');
    expect((error as FilterParseError).detail).toBe(detail);
    expect((error as FilterParseError).message).toBe(`${FILTER_PARSE_PREFIX}${detail}`);
  });

  it('uses the message Nomad returns with its 400', () => {
    expect(() => parseFilter('Status ==')).toThrow(
      'failed to create result paginator: failed to read filter expression: 1:10 (9): no match found',
    );
  });

  it('caps parser work on pathological nesting instead of hanging', () => {
    const text = `${'('.repeat(40)}a == 1`;
    expect(() => parseFilter(text)).toThrow(/max number of expresssions parsed/);
  });
});
