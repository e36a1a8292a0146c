import type { z } from 'zod';
import { invalidCommand } from '@caravan/contracts';
import { describeIssues, type ValidCommandMeta } from './command-meta.schema';

/** What a table row may add to a payload besides the meta: ids of what the command creates. */
export interface CommandContext {
  meta: ValidCommandMeta;
  newId: () => string;
}

/** One row: the payload's schema and how a valid payload becomes a domain command. */
export interface CommandEntry<Command> {
  /** payload → domain command; throws INVALID_ARGUMENT when the payload fails its schema */
  decode(payload: unknown, context: CommandContext): Command;
}

/**
 * Builds a row. The payload type flows from the schema into `toCommand`, so a row cannot name
 * a field its schema does not check.
 */
export function commandEntry<Payload, Command>(
  type: string,
  schema: z.ZodType<Payload, z.ZodTypeDef, unknown>,
  toCommand: (payload: Payload, context: CommandContext) => Command,
): CommandEntry<Command> {
  return {
    decode(payload, context) {
      const parsed = schema.safeParse(payload);
      if (!parsed.success)
        throw invalidCommand(`invalid ${type} payload: ${describeIssues(parsed.error)}`);
      return toCommand(parsed.data, context);
    },
  };
}
