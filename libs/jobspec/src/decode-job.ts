// The file level of a jobspec: exactly one `job "<id>"` block beside `variable(s)`/`locals`,
// plus jobspec2's job-level extras (`vault`, lone `task` blocks, `secret`).

import { childPath, type BlockOrder } from './block-order';
import { isObject, singleBody } from './coerce';
import { decodeStruct, labeledBodies, type ApiObject, type DecodeContext } from './decode';
import { DecodeProblem } from './jobspec.error';
import type { HclObject } from './hcl-parser';
import { normalizeJob } from './normalize';
import { GROUP, JOB } from './schema.job';
import { SECRET, TASK, VAULT } from './schema.task';

const FILE_BLOCKS = new Set(['job', 'variable', 'variables', 'locals']);

function theJob(root: HclObject, order: BlockOrder): [string, HclObject] {
  for (const key of Object.keys(root)) {
    if (!FILE_BLOCKS.has(key)) {
      throw new DecodeProblem(
        'Unsupported block type',
        `Blocks of type "${key}" are not expected here.`,
      );
    }
  }
  const jobs = root['job'];
  const found =
    jobs === undefined || jobs === null ? [] : labeledBodies(jobs, 'job', { order, path: '' });
  const [first, second] = found;
  if (first === undefined)
    throw new DecodeProblem('Missing job block', 'A job block is required', false);
  if (second !== undefined) {
    throw new DecodeProblem('Duplicate job block', 'Only one block of type "job" is allowed.');
  }
  return first;
}

/** Decode a variable-resolved hcl2json tree into Nomad's api Job. */
export function decodeJobFile(root: HclObject, order: BlockOrder): ApiObject {
  const [id, body] = theJob(root, order);
  const ctx: DecodeContext = { order, path: childPath('', 'job', id) };
  const job = decodeStruct(JOB, body, ctx);

  const vaultBody = body['vault'];
  const vault =
    vaultBody === undefined || vaultBody === null
      ? null
      : decodeStruct(VAULT, singleBody(vaultBody, 'vault'), {
          ...ctx,
          path: childPath(ctx.path, 'vault'),
        });

  const tasks = body['task'];
  const loneTaskGroups =
    tasks === undefined || tasks === null
      ? []
      : labeledBodies(tasks, 'task', ctx).map(([name, b]) => {
          const task = decodeStruct(
            TASK,
            b,
            { ...ctx, path: childPath(ctx.path, 'task', name) },
            name,
          );
          return { ...decodeStruct(GROUP, {}, ctx, name), Tasks: [task] };
        });

  // Job-level secrets are decoded (so mistakes are reported) but, as in Nomad, not kept.
  const secrets = body['secret'];
  if (isObject(secrets))
    labeledBodies(secrets, 'secret', ctx).forEach(([n, b]) => decodeStruct(SECRET, b, ctx, n));

  normalizeJob(job, { id, vault, loneTaskGroups });
  return job;
}
