// Stream naming: one stream per evaluation, ordered with its job's events (same partition key).

export interface EvaluationStreamRef {
  id: string;
  category: 'evaluation';
  partitionKey: string;
}

export function evaluationStream(
  evaluationId: string,
  namespace: string,
  jobId: string,
): EvaluationStreamRef {
  return {
    id: `evaluation-${evaluationId}`,
    category: 'evaluation',
    partitionKey: `${namespace}/${jobId}`,
  };
}
