import { aNode } from '../testing/scheduler-builders';
import { checkOperand } from './operands';
import { resolveTarget } from './targets';

// Given a node, when a constraint's targets are resolved and its operand applied, then the
// verdict is Nomad's.

const node = aNode(7, {
  name: 'worker-7',
  datacenter: 'eu-west-1a',
  nodeClass: 'gpu',
  nodePool: 'batch',
  attributes: {
    'kernel.name': 'linux',
    'cpu.numcores': '8',
    'cpu.frequency': '2400.5',
    'nomad.version': '1.10.2',
    'driver.docker.version': '27.1.0-beta.2',
    'unique.hostname': 'host-7',
  },
  meta: { rack: 'r1', tags: 'ssd, fast,gpu' },
});

function check(l: string, op: string, r: string): boolean {
  return checkOperand(op, resolveTarget(l, node), resolveTarget(r, node));
}

describe('constraint targets', () => {
  it.each([
    ['linux', 'linux'],
    ['${node.unique.id}', 'node-0007'],
    ['${node.unique.name}', 'worker-7'],
    ['${node.datacenter}', 'eu-west-1a'],
    ['${node.class}', 'gpu'],
    ['${node.pool}', 'batch'],
    ['${attr.kernel.name}', 'linux'],
    ['${meta.rack}', 'r1'],
  ])('resolves %s to %s', (target, value) => {
    expect(resolveTarget(target, node)).toEqual({ found: true, value });
  });

  it.each(['${attr.missing}', '${meta.missing}', '${node.other}', '${env.HOME}'])(
    'does not find %s',
    (target) => expect(resolveTarget(target, node)).toEqual({ found: false }),
  );
});

describe('constraint operands', () => {
  it.each<[string, string, string, boolean]>([
    ['${attr.kernel.name}', '=', 'linux', true],
    ['${attr.kernel.name}', '==', 'windows', false],
    ['${attr.kernel.name}', 'is', 'linux', true],
    ['${attr.missing}', '=', '${attr.missing}', false],
    ['${attr.kernel.name}', '!=', 'windows', true],
    ['${attr.kernel.name}', 'not', 'linux', false],
    // Both sides missing compare as "" and are equal, so != is false.
    ['${attr.missing}', '!=', '${meta.missing}', false],
    ['${attr.missing}', '!=', 'x', true],
    ['${attr.cpu.numcores}', '>', '4', true],
    ['${attr.cpu.numcores}', '>=', '8', true],
    ['${attr.cpu.numcores}', '<', '10', true], // integer, not lexical ("8" > "10" lexically)
    ['${attr.cpu.numcores}', '<=', '7', false],
    ['${attr.cpu.frequency}', '>', '2400.25', true], // float
    ['${attr.kernel.name}', '<', 'mac', true], // lexical
    ['${attr.missing}', '<', '5', false],
    ['${attr.kernel.name}', 'regexp', 'lin', true], // unanchored
    ['${attr.kernel.name}', 'regexp', '^win', false],
    ['${attr.kernel.name}', 'regexp', '(', false], // invalid pattern never matches
    ['${meta.tags}', 'set_contains', 'ssd,gpu', true],
    ['${meta.tags}', 'set_contains_all', 'ssd, nvme', false],
    ['${meta.tags}', 'set_contains_any', 'nvme,fast', true],
    ['${meta.tags}', 'set_contains_any', 'nvme', false],
    ['${attr.nomad.version}', 'version', '>= 1.9, < 2.0', true],
    ['${attr.nomad.version}', 'version', '~> 1.10.0', true],
    ['${attr.nomad.version}', 'version', '~> 1.9.0', false],
    ['${attr.nomad.version}', 'version', '!= 1.10.2', false],
    // go-version: a pre-release only matches a constraint naming a pre-release of that base.
    ['${attr.driver.docker.version}', 'version', '>= 20.0', false],
    ['${attr.driver.docker.version}', 'version', '>= 27.1.0-alpha', true],
    // semver: plain SemVer 2.0 ordering.
    ['${attr.driver.docker.version}', 'semver', '>= 20.0.0', true],
    ['${attr.driver.docker.version}', 'semver', '>= 27.1.0', false],
    ['${attr.nomad.version}', 'semver', '>= 1.10', false], // semver needs three parts
    ['${attr.missing}', 'version', '>= 1.0', false],
    ['${meta.rack}', 'is_set', '', true],
    ['${meta.zone}', 'is_set', '', false],
    ['${meta.zone}', 'is_not_set', '', true],
    ['${meta.rack}', 'is_not_set', '', false],
    ['${node.unique.id}', 'distinct_hosts', '', true], // enforced elsewhere
    ['${meta.rack}', 'distinct_property', '1', true], // enforced elsewhere
    ['${meta.rack}', 'bogus', 'r1', false],
  ])('%s %s %s → %s', (l, op, r, expected) => {
    expect(check(l, op, r)).toBe(expected);
  });
});
