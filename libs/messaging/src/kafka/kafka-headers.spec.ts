import { headersToStrings } from './kafka-headers';

describe('headersToStrings', () => {
  it('decodes byte headers as UTF-8, keeps the last of a repeated header, drops absent ones', () => {
    expect(
      headersToStrings({
        'event-id': Buffer.from('e-1'),
        'log-index': '12',
        repeated: [Buffer.from('first'), 'last'],
        absent: undefined,
      }),
    ).toEqual({ 'event-id': 'e-1', 'log-index': '12', repeated: 'last' });
    expect(headersToStrings(undefined)).toEqual({});
  });
});
