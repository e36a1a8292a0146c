import { matchesFilter } from './filter.evaluate';
import { FILTER_EVALUATION_PREFIX, FilterEvaluationError } from './filter.errors';
import { parseFilter } from './filter.parse';

// A job as Nomad's JSON encodes it: PascalCase Go field names, nil maps as null.
const job = {
  ID: 'countdash',
  Name: 'countdash',
  Namespace: 'default',
  Type: 'service',
  Priority: 50,
  Stop: false,
  Status: 'pending',
  Datacenters: ['dc1', 'dc2'],
  NodePool: 'default',
  ParentID: '',
  Periodic: null,
  Meta: { team: 'payments', 'key with space': 'yes', empty: '', 'a/b': 'slash' },
  Constraints: null,
  SubmitTime: 1645230445788556000n,
  Weights: [1.5, 2.5],
  Ports: [8080, 9090],
  Mixed: ['a', 1, true],
  TaskGroups: [
    { Name: 'api', Count: 2, Meta: null, Tasks: [{ Name: 'web', Driver: 'docker' }] },
    { Name: 'dashboard', Count: 1, Meta: { tier: 'front' }, Tasks: [] },
  ],
};

const evaluate = (expression: string, item: unknown = job): boolean =>
  matchesFilter(parseFilter(expression), item);

describe('matchesFilter: results', () => {
  const cases: [string, boolean][] = [
    // Examples from Nomad's API docs.
    ['Datacenters contains "dc2"', true],
    ['Datacenters contains "dc3"', false],
    ['Status != "successful"', true],
    ['Status == "dead"', false],
    // Equality and coercion to the field's type.
    ['Status == pending', true],
    ['Status == `pending`', true],
    ['Priority == 50', true],
    ['Priority == "50"', true],
    ['Priority == "0x32"', true],
    ['Priority == "0o62"', true],
    ['Priority == "062"', true],
    ['Priority == "5_0"', true],
    ['Priority != 49', true],
    ['Stop == false', true],
    ['Stop == "F"', true],
    ['Stop == 0', true],
    ['Stop != true', true],
    ['SubmitTime == 1645230445788556000', true],
    ['SubmitTime == "1645230445788556001"', false],
    ['Weights contains "2.5"', true],
    ['Weights contains 3', false],
    ['Ports contains 8080', true],
    ['Ports contains "0x1f90"', true],
    ['Mixed contains "1"', true],
    ['Mixed contains "true"', true],
    ['Mixed contains "b"', false],
    // in / contains on strings, maps and slices.
    ['"dc1" in Datacenters', true],
    ['"dc9" not in Datacenters', true],
    ['Datacenters not contains "dc1"', false],
    ['Name contains "dash"', true],
    ['"count" in Name', true],
    ['"team" in Meta', true],
    ['"payments" in Meta', false],
    ['Meta contains "key with space"', true],
    // Maps: dotted and indexed selectors, missing keys.
    ['Meta.team == "payments"', true],
    ['Meta["key with space"] == "yes"', true],
    ['Meta[`key with space`] == yes', true],
    ['"/Meta/a~1b" == slash', true],
    ['Meta.missing == "x"', false],
    ['Meta.missing != "x"', true],
    ['Meta.missing is empty', true],
    ['Meta.missing is not empty', false],
    ['"x" in Meta.missing', false],
    ['"x" not in Meta.missing', true],
    ['Meta.missing matches "."', false],
    ['Meta.missing not matches "."', true],
    ['Meta.empty is empty', true],
    ['Meta.team is not empty', true],
    ['Periodic.Enabled == true', false], // nil below the root reads as a nil map
    // Emptiness of nil and empty collections.
    ['Constraints is empty', true],
    ['Meta is empty', false],
    ['ParentID is empty', true],
    ['Datacenters is not empty', true],
    ['"x" in Constraints', false],
    // Regular expressions (RE2 syntax).
    ['Name matches "^count"', true],
    ['Name matches "^Count"', false],
    ['Name matches "(?i)^COUNT"', true],
    ['Name not matches "dash$"', false],
    ['Name matches `\\Acount\\w+\\z`', true],
    ['Meta["key with space"] matches "[[:alpha:]]{3}"', true],
    // Slice elements by index.
    ['TaskGroups.0.Name == api', true],
    ['TaskGroups.1.Meta.tier == front', true],
    ['TaskGroups.0.Meta.tier == front', false],
    // Boolean logic and precedence.
    ['Status == pending and Priority == 50', true],
    ['Status == dead or Priority == 50', true],
    ['Status == dead or Priority == 50 and Stop == true', false],
    ['(Status == dead or Priority == 50) and Stop == false', true],
    ['not Status == dead', true],
    ['not (Status == pending and Stop == false)', false],
    ['not not Status == pending', true],
    ['(Status == pending) and (Priority == 50)', true],
    ['(Status == pending) and (Priority == 49)', false],
    ['(any TaskGroups as tg { tg.Name == api }) and Status == pending', true],
    // Collection expressions.
    ['any TaskGroups as tg { tg.Name == "dashboard" }', true],
    ['all TaskGroups as tg { tg.Count != 0 }', true],
    ['all TaskGroups as tg { tg.Name == "api" }', false],
    ['any TaskGroups as tg { any tg.Tasks as t { t.Driver == docker } }', true],
    ['all TaskGroups as tg { tg.Tasks is not empty }', false],
    ['any TaskGroups as i, _ { i == 1 }', true],
    ['any Datacenters as _, dc { dc == "dc2" }', true],
    ['any Meta as k { k == team }', true],
    ['all Meta as k, v { v is not empty }', false],
    ['any Meta as _, v { v == slash }', true],
    ['any Constraints as c { c.LTarget == x }', false],
    ['all Constraints as c { c.LTarget == x }', true],
    ['all Meta.missing as c { c == x }', true],
  ];

  it.each(cases)('%s → %s', (text, expected) => {
    expect(evaluate(text)).toBe(expected);
  });
});

