import type { ProjectedRow } from '../projection/projection.types';
import type { NomadNodeJson } from './node.events';

/** One row of `rm_nodes`: what the node list filters on, plus the full node. */
export interface NodeRow extends ProjectedRow {
  id: string;
  name: string;
  datacenter: string;
  nodePool: string;
  status: string;
  createIndex: number;
  modifyIndex: number;
  /** Nomad's node JSON with Status and the indexes kept equal to the columns */
  node: NomadNodeJson;
}
