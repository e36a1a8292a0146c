// The baseline: a bare Fastify server in its own process answering the Jobs routes with the
// same JSON the gateway answered (captured in the same run and installed by PUT /bench/bodies),
// with no validation, no registry, no database. Fastify serializes the bodies on every request
// (JSON.stringify), so serialization is in the baseline too. Blocking reads park until the next
// register, which is what the gateway's blocking queries do minus the hub and the re-read.
import Fastify, { type FastifyReply } from 'fastify';

interface Bodies {
  register: Record<string, unknown>;
  job: unknown;
  list: unknown;
  listPrefix: unknown;
  /** the first page of `?per_page=`, served with a next token like the gateway's */
  listPage: unknown;
}

let bodies: Bodies = { register: {}, job: {}, list: [], listPrefix: [], listPage: [] };
let index = 1;
const parked = new Set<FastifyReply>();

const app = Fastify({ bodyLimit: 256 * 1024 * 1024, logger: false });

app.put('/bench/bodies', async (req) => {
  bodies = req.body as Bodies;
  return { ok: true };
});
app.get('/bench/parked', async () => ({ parked: parked.size }));

app.put('/v1/jobs', async (_req, reply) => {
  index++;
  // Like the gateway, the change is answered first and the waiters right after it.
  const waking = [...parked];
  parked.clear();
  setImmediate(() => {
    for (const w of waking) void w.header('x-nomad-index', String(index)).send(bodies.job);
  });
  void reply.header('x-nomad-index', String(index));
  return { ...bodies.register, JobModifyIndex: index, EvalCreateIndex: index, Index: index };
});

app.get('/v1/job/*', (req, reply) => {
  const query = req.query as { index?: string; wait?: string };
  if (query.wait !== undefined && Number(query.index ?? 0) >= index) {
    parked.add(reply);
    req.raw.socket.once('close', () => parked.delete(reply));
    return reply; // answered by the next register
  }
  return reply.header('x-nomad-index', String(index)).send(bodies.job);
});

app.get('/v1/jobs', async (req, reply) => {
  void reply.header('x-nomad-index', String(index));
  const query = req.query as { prefix?: string; per_page?: string };
  if (query.per_page)
    return reply.header('x-nomad-nexttoken', 'default.next').send(bodies.listPage);
  return query.prefix ? bodies.listPrefix : bodies.list;
});

const stop = (): void => void app.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

app.listen({ host: '127.0.0.1', port: Number(process.env.PORT), backlog: 4096 }).then(
  () => process.send?.('listening'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
