// The write-side capacity guard (DESIGN.md "Scheduling"): what every non-terminal allocation
// holds, per node, with constraints that make overcommitting a node or a port impossible
// however many plan appliers commit at once. It is not a read model: only plan and client
// commits write it, in the same transaction as their events. See docs/adr/0009.

/** Session-level advisory lock key serializing this DDL across processes starting together. */
export const CAPACITY_MIGRATION_LOCK_KEY = 0x5c4ed01;

export const CAPACITY_SCHEMA = `
create table if not exists sched_node_usage (
  node_id    text primary key,
  cpu_used   bigint not null default 0,
  mem_used   bigint not null default 0,
  disk_used  bigint not null default 0,
  cpu_cap    bigint not null,
  mem_cap    bigint not null,
  disk_cap   bigint not null,
  -- log index of the node event the caps come from: an older snapshot never lowers newer caps
  cap_index  bigint not null,
  constraint sched_node_usage_cpu check (cpu_used <= cpu_cap),
  constraint sched_node_usage_memory check (mem_used <= mem_cap),
  constraint sched_node_usage_disk check (disk_used <= disk_cap),
  constraint sched_node_usage_released check (cpu_used >= 0 and mem_used >= 0 and disk_used >= 0)
);

-- One row per allocation holding resources: a release deletes it, so a release repeated by a
-- redelivered plan finds nothing and frees nothing.
create table if not exists sched_alloc_claims (
  alloc_id   text primary key,
  node_id    text not null,
  namespace  text not null,
  job_id     text not null,
  name       text not null,
  cpu        bigint not null,
  mem        bigint not null,
  disk       bigint not null,
  ports      integer[] not null,
  -- a live allocation name is held once per job (<job>.<group>[<index>])
  constraint sched_alloc_claims_name unique (namespace, job_id, name)
);

create table if not exists sched_port_claims (
  node_id  text not null,
  port     integer not null,
  alloc_id text not null,
  primary key (node_id, port)
);
create index if not exists sched_port_claims_alloc on sched_port_claims (alloc_id);
`;
