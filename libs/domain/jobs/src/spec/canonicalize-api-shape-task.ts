// The api package's Task.Canonicalize on an api-shape task (see canonicalize-api-shape.ts):
// nil pointers get defaults, everything else stays as parsed.
import { DEFAULT_KILL_TIMEOUT, SECOND, defaultLogConfig } from './spec.defaults';

/** An api-shape block as decoded from JSON: every key optional, null meaning "not set". */
export type ApiBlock = Record<string, unknown>;

export const isObject = (v: unknown): v is ApiBlock =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const unset = (v: unknown): boolean => v === null || v === undefined;

/** `block` (or an empty one) with each unset key taken from `defaults` (Go's nil checks). */
export function fill(block: unknown, defaults: unknown): ApiBlock {
  const out: ApiBlock = isObject(block) ? { ...block } : {};
  if (isObject(defaults))
    for (const [k, v] of Object.entries(defaults)) if (unset(out[k])) out[k] = v;
  return out;
}

export function canonicalizeApiTask(t: ApiBlock, groupRestart: ApiBlock): ApiBlock {
  const task = { ...t };
  task.Resources = apiResources(task.Resources);
  if (unset(task.KillTimeout)) task.KillTimeout = DEFAULT_KILL_TIMEOUT;
  task.LogConfig = fill(task.LogConfig, defaultLogConfig());
  // The group's restart block with the task's own fields laid over it.
  task.RestartPolicy = fill(task.RestartPolicy, groupRestart);
  if (Array.isArray(task.Templates)) task.Templates = task.Templates.map(mapObject(apiTemplate));
  if (Array.isArray(task.Artifacts)) task.Artifacts = task.Artifacts.map(mapObject(apiArtifact));
  if (isObject(task.Lifecycle) && !task.Lifecycle.Hook && !task.Lifecycle.Sidecar) {
    task.Lifecycle = null;
  }
  if (isObject(task.Vault)) {
    task.Vault = fill(task.Vault, {
      Namespace: '',
      Cluster: 'default',
      Env: true,
      DisableFile: false,
      ChangeMode: 'restart',
      ChangeSignal: 'SIGHUP',
      AllowTokenExpiration: false,
    });
  }
  if (isObject(task.Consul)) task.Consul = fill(task.Consul, { Cluster: 'default' });
  if (Array.isArray(task.Affinities)) {
    task.Affinities = task.Affinities.map(mapObject((a) => fill(a, { Weight: 50 })));
  }
  return task;
}

const mapObject =
  (f: (b: ApiBlock) => ApiBlock) =>
  (v: unknown): unknown =>
    isObject(v) ? f(v) : v;

/** CPU defaults to 100 only when Cores is unset too; asking for cores leaves CPU unset. */
function apiResources(r: unknown): ApiBlock {
  const res = isObject(r) ? { ...r } : {};
  if (unset(res.Cores)) {
    res.Cores = 0;
    if (unset(res.CPU)) res.CPU = 100;
  }
  if (unset(res.MemoryMB)) res.MemoryMB = 300;
  if (Array.isArray(res.Devices))
    res.Devices = res.Devices.map(mapObject((d) => fill(d, { Count: 1 })));
  return res;
}

function apiTemplate(t: ApiBlock): ApiBlock {
  const out = fill(t, {
    SourcePath: '',
    DestPath: '',
    EmbeddedTmpl: '',
    ChangeMode: 'restart',
    Splay: 5 * SECOND,
    Perms: '0644',
    LeftDelim: '{{',
    RightDelim: '}}',
    Envvars: false,
    VaultGrace: 0,
    ErrMissingKey: false,
    Once: false,
  });
  if (unset(out.ChangeSignal) && out.ChangeMode === 'signal') out.ChangeSignal = 'SIGHUP';
  if (typeof out.ChangeSignal === 'string') out.ChangeSignal = out.ChangeSignal.toUpperCase();
  if (isObject(out.ChangeScript)) {
    out.ChangeScript = fill(out.ChangeScript, {
      Command: '',
      Args: [],
      Timeout: 5 * SECOND,
      FailOnError: false,
    });
  }
  return out;
}

function apiArtifact(a: ApiBlock): ApiBlock {
  const out = fill(a, { GetterMode: 'any', GetterInsecure: false });
  if (unset(out.RelativeDest)) {
    // A single-file artifact lands at local/<basename of the source>.
    const base =
      (typeof out.GetterSource === 'string' ? out.GetterSource : '')
        .split('/')
        .filter(Boolean)
        .pop() ?? '.';
    out.RelativeDest = out.GetterMode === 'file' ? `local/${base}` : 'local/';
  }
  return out;
}
