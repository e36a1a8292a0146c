import type { PoolClient } from 'pg';
import type { NodeCapacity } from '../plan/plan-commit.types';
import type { ResourceClaim } from './claims';

// The capacity guard's statements, each one round trip on the plan's open transaction.

/** Locks the node rows a commit touches, in id order, so concurrent commits never deadlock. */
export async function lockNodes(client: PoolClient, nodeIds: string[]): Promise<void> {
  if (nodeIds.length === 0) return;
  await client.query(
    'select 1 from sched_node_usage where node_id = any($1::text[]) order by node_id for update',
    [nodeIds],
  );
}

/** Locks, in id order, the nodes that hold claims of these allocations (before releasing). */
export async function lockNodesOfClaims(client: PoolClient, allocIds: string[]): Promise<void> {
  if (allocIds.length === 0) return;
  await client.query(
    `select 1 from sched_node_usage
      where node_id in (select node_id from sched_alloc_claims where alloc_id = any($1::text[]))
      order by node_id for update`,
    [allocIds],
  );
}

/** Creates missing node rows and raises caps to newer numbers (by source log index). */
export async function upsertCapacity(client: PoolClient, nodes: NodeCapacity[]): Promise<void> {
  if (nodes.length === 0) return;
  const sorted = [...nodes].sort((a, b) =>
    a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0,
  );
  await client.query(
    `insert into sched_node_usage (node_id, cpu_cap, mem_cap, disk_cap, cap_index)
     select * from unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[])
     on conflict (node_id) do update
       set cpu_cap = excluded.cpu_cap, mem_cap = excluded.mem_cap,
           disk_cap = excluded.disk_cap, cap_index = excluded.cap_index
       where sched_node_usage.cap_index < excluded.cap_index`,
    [
      sorted.map((n) => n.nodeId),
      sorted.map((n) => n.cpuShares),
      sorted.map((n) => n.memoryMB),
      sorted.map((n) => n.diskMB),
      sorted.map((n) => n.sourceIndex),
    ],
  );
}

/**
 * Frees what the given allocations hold, if they still hold it: deletes their claim rows and
 * ports and subtracts exactly the deleted amounts. Returns how many claims it freed.
 */
export async function releaseClaims(client: PoolClient, allocIds: string[]): Promise<number> {
  if (allocIds.length === 0) return 0;
  const { rows } = await client.query<{ freed: string }>(
    `with gone as (
       delete from sched_alloc_claims where alloc_id = any($1::text[]) returning *
     ), ports as (
       delete from sched_port_claims p using gone where p.alloc_id = gone.alloc_id
     ), per_node as (
       select node_id, sum(cpu) cpu, sum(mem) mem, sum(disk) disk, count(*) n
       from gone group by node_id
     ), freed as (
       update sched_node_usage u
          set cpu_used = u.cpu_used - p.cpu, mem_used = u.mem_used - p.mem,
              disk_used = u.disk_used - p.disk
         from per_node p where u.node_id = p.node_id
       returning p.n
     )
     select coalesce(sum(n), 0)::text freed from freed`,
    [allocIds],
  );
  return Number(rows[0]?.freed ?? 0);
}

/** Claim rows that did not insert: the allocation id or its live name is already held. */
export async function insertClaims(
  client: PoolClient,
  claims: ResourceClaim[],
): Promise<ResourceClaim[]> {
  if (claims.length === 0) return [];
  const { rows } = await client.query<{ alloc_id: string }>(
    `insert into sched_alloc_claims
       (alloc_id, node_id, namespace, job_id, name, cpu, mem, disk, ports)
     select alloc_id, node_id, namespace, job_id, name, cpu, mem, disk,
            array(select jsonb_array_elements_text(ports)::int)
       from jsonb_to_recordset($1::jsonb) as x(alloc_id text, node_id text, namespace text,
            job_id text, name text, cpu bigint, mem bigint, disk bigint, ports jsonb)
     on conflict do nothing
     returning alloc_id`,
    // Name order: two plans of one job inserting the same names wait on each other in the
    // same order, so they queue instead of deadlocking.
    [JSON.stringify([...claims].sort(byName).map(toRow))],
  );
  const inserted = new Set(rows.map((r) => r.alloc_id));
  return claims.filter((c) => !inserted.has(c.allocId));
}

