// The architecture's import rules (DESIGN.md "Topology", STYLE.md "Shape of the repository"),
// checked by `npm run lint` on the resolved import graph, so relative paths count as much as
// aliases. A lib is a folder under libs/ (libs/domain/<context> for the domain); its public
// face is src/index.ts, which the `@caravan/<lib>` alias resolves to.

const LIB = '(?:domain/[^/]+|[^/]+)';
const LIB_INDEX = `^libs/${LIB}/src/index\\.ts$`;
// Test code: specs, fixtures, a lib's test/ folder and the testkit.
const TEST_CODE = `\\.(spec|int-spec|e2e-spec|fixture|fixtures|int-fixture)\\.ts$|^libs/${LIB}/test/|^libs/testkit/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'apps-never-import-apps',
      comment:
        'An app is a composition root; two apps share code through libs/, never through each other.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-only-through-index',
      comment:
        "Outside a lib, use it through its index.ts (`@caravan/<lib>`): what a lib's src holds besides is its own business.",
      severity: 'error',
      from: { path: `^libs/(${LIB})/` },
      to: { path: '^libs/', pathNot: [`^libs/$1/`, LIB_INDEX] },
    },
    {
      name: 'apps-and-tests-use-libs-through-index',
      comment: 'Apps, whole-system tests and benchmarks see the same public face of a lib.',
      severity: 'error',
      from: { path: '^(apps|test|bench)/' },
      to: { path: '^libs/', pathNot: LIB_INDEX },
    },
    {
      name: 'domain-imports-only-domain-and-wire-types',
      comment:
        "The domain is pure: it imports itself, the Nomad wire types (@caravan/nomad-api) and re2js (Go regexp semantics are part of Nomad's rules; pure computation, no I/O). No Nest, TypeORM, pg, kafkajs or infrastructure lib.",
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: TEST_CODE },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: ['^libs/domain/', '^libs/nomad-api/', '^node_modules/re2js/'],
      },
    },
    {
      name: 'domain-uses-only-pure-node-builtins',
      comment:
        'Of node builtins the domain needs only path arithmetic: no fs, net, timers or crypto.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?path$' },
    },
    {
      name: 'wire-types-import-nothing',
      comment:
        '@caravan/nomad-api is shapes only, so the domain can depend on it without pulling in behaviour.',
      severity: 'error',
      from: { path: '^libs/nomad-api/' },
      to: { pathNot: '^libs/nomad-api/' },
    },
    {
      name: 'production-code-never-imports-test-code',
      comment:
        'Fixtures, specs and the testkit stay out of the production build (tsconfig.build.json excludes them), so nothing that ships may import them.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|infra)/|(^|/)\\.caravan/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
