// The write-side schema. Applied by `migrate()` under an advisory lock, so replicas starting
// together do not race; every statement is idempotent.
//
// Why four tables and not one: `global_position` comes from an identity column, which hands out
// numbers at INSERT time, not at COMMIT time. A reader that follows `global_position > checkpoint`
// skips an event whose transaction committed after a later-numbered one. So events carry the id
// of the transaction that wrote them, and a sequencing pass (es_sequence below) stamps a gapless
// log index on committed events in (transaction id, position) order, reading only transactions
// older than the oldest one still running. `es_log` holds those stamps; every log reader follows it.

export const MIGRATION_LOCK_KEY = 0x43617261; // "Cara": arbitrary, shared by every Caravan process

export const EVENT_STORE_SCHEMA = /* sql */ `
create table if not exists es_streams (
  stream_id text primary key,
  category  text   not null,
  version   bigint not null
);
-- The transaction that last appended to the stream. The log orders events by transaction id, so
-- a stream's appenders must come in rising transaction-id order, or the log would list a stream's
-- later event before its earlier one (see es_append_streams: a late, older transaction retries).
alter table es_streams add column if not exists last_txid xid8 not null default '0';

-- One row per group commit, written last in the group's transaction with each command's outcome
-- (what the call would have returned): after a failed round trip it tells whether that
-- transaction committed and, exactly, which commands of it did. Needed only for seconds; every
-- store prunes rows older than five minutes (the clock at insert, not at transaction start).
create table if not exists es_commit_tokens (
  token          uuid primary key,
  transaction_id xid8 not null default pg_current_xact_id(),
  created_at     timestamptz not null default clock_timestamp()
);
alter table es_commit_tokens add column if not exists outcomes jsonb;
alter table es_commit_tokens alter column created_at set default clock_timestamp();

create table if not exists es_events (
  global_position bigint generated always as identity primary key,
  transaction_id  xid8   not null default pg_current_xact_id(),
  event_id        uuid   not null unique,
  stream_id       text   not null,
  stream_position bigint not null,
  category        text   not null,
  partition_key   text   not null,
  type            text   not null,
  schema_version  int    not null default 1,
  data            jsonb  not null,
  metadata        jsonb  not null default '{}',
  recorded_at     timestamptz not null default now(),
  unique (stream_id, stream_position)
);
create index if not exists es_events_commit_order on es_events (transaction_id, global_position);

create table if not exists es_log (
  log_index       bigint primary key,
  global_position bigint not null unique
);

-- One row: how far the sequencer has stamped. Locking it serializes sequencing passes.
create table if not exists es_sequencer (
  id            int primary key check (id = 1),
  last_index    bigint not null,
  last_txid     xid8   not null,
  last_position bigint not null
);
insert into es_sequencer values (1, 0, '0', 0) on conflict do nothing;

create table if not exists es_checkpoints (
  name       text primary key,
  position   bigint not null,
  updated_at timestamptz not null default now()
);

-- Appends one command's stream appends, all or nothing. p_batch is a JSON array of
-- {streamId, category, partitionKey, expected, events: [{id, type, schemaVersion, data, metadata}]}.
-- expected: -1 any, -2 no stream, -3 stream exists, n >= 0 exactly n events (0 = no stream).
-- Returns the new version of each stream and the global positions written, in order.
-- CR001: wrong expected version. CR003: the stream was last written by a transaction newer
-- than this one (it took its transaction id earlier, then waited for the stream): appending now
-- would order the log against the stream, so the caller retries in a new transaction.
create or replace function es_append_streams(p_batch jsonb)
returns table (stream_versions bigint[], positions bigint[])
language plpgsql as $$
declare
  a jsonb;
  n bigint;
  expected bigint;
  v bigint;
  actual bigint;
  writer xid8;
  versions bigint[] := '{}';
  written bigint[] := '{}';
  pos bigint[];
begin
  for a in select * from jsonb_array_elements(p_batch) loop
    n := jsonb_array_length(a->'events');
    expected := (a->>'expected')::bigint;
    v := null;
    if expected in (-2, 0) then
      insert into es_streams (stream_id, category, version, last_txid)
      values (a->>'streamId', a->>'category', n, pg_current_xact_id())
      on conflict do nothing
      returning version into v;
    elsif expected = -1 then
      insert into es_streams (stream_id, category, version, last_txid)
      values (a->>'streamId', a->>'category', n, pg_current_xact_id())
      on conflict (stream_id) do update
        set version = es_streams.version + n, last_txid = pg_current_xact_id()
        where es_streams.last_txid <= pg_current_xact_id()
      returning version into v;
    else
      update es_streams set version = version + n, last_txid = pg_current_xact_id()
      where stream_id = a->>'streamId' and (expected = -3 or version = expected)
        and last_txid <= pg_current_xact_id()
      returning version into v;
    end if;
    if v is null then
      select s.version, s.last_txid into actual, writer
      from es_streams s where s.stream_id = a->>'streamId';
      if writer > pg_current_xact_id() and (expected in (-1, -3) or actual = expected) then
        raise exception 'stream written by a newer transaction'
          using errcode = 'CR003', detail = a->>'streamId';
      end if;
      raise exception 'wrong expected version'
        using errcode = 'CR001',
              detail = jsonb_build_object('stream', a->>'streamId', 'actual', coalesce(actual, 0))::text;
    end if;
    with inserted as (
      insert into es_events (event_id, stream_id, stream_position, category, partition_key,
                             type, schema_version, data, metadata)
      select (e->>'id')::uuid, a->>'streamId', v - n + ord, a->>'category', a->>'partitionKey',
             e->>'type', coalesce((e->>'schemaVersion')::int, 1), e->'data',
             coalesce(e->'metadata', '{}'::jsonb)
      from jsonb_array_elements(a->'events') with ordinality as t(e, ord)
      order by ord
      returning global_position
    )
    select array_agg(global_position order by global_position) into pos from inserted;
    versions := versions || v;
    written := written || pos;
  end loop;
  return query select versions, written;
end $$;

-- Group commit: several independent commands in one transaction. Each command arrives as its own
-- JSON text (a parameter, never an inlined literal) and runs in its own subtransaction (the
-- EXCEPTION block), where its text is also cast to jsonb: a version conflict, a duplicate event
-- id or anything PostgreSQL refuses about the command's data (U+0000 in jsonb, a missing field,
-- a key too long to index) rolls back only that command. Errors about the transaction or the
-- server (deadlock, lock timeout, out of resources, shutdown) still fail the whole group.
-- error_code: CR001 version conflict, CR003 stream order (retry later), 23505 duplicate,
-- CR002 command refused (detail: sqlstate and message).
-- Runs inside the caller's transaction; es_commit_group below also commits.
drop function if exists es_append_group(jsonb);
create or replace function es_append_group(p_commands text[])
returns table (ord int, error_code text, detail text, stream_versions bigint[], positions bigint[])
language plpgsql as $$
declare
  k int;
  v bigint[];
  p bigint[];
  failure text;
begin
  for k in 1 .. coalesce(array_length(p_commands, 1), 0) loop
    begin
      select a.stream_versions, a.positions into v, p from es_append_streams(p_commands[k]::jsonb) a;
      return query select k - 1, null::text, null::text, v, p;
    exception
      when sqlstate 'CR001' or sqlstate 'CR003' or unique_violation then
        get stacked diagnostics failure = pg_exception_detail;
        return query select k - 1, sqlstate::text, failure, null::bigint[], null::bigint[];
      when others then
        -- Only errors about the command's own data are its alone: data exceptions (22),
        -- constraint violations (23), program limits such as a key too long (54). Anything
        -- else (a lock timeout, a deadlock, the server) concerns the whole transaction.
        if left(sqlstate, 2) not in ('22', '23', '54') then
          raise;
        end if;
        return query select k - 1, 'CR002'::text, sqlstate || ': ' || sqlerrm,
                            null::bigint[], null::bigint[];
    end;
  end loop;
end $$;

-- One sequencing pass: stamps up to p_limit committed, unstamped events with the next log
-- indexes and notifies channel es_log with {"h": head}. The notification is only a wake-up:
-- whoever waits for an index reads it from es_log by its own positions. Returns the head, or
-- nothing when another pass holds the sequencer row (the caller waits for its notification).
-- Its commit may be asynchronous: a lost stamp is re-made identically, because the order of
-- committed events older than every running transaction can no longer change.
drop function if exists es_sequence(int);
create or replace function es_sequence(p_limit int)
returns table (head bigint, stamped bigint)
language plpgsql as $$
declare
  s es_sequencer%rowtype;
  n bigint;
  new_head bigint;
  last_tx xid8;
  last_pos bigint;
begin
  select * into s from es_sequencer where id = 1 for update skip locked;
  if not found then
    return;
  end if;
  perform set_config('synchronous_commit', 'off', true);
  with batch as materialized (
    select s.last_index + row_number() over (order by x.transaction_id, x.global_position) as log_index,
           x.global_position, x.transaction_id
    from (
      select e.global_position, e.transaction_id
      from es_events e
      where (e.transaction_id, e.global_position) > (s.last_txid, s.last_position)
        and e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      order by e.transaction_id, e.global_position
      limit p_limit
    ) x
  ), inserted as (
    insert into es_log (log_index, global_position)
    select b.log_index, b.global_position from batch b
    returning log_index
  ), tail as (
    select b.log_index, b.transaction_id, b.global_position from batch b
    order by b.log_index desc limit 1
  )
  select (select count(*) from inserted), t.log_index, t.transaction_id, t.global_position
  into n, new_head, last_tx, last_pos
  from (select 1) one left join tail t on true;
  if n = 0 then
    return query select s.last_index, 0::bigint;
    return;
  end if;
  update es_sequencer set last_index = new_head, last_txid = last_tx, last_position = last_pos
  where id = 1;
  perform pg_notify('es_log', jsonb_build_object('h', new_head)::text);
  return query select new_head, n;
end $$;

-- Group commit in ONE statement and one round trip: append the commands (es_append_group),
-- COMMIT, run a sequencing pass, and read back from es_log the stamps of the positions just
-- written and of everything the pass stamped (other groups of this process may be waiting for
-- those). A procedure may commit; the client calls it outside any transaction block.
-- Nothing after the COMMIT may turn a committed command into a reported failure, so the pass
-- and the read-back run in a block that swallows their errors: the caller then resolves the
-- missing indexes by lookup. result: {"outcomes": [...es_append_group rows...],
-- "indexes": [[position, log_index], ...], "pass_error": text | null}.
drop procedure if exists es_commit_group(text[], jsonb);
drop procedure if exists es_commit_group(uuid, text[], jsonb);
create or replace procedure es_commit_group(
  p_token uuid, p_commands text[], p_stream_keys bigint[], inout result jsonb default null)
language plpgsql as $$
declare
  outcomes jsonb;
  written bigint[];
  stamps jsonb := '[]';
  pass_head bigint;
  pass_stamped bigint;
  pass_error text;
begin
  -- A row lock held elsewhere must not stall this process's appends without end.
  perform set_config('lock_timeout', '2s', true);
  -- Every stream of the group (p_stream_keys: a 64-bit hash of each stream id), locked in one
  -- sorted order before anything is written: groups never deadlock with each other, and this
  -- transaction takes its id (at its first write) only once it holds all its streams, so no
  -- newer group can reach one of them first (CR003). Advisory locks take no transaction id; a
  -- hash collision only serializes two streams.
  perform pg_advisory_xact_lock(k.key)
  from (select distinct key from unnest(p_stream_keys) as u(key) order by key) k;
  with g as materialized (select * from es_append_group(p_commands))
  select (select coalesce(jsonb_agg(to_jsonb(g) order by g.ord), '[]') from g),
         (select coalesce(array_agg(x.p), '{}') from g, unnest(g.positions) as x(p))
  into outcomes, written;
  -- Last, so the token does not take the transaction id before the commands' streams do.
  insert into es_commit_tokens (token, outcomes) values (p_token, outcomes);
  commit;
  begin
    select q.head, q.stamped into pass_head, pass_stamped from es_sequence(1000) q;
    select coalesce(jsonb_agg(jsonb_build_array(l.global_position, l.log_index)), '[]')
    into stamps from es_log l
    where l.global_position = any(written)
       or l.log_index > coalesce(pass_head - pass_stamped, pass_head)
          and l.log_index <= pass_head;
  exception when others then
    pass_error := sqlerrm;
  end;
  result := jsonb_build_object('outcomes', outcomes, 'indexes', stamps, 'pass_error', pass_error);
end $$;
`;