/** Who already holds the id or the name of a claim that did not insert. */
export async function claimHolder(
  client: PoolClient,
  claim: ResourceClaim,
): Promise<{ allocId: string; sameId: boolean } | null> {
  const { rows } = await client.query<{ alloc_id: string }>(
    `select alloc_id from sched_alloc_claims
      where alloc_id = $1 or (namespace = $2 and job_id = $3 and name = $4)
      order by alloc_id = $1 desc limit 1`,
    [claim.allocId, claim.namespace, claim.jobId, claim.name],
  );
  const holder = rows[0]?.alloc_id;
  return holder === undefined ? null : { allocId: holder, sameId: holder === claim.allocId };
}

/** The first port that did not insert, with its holder (possibly a sibling in this plan). */
export async function insertPorts(
  client: PoolClient,
  claims: ResourceClaim[],
): Promise<{ nodeId: string; port: number; byAllocId: string } | null> {
  const wanted = claims.flatMap((c) => c.ports.map((port) => ({ c, port })));
  if (wanted.length === 0) return null;
  const { rows } = await client.query<{ node_id: string; port: number }>(
    `insert into sched_port_claims (node_id, port, alloc_id)
     select * from unnest($1::text[], $2::int[], $3::text[])
     on conflict do nothing returning node_id, port`,
    [wanted.map((w) => w.c.nodeId), wanted.map((w) => w.port), wanted.map((w) => w.c.allocId)],
  );
  const taken = new Set(rows.map((r) => `${r.node_id}\u0000${r.port}`));
  const missing = wanted.find((w) => !taken.has(`${w.c.nodeId}\u0000${w.port}`));
  if (missing === undefined) return null;
  const holder = await client.query<{ alloc_id: string }>(
    'select alloc_id from sched_port_claims where node_id = $1 and port = $2',
    [missing.c.nodeId, missing.port],
  );
  return {
    nodeId: missing.c.nodeId,
    port: missing.port,
    byAllocId: holder.rows[0]?.alloc_id ?? '',
  };
}

/**
 * Adds the claims to their nodes' usage. The CHECK constraints refuse an overcommit (the
 * statement fails); returns the node ids that have no capacity row.
 */
export async function addUsage(client: PoolClient, claims: ResourceClaim[]): Promise<string[]> {
  if (claims.length === 0) return [];
  const perNode = new Map<string, { cpu: number; mem: number; disk: number }>();
  for (const c of claims) {
    const sum = perNode.get(c.nodeId) ?? { cpu: 0, mem: 0, disk: 0 };
    perNode.set(c.nodeId, { cpu: sum.cpu + c.cpu, mem: sum.mem + c.mem, disk: sum.disk + c.disk });
  }
  const ids = [...perNode.keys()].sort();
  const { rows } = await client.query<{ node_id: string }>(
    `update sched_node_usage u
        set cpu_used = u.cpu_used + d.cpu, mem_used = u.mem_used + d.mem,
            disk_used = u.disk_used + d.disk
       from unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[]) as d(node_id, cpu, mem, disk)
      where u.node_id = d.node_id
      returning u.node_id`,
    [
      ids,
      ids.map((id) => perNode.get(id)!.cpu),
      ids.map((id) => perNode.get(id)!.mem),
      ids.map((id) => perNode.get(id)!.disk),
    ],
  );
  const updated = new Set(rows.map((r) => r.node_id));
  return ids.filter((id) => !updated.has(id));
}

function toRow(c: ResourceClaim) {
  return {
    alloc_id: c.allocId,
    node_id: c.nodeId,
    namespace: c.namespace,
    job_id: c.jobId,
    name: c.name,
    cpu: c.cpu,
    mem: c.mem,
    disk: c.disk,
    ports: c.ports,
  };
}

function byName(a: ResourceClaim, b: ResourceClaim): number {
  const ka = `${a.namespace}\u0000${a.jobId}\u0000${a.name}`;
  const kb = `${b.namespace}\u0000${b.jobId}\u0000${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
