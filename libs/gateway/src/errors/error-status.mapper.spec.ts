import { invalidCommand } from '@caravan/contracts';
import { mapErrorToHttp } from './error-status.mapper';
import { NomadCodedError } from './nomad-coded.error';

const coded = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('mapErrorToHttp (Nomad status and plain-text body)', () => {
  it('keeps the status of HTTP-coded errors', () => {
    expect(mapErrorToHttp(new NomadCodedError(405, 'Invalid method'))).toEqual({
      status: 405,
      body: 'Invalid method',
    });
    expect(mapErrorToHttp(new NomadCodedError(404, 'job not found'))).toEqual({
      status: 404,
      body: 'job not found',
    });
  });

  it('answers a command the registry could not read with 400 and its message', () => {
    expect(
      mapErrorToHttp(invalidCommand('invalid RevertJob payload: jobVersion: Required')),
    ).toEqual({
      status: 400,
      body: 'invalid RevertJob payload: jobVersion: Required',
    });
  });

  it('maps known string codes and defaults unknown ones to 500', () => {
    expect(mapErrorToHttp(coded('PERMISSION_DENIED', 'Permission denied'))).toEqual({
      status: 403,
      body: 'Permission denied',
    });
    expect(mapErrorToHttp(coded('WRONG_EXPECTED_VERSION', 'stream x: expected 1'))).toEqual({
      status: 500,
      body: 'stream x: expected 1',
    });
    expect(mapErrorToHttp(coded('JOB_GONE', 'gone'), { JOB_GONE: 410 })).toEqual({
      status: 410,
      body: 'gone',
    });
  });

  it('splits "RPC Error:: <code>,<message>"', () => {
    expect(mapErrorToHttp(new Error('RPC Error:: 400,failed to read filter expression'))).toEqual({
      status: 400,
      body: 'failed to read filter expression',
    });
  });

  it.each([
    ['rpc error: Permission denied', 403, 'Permission denied'],
    ['x: ACL token not found', 403, 'ACL token not found'],
    [
      'rpc: Job registration, dispatch, and scale are disabled by the scheduler configuration',
      403,
      'Job registration, dispatch, and scale are disabled by the scheduler configuration',
    ],
    [
      'e: Filter expression cannot be used with other filter parameters',
      400,
      'Filter expression cannot be used with other filter parameters',
    ],
  ])('unwraps by suffix: %p', (message, status, body) => {
    expect(mapErrorToHttp(new Error(message))).toEqual({ status, body });
  });

  it('answers everything else with 500 and the message, including validation multierrors', () => {
    const multi = '1 error occurred:\n\t* Missing job datacenters\n\n';
    expect(mapErrorToHttp(new Error(multi))).toEqual({ status: 500, body: multi });
    expect(mapErrorToHttp('boom')).toEqual({ status: 500, body: 'boom' });
  });
});
