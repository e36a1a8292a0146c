import { RouteMatcher } from './route-matcher';

describe('RouteMatcher', () => {
  const routes = new RouteMatcher();
  routes.add('/v1/jobs', 'GET');
  routes.add('/v1/jobs', ['PUT', 'POST']);
  routes.add('/v1/job/*', 'GET');
  routes.add('/v1/node/:id', 'get');

  it('collects the methods of every pattern matching a path', () => {
    expect([...routes.methodsFor('/v1/jobs')].sort()).toEqual(['GET', 'POST', 'PUT']);
    expect([...routes.methodsFor('/v1/job/batch/dispatch-1-abc')]).toEqual(['GET']);
    expect([...routes.methodsFor('/v1/node/n1')]).toEqual(['GET']);
  });

  it('matches nothing for unknown paths', () => {
    expect(routes.methodsFor('/v1/jobs/').size).toBe(0);
    expect(routes.methodsFor('/v1/node/a/b').size).toBe(0);
    expect(routes.methodsFor('/v1/jobsx').size).toBe(0);
  });

  it('treats pattern text literally', () => {
    const literal = new RouteMatcher();
    literal.add('/v1/a.b', 'GET');
    expect(literal.methodsFor('/v1/aXb').size).toBe(0);
    expect(literal.methodsFor('/v1/a.b').size).toBe(1);
  });
});
