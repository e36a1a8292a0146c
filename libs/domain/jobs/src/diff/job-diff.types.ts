// Nomad's plan and version diff shapes (nomad/structs/diff.go), field for field: they go to the
// wire unchanged in `GET /v1/job/:id/versions?diffs=true` and the plan response's `Diff`.

/** How one side relates to the other. `None` appears only in a contextual diff. */
export type DiffType = 'Added' | 'Deleted' | 'Edited' | 'None';

/** One flattened primitive: `Count`, `Meta[owner]`, `args[0]`. Absent sides are "". */
export interface FieldDiff {
  Type: DiffType;
  Name: string;
  Old: string;
  New: string;
  /** `forces create`/`forces destroy` on a group's Count once annotated; else null. */
  Annotations: string[] | null;
}

/** A nested block (`Periodic`, `Constraint`, `Resources`...) and what changed inside it. */
export interface ObjectDiff {
  Type: DiffType;
  Name: string;
  Fields: FieldDiff[] | null;
  Objects: ObjectDiff[] | null;
}

export interface TaskDiff {
  Type: DiffType;
  Name: string;
  Fields: FieldDiff[] | null;
  Objects: ObjectDiff[] | null;
  /** The scheduler's verdict once annotated (`forces create/destroy update`...); else null. */
  Annotations: string[] | null;
}

export interface TaskGroupDiff {
  Type: DiffType;
  Name: string;
  Fields: FieldDiff[] | null;
  Objects: ObjectDiff[] | null;
  Tasks: TaskDiff[] | null;
  /** Plan only: `create`, `destroy`, `in-place update`... → how many allocations. */
  Updates: Record<string, number> | null;
}

export interface JobDiff {
  Type: DiffType;
  ID: string;
  Fields: FieldDiff[] | null;
  Objects: ObjectDiff[] | null;
  TaskGroups: TaskGroupDiff[] | null;
}
