// POST /v1/jobs/parse without the HTTP: HCL2 jobspec text → Nomad's api Job (not canonicalized).

import { scanBlockOrder } from './block-order';
import { decodeJobFile } from './decode-job';
import { resolveValue } from './expression';
import { HclSyntaxError, parseHcl, SOURCE_NAME, type HclObject, type HclValue } from './hcl-parser';
import { DecodeProblem, ErrJobSpecEmpty, JobspecError, parseFailed } from './jobspec.error';
import { inputVariables, localValues } from './variables';

/** Nomad's api-shape Job as JSON-ready data; int64 values beyond 2^53 are bigints. */
export type NomadJobJson = Record<string, unknown>;

export interface ParseJobspecOptions {
  /** Values like `nomad job run -var k=v`; non-string variables read the text as HCL. */
  readonly variables?: Readonly<Record<string, string>>;
  /** HCL variable-file content: the `Variables` field of `POST /v1/jobs/parse`. */
  readonly variableFile?: string;
}

const isJson = (src: string): boolean => src.trimStart().startsWith('{');

async function syntaxTree(
  source: string,
  reason: 'SYNTAX' | 'VARIABLES',
  prefix = '',
): Promise<HclObject> {
  try {
    return await parseHcl(source);
  } catch (err) {
    if (err instanceof HclSyntaxError) throw parseFailed(reason, `${prefix}${err.message}`);
    throw err;
  }
}

async function parseExpression(text: string): Promise<HclValue> {
  const tree = await syntaxTree(`v = ${text}\n`, 'VARIABLES', 'unable to parse var content: ');
  return tree['v'] ?? null;
}

/**
 * Parse an HCL2 jobspec as Nomad's `/v1/jobs/parse` does. Rejects with a JobspecError (HTTP 400)
 * carrying Nomad's text: `Job spec is empty` or `Failed to parse job: <diagnostics>`.
 */
export async function parseJobspec(
  hcl: string,
  opts: ParseJobspecOptions = {},
): Promise<NomadJobJson> {
  if (hcl === '') throw new JobspecError('EMPTY', ErrJobSpecEmpty);
  if (isJson(hcl)) {
    throw parseFailed(
      'SYNTAX',
      `${SOURCE_NAME}: Unsupported format; JSON jobspecs are not supported by Caravan's parser.`,
    );
  }
  const tree = await syntaxTree(hcl, 'SYNTAX');
  const file =
    opts.variableFile === undefined || opts.variableFile === ''
      ? undefined
      : await syntaxTree(opts.variableFile, 'VARIABLES', 'unable to parse var content: ');
  try {
    const vars = await inputVariables(tree, { file, args: opts.variables, parseExpression });
    const local = localValues(tree, vars);
    const resolved: HclObject = {
      ...tree,
      job: resolveValue(tree['job'] ?? null, { var: vars, local }),
    };
    return decodeJobFile(resolved, scanBlockOrder(hcl));
  } catch (err) {
    if (err instanceof DecodeProblem) {
      throw parseFailed('DECODE', `${err.hasSubject ? SOURCE_NAME : '<nil>'}: ${err.message}`);
    }
    throw err;
  }
}
