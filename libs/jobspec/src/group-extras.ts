// jobspec2's hand-written parts of a group: a group-level `vault` block applies to every task
// without its own, and a group `scaling` policy is horizontal and needs `max`.

import { singleBody } from './coerce';
import { decodeStruct, type ApiObject, type DecodeContext } from './decode';
import { DecodeProblem } from './jobspec.error';
import type { HclObject } from './hcl-parser';
import { VAULT } from './schema.task';

export function applyGroupExtras(group: ApiObject, body: HclObject, ctx: DecodeContext): void {
  const vaultBody = body['vault'];
  if (vaultBody !== undefined && vaultBody !== null) {
    const vault = decodeStruct(VAULT, singleBody(vaultBody, 'vault'), ctx);
    for (const task of (group['Tasks'] as ApiObject[] | null) ?? []) {
      if (task['Vault'] === null) task['Vault'] = vault;
    }
  }
  const scaling = group['Scaling'] as ApiObject | null;
  if (scaling === null) return;
  if (scaling['Type'] === '') scaling['Type'] = 'horizontal';
  if (scaling['Type'] !== 'horizontal') {
    throw new DecodeProblem(
      'Invalid group scaling type',
      `task group scaling policy had invalid type: ${JSON.stringify(scaling['Type'])}`,
    );
  }
  if (scaling['Max'] === null) {
    throw new DecodeProblem(
      'Missing required argument',
      'The argument "max" is required, but no definition was found.',
    );
  }
}
