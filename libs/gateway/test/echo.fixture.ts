import { Body, Controller, Module, Post } from '@nestjs/common';

/** A write route for the tests: echoes the decoded body, or throws a coded error on request. */
@Controller('v1/test')
class EchoController {
  @Post('echo')
  echo(@Body() body: unknown): unknown {
    const fail = (body as { fail?: unknown } | undefined)?.fail;
    if (typeof fail === 'string')
      throw Object.assign(new Error(`failed with ${fail}`), { code: fail });
    return { received: body ?? null };
  }
}

@Module({ controllers: [EchoController] })
export class EchoModule {}
