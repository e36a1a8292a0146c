import { z } from 'zod';
import type { ValueType } from './value-types';

// Zod fields for single environment variables. Each one collects its own issue (zod keeps
// going after a failed field), so one start-up reports every bad variable at once.
// An empty or blank value counts as unset: `FOO=` in a compose file or shell means "no value".

function present(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  return text === undefined || text === '' ? undefined : text;
}

function check<T>(type: ValueType<T>, text: string, ctx: z.RefinementCtx, note = ''): T {
  const value = type.parse(text);
  if (value !== undefined) return value;
  const shown = type.show ? type.show(text) : text;
  ctx.addIssue({
    code: z.ZodIssueCode.custom,
    message: `expected ${type.expected}, got ${note}${JSON.stringify(shown)}`,
  });
  return z.NEVER;
}

export function required<T>(type: ValueType<T>) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      const text = present(raw);
      if (text !== undefined) return check(type, text, ctx);
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'required, not set' });
      return z.NEVER;
    });
}

export function optional<T>(type: ValueType<T>) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | undefined => {
      const text = present(raw);
      return text === undefined ? undefined : check(type, text, ctx);
    });
}

/** The default is validated too: it may come from the machine (the hostname). */
export function withDefault<T>(type: ValueType<T>, fallback: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      const text = present(raw);
      return text === undefined ? check(type, fallback, ctx, 'default ') : check(type, text, ctx);
    });
}