describe('matchesFilter: evaluation errors carry go-bexpr text and Nomad prefix', () => {
  const cases: [string, string][] = [
    [
      'Stauts == dead',
      'error finding value in datum: /Stauts at part 0: couldn\'t find key: struct field with name "Stauts"',
    ],
    [
      'Priority == high',
      'error getting match value in expression: strconv.ParseInt: parsing "high": invalid syntax',
    ],
    [
      'Priority == "99999999999999999999"',
      'error getting match value in expression: strconv.ParseInt: parsing "99999999999999999999": value out of range',
    ],
    [
      'Priority == 1.5',
      'error getting match value in expression: strconv.ParseInt: parsing "1.5": invalid syntax',
    ],
    [
      'Stop == yes',
      'error getting match value in expression: strconv.ParseBool: parsing "yes": invalid syntax',
    ],
    [
      'Weights contains abc',
      'error getting match value in expression: strconv.ParseFloat: parsing "abc": invalid syntax',
    ],
    [
      'Ports contains "x"',
      'error getting match value in expression: strconv.ParseInt: parsing "x": invalid syntax',
    ],
    ['Meta == x', 'unable to find suitable primitive comparison function for matching'],
    ['Datacenters == dc1', 'unable to find suitable primitive comparison function for matching'],
    ['Periodic == x', 'unable to find suitable primitive comparison function for matching'],
    [
      'TaskGroups contains api',
      'unable to find suitable primitive comparison function for "in" comparison',
    ],
    [
      '"5" in Priority',
      'Cannot perform in/contains operations on type int for selector: "Priority"',
    ],
    [
      '"x" in Priority',
      'error getting match value in expression: strconv.ParseInt: parsing "x": invalid syntax',
    ],
    [
      'Priority is empty',
      'cannot perform is-empty operations on type int for selector: "Priority"',
    ],
    ['Priority matches "5"', 'Value of type int is not convertible to []byte'],
    ['Datacenters matches "dc"', 'Value of type []string is not convertible to []byte'],
    [
      'Name matches "("',
      'Failed to compile regular expression "(": error parsing regexp: missing closing ): `(`',
    ],
    [
      'Name matches "a\\\\1"',
      'Failed to compile regular expression "a\\\\1": error parsing regexp: invalid escape sequence: `\\1`',
    ],
    ['Name.x == 1', 'error finding value in datum: /Name/x: at part 1, invalid value kind: string'],
    [
      'TaskGroups.5.Name == x',
      'error finding value in datum: /TaskGroups/5/Name at part 1: index 5 is out of range (length = 2)',
    ],
    [
      'TaskGroups.Name == x',
      'error finding value in datum: /TaskGroups/Name at part 1: couldn\'t convert value "Name" to type int',
    ],
    ['any Priority as p { p == 1 }', 'Priority is not a list or a map'],
    [
      'any Meta as k { k.x == 1 }',
      'error finding value in datum: /k references a string so /k/x is invalid',
    ],
    [
      'any Datacenters as i, i { i == 1 }',
      '"i" cannot be used as a placeholder for both the index and the value',
    ],
  ];

  it.each(cases)('%s', (text, detail) => {
    let error: unknown;
    try {
      evaluate(text);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(FilterEvaluationError);
    expect((error as FilterEvaluationError).code).toBe('BAD_REQUEST');
    expect((error as FilterEvaluationError).detail).toBe(detail);
    expect((error as FilterEvaluationError).message).toBe(`${FILTER_EVALUATION_PREFIX}${detail}`);
  });

  it('short-circuits: an error on the right of a decided `or` never happens', () => {
    expect(evaluate('Status == pending or Stauts == x')).toBe(true);
    expect(() => evaluate('Status == dead or Stauts == x')).toThrow(FilterEvaluationError);
  });

  it('evaluates the same parsed filter against many items', () => {
    const filter = parseFilter('Name matches "^web-"');
    const names = ['web-1', 'api', 'web-2'].filter((Name) => matchesFilter(filter, { Name }));
    expect(names).toEqual(['web-1', 'web-2']);
  });
});
