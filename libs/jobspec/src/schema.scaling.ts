// scaling blocks (api/scaling.go): a group's horizontal policy, a task's cpu/mem policies.

import { p, server, struct, v } from './schema.types';

export const SCALING = struct('ScalingPolicy', [
  p('Min', 'min', 'int'),
  p('Max', 'max', 'int'),
  v('Policy', 'policy', 'anyMap'),
  p('Enabled', 'enabled', 'bool'),
  v('Type', 'type', 'string'),
  server('ID', ''),
  server('Namespace', ''),
  server('Target'),
  server('CreateIndex', 0),
  server('ModifyIndex', 0),
]);
