import type { FastifyReply } from 'fastify';

/**
 * Nomad's setMeta: every read with blocking support sends these three headers. There is
 * no follower lag in Caravan (every replica reads the same PostgreSQL), so the answering
 * gateway always "knows the leader" and was in contact 0 ms ago.
 */
export function setQueryMeta(reply: FastifyReply, index: number): void {
  void reply.header('X-Nomad-Index', String(index));
  void reply.header('X-Nomad-KnownLeader', 'true');
  void reply.header('X-Nomad-LastContact', '0');
}

/** Writes send only the index (setIndex). */
export function setWriteIndex(reply: FastifyReply, index: number): void {
  void reply.header('X-Nomad-Index', String(index));
}
