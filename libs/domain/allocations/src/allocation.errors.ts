import { DomainError } from '@caravan/domain/shared';

export type AllocationErrorCode =
  | 'ALLOCATION_NOT_FOUND'
  | 'ALLOCATION_EXISTS'
  | 'ALLOCATION_TERMINAL'
  | 'ALLOCATION_ALREADY_REPLACED';

/** A command the allocation's history forbids; the code names which rule. */
export class AllocationDomainError extends DomainError {
  constructor(
    override readonly code: AllocationErrorCode,
    readonly allocationId: string,
  ) {
    super(code, `allocation ${allocationId}: ${code.toLowerCase().replace(/_/g, ' ')}`);
  }
}
