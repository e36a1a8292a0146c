import type { ProjectedRow } from '../projection/projection.types';
import type { NomadEvaluation } from './evaluation.json';

/** One row of `rm_evaluations`: one evaluation, in Nomad's JSON. */
export interface EvaluationRow extends ProjectedRow {
  id: string;
  namespace: string;
  jobId: string;
  status: string;
  createIndex: number;
  modifyIndex: number;
  evaluation: NomadEvaluation;
}
