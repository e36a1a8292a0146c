import { All, Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalidMethod, notFound } from '../errors/nomad-coded.error';
import { AllocationReads } from './allocation-reads';
import { AllocationStop } from './allocation-stop';
import { EvaluationReads } from './evaluation-reads';
import { NodeReads } from './node-reads';

// Nomad's allocation, evaluation and node routes. The singular routes are prefixes with a
// suffix (`/v1/node/<id>/allocations`), split here as Nomad's handlers split them.

const READ = ['GET', 'HEAD'];

/** `<id>` or `<id>/<action>`; ids hold no '/'. */
function splitPath(req: FastifyRequest): { id: string; action: string } {
  const rest = (req.params as Record<string, string | undefined>)['*'] ?? '';
  const slash = rest.indexOf('/');
  return slash < 0
    ? { id: rest, action: '' }
    : { id: rest.slice(0, slash), action: rest.slice(slash + 1) };
}

function readOnly(req: FastifyRequest): void {
  if (!READ.includes(req.method)) throw invalidMethod();
}

@Controller('v1')
export class AllocationsController {
  constructor(
    private readonly allocs: AllocationReads,
    private readonly stopper: AllocationStop,
  ) {}

  @Get('allocations')
  list(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.allocs.list(req, reply);
  }

  @All('allocation/*')
  one(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { id, action } = splitPath(req);
    if (action === 'stop') {
      if (!['PUT', 'POST'].includes(req.method)) throw invalidMethod();
      return this.stopper.stop(req, reply, id);
    }
    if (action !== '') throw notFound('');
    readOnly(req);
    return this.allocs.read(req, reply, id);
  }
}

@Controller('v1')
export class EvaluationsController {
  constructor(
    private readonly evals: EvaluationReads,
    private readonly allocs: AllocationReads,
  ) {}

  @Get('evaluations')
  list(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.evals.list(req, reply);
  }

  @All('evaluation/*')
  one(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { id, action } = splitPath(req);
    readOnly(req);
    if (action === '') return this.evals.read(req, reply, id);
    if (action === 'allocations') return this.allocs.ofEvaluation(req, reply, id);
    throw notFound('');
  }
}

@Controller('v1')
export class NodesController {
  constructor(
    private readonly nodes: NodeReads,
    private readonly allocs: AllocationReads,
  ) {}

  @Get('nodes')
  list(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.nodes.list(req, reply);
  }

  @All('node/*')
  one(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { id, action } = splitPath(req);
    readOnly(req);
    if (action === '') return this.nodes.read(req, reply, id);
    if (action === 'allocations') return this.allocs.ofNode(req, reply, id);
    throw notFound('');
  }
}
