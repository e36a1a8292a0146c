// The HCL2 syntax layer: @cdktf/hcl2json runs HashiCorp's Go HCL parser as WebAssembly and
// returns the body as JSON. Its tree keeps literals typed (numbers, bools, strings, lists,
// objects), renders every non-literal expression as the string "${<source>}", nests blocks as
// arrays of bodies and labeled blocks as objects keyed by label.

export type HclValue = string | number | boolean | null | HclValue[] | HclObject;
export interface HclObject {
  [key: string]: HclValue;
}

/** The file name Nomad's agent gives the submitted jobspec in its diagnostics. */
export const SOURCE_NAME = 'input.hcl';

type Hcl2Json = { parse(filename: string, contents: string): Promise<Record<string, unknown>> };
let loaded: Promise<Hcl2Json> | undefined;

// Loaded on first use: requiring the package starts the WASM runtime.
const hcl2json = (): Promise<Hcl2Json> => (loaded ??= import('@cdktf/hcl2json'));

export class HclSyntaxError extends Error {}

/**
 * Parse HCL source into hcl2json's tree. A syntax error rejects with Nomad's diagnostic text:
 * `input.hcl:<line>,<col>-<col>: <summary>; <detail>`, one diagnostic per line.
 */
export async function parseHcl(source: string, filename = SOURCE_NAME): Promise<HclObject> {
  const lib = await hcl2json();
  try {
    return (await lib.parse(filename, source)) as HclObject;
  } catch (err) {
    throw new HclSyntaxError(
      diagnosticsText(err instanceof Error ? err.message : String(err), filename),
    );
  }
}

// hcl2json reports `parse config: [<diag> <diag>]` (a Go slice of errors); Nomad joins the same
// diagnostics with newlines.
function diagnosticsText(message: string, filename: string): string {
  const m = /^parse config: \[([\s\S]*)\]$/.exec(message);
  if (m === null) return message;
  const escaped = filename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (m[1] ?? '').split(new RegExp(`\\s(?=${escaped}:\\d+,\\d+)`)).join('\n');
}
