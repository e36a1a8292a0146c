// Nomad's VolumeRequest.Validate and VolumeMount.Validate (group volumes and task mounts).
import type { VolumeMount, VolumeRequest } from '@caravan/nomad-api';
import { goQuote } from './go-format';

const HOST_ACCESS_OK = [
  'single-node-writer',
  'single-node-single-writer',
  'single-node-multi-writer',
  '',
];

export function validateVolumeRequest(
  v: VolumeRequest,
  jobType: string,
  count: number,
  canaries: number,
): string[] {
  // An unknown type is a plain error (not a multierror) and stops the checks.
  if (v.Type !== 'host' && v.Type !== 'csi') return [`volume has unrecognized type ${v.Type}`];
  const errs: string[] = [];
  if (v.Source === '') errs.push('volume has an empty source');
  if (v.PerAlloc) {
    if (jobType === 'system' || jobType === 'sysbatch')
      errs.push('volume cannot be per_alloc for system or sysbatch jobs');
    if (canaries > 0) errs.push('volume cannot be per_alloc when canaries are in use');
    if (v.Sticky) errs.push('volume cannot be per_alloc and sticky at the same time');
  }
  const mode = v.AccessMode;
  const single = count > 1 && !v.PerAlloc;
  if (v.Type === 'host') {
    if (v.MountOptions !== null) errs.push('host volumes cannot have mount options');
    if (mode === 'single-node-reader-only') {
      if (!v.ReadOnly) errs.push(`${mode} volumes must be read-only`);
    } else if (!HOST_ACCESS_OK.includes(mode)) {
      errs.push(`host volumes cannot be mounted with ${mode} access mode`);
    }
    return errs;
  }
  if (v.AttachmentMode === '') errs.push('CSI volumes must have an attachment mode');
  else if (v.AttachmentMode === 'block-device' && v.MountOptions !== null)
    errs.push('block devices cannot have mount options');
  if (mode === '') errs.push('CSI volumes must have an access mode');
  else if (mode === 'single-node-reader-only') {
    if (!v.ReadOnly) errs.push(`${mode} volumes must be read-only`);
    if (single) errs.push(`volume with ${mode} access mode allows only one reader`);
  } else if (mode === 'single-node-writer') {
    if (single) errs.push(`volume with ${mode} access mode allows only one reader or writer`);
  } else if (mode === 'multi-node-reader-only') {
    if (!v.ReadOnly) errs.push(`${mode} volumes must be read-only`);
  } else if (mode === 'multi-node-single-writer') {
    if (!v.ReadOnly && single) errs.push(`volume with ${mode} access mode allows only one writer`);
  }
  return errs;
}

export function validateVolumeMount(m: VolumeMount): string[] {
  const errs: string[] = [];
  if (m.Volume === '') errs.push('volume mount references an empty volume');
  if (!['', 'private', 'host-to-task', 'bidirectional'].includes(m.PropagationMode)) {
    errs.push(`volume mount has an invalid propagation mode: ${goQuote(m.PropagationMode)}`);
  }
  if (!['', 'z', 'Z'].includes(m.SELinuxLabel)) {
    errs.push(`volume mount has an invalid SELinux label: "${m.SELinuxLabel}"`);
  }
  return errs;
}
