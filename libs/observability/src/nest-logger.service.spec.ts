import pino from 'pino';
import { PinoNestLogger } from './nest-logger.service';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'trace', base: { app: 'unit' } },
    { write: (s: string) => lines.push(JSON.parse(s) as Record<string, unknown>) },
  );
  return { lines, nest: new PinoNestLogger(logger) };
}

describe('PinoNestLogger', () => {
  it('keeps the Nest context as a field', () => {
    const { lines, nest } = capture();
    nest.log('Mapped {/v1/jobs, GET} route', 'RouterExplorer');
    expect(lines[0]).toMatchObject({
      level: 20,
      app: 'unit',
      msg: 'Mapped {/v1/jobs, GET} route',
      context: 'RouterExplorer',
    });
  });

  it("logs Nest's start-up narration at debug, everything else at info", () => {
    const { lines, nest } = capture();
    nest.log('JobsApiModule dependencies initialized', 'InstanceLoader');
    nest.log('Nest application successfully started', 'NestApplication');
    nest.log('listening', 'GatewayApp');
    nest.log('no context');
    expect(lines.map((line) => line.level)).toEqual([20, 20, 30, 30]);
  });

  it('keeps the stack Nest passes to error()', () => {
    const { lines, nest } = capture();
    nest.error('boom', 'Error: boom\n    at x', 'ExceptionHandler');
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: 'boom',
      stack: 'Error: boom\n    at x',
      context: 'ExceptionHandler',
    });
  });

  it('maps verbose to trace and writes objects as fields', () => {
    const { lines, nest } = capture();
    nest.verbose({ detail: 1 });
    expect(lines[0]).toMatchObject({ level: 10, detail: 1 });
  });
});
