import { parseIndexNotification } from './index-notification';

describe('parseIndexNotification', () => {
  it('reads the projector payload', () => {
    expect(
      parseIndexNotification('{"applied": 12, "tables": {"rm_jobs": 12, "rm_nodes": 3}}'),
    ).toEqual({
      applied: 12,
      tables: { rm_jobs: 12, rm_nodes: 3 },
    });
    expect(parseIndexNotification('{"applied": 4}')).toEqual({ applied: 4, tables: {} });
  });

  it.each([
    '',
    'not json',
    '[]',
    '{"tables": {}}',
    '{"applied": -1}',
    '{"applied": 1, "tables": {"t": "2"}}',
    '{"applied": 1.5}',
  ])('rejects %p', (payload) => {
    expect(parseIndexNotification(payload)).toBeUndefined();
  });
});
