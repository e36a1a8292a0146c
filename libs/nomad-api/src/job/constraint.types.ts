// Placement rules shared by jobs, groups, tasks and devices.

export interface Constraint {
  LTarget: string;
  RTarget: string;
  /** `=`, `!=`, `<`, `<=`, `>`, `>=`, `regexp`, `version`, `semver`, `set_contains`, ... */
  Operand: string;
}

export interface Affinity {
  LTarget: string;
  RTarget: string;
  Operand: string;
  /** int8 in Nomad: -100..100, 0 is rejected. */
  Weight: number;
}

export interface SpreadTarget {
  Value: string;
  /** uint8 percent. */
  Percent: number;
}

export interface Spread {
  Attribute: string;
  Weight: number;
  SpreadTarget: SpreadTarget[] | null;
}
