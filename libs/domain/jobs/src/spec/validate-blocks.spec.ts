import { validateAffinity, validateConstraint } from './validate-blocks';

// Nomad compiles a `regexp` operand with Go's regexp (RE2) and quotes the compile error.
describe('regexp constraints and affinities follow RE2', () => {
  const constraint = (RTarget: string) => ({
    LTarget: '${attr.os.name}',
    RTarget,
    Operand: 'regexp',
  });

  it.each(['^ubuntu-(20|22)\\.04$', '(?i)ubuntu', '\\pL+', '(?P<v>\\d+)'])(
    'accepts %s',
    (pattern) => {
      expect(validateConstraint(constraint(pattern))).toEqual([]);
    },
  );

  it.each([
    ['(a)\\1', 'error parsing regexp: invalid escape sequence: `\\1`'],
    ['(?=x)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`'],
    ['(', 'error parsing regexp: missing closing ): `(`'],
  ])(
    'rejects %s with Go’s message, though JavaScript would compile it or word it otherwise',
    (pattern, message) => {
      expect(validateConstraint(constraint(pattern))).toEqual([
        `Regular expression failed to compile: ${message}`,
      ]);
      expect(validateAffinity({ ...constraint(pattern), Weight: 50 })).toEqual([
        `Regular expression failed to compile: ${message}`,
      ]);
    },
  );
});
