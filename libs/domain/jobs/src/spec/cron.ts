// hashicorp/cronexpr's Parse, for its errors only (Nomad validates periodic specs with it).
// 5 fields: minute..day-of-week; 6: minute..year; 7: second..year; fields past the 7th are
// ignored. Macros are substituted anywhere in the line, as strings.Replacer does.

interface Field {
  name: string;
  min: number;
  max: number;
  value: string;
}

const MINUTE: Field = { name: 'minute', min: 0, max: 59, value: '0?[0-9]|[1-5][0-9]' };
const SECOND: Field = { ...MINUTE, name: 'second' };
const HOUR: Field = { name: 'hour', min: 0, max: 23, value: '0?[0-9]|1[0-9]|2[0-3]' };
const DOM: Field = { name: 'day-of-month', min: 1, max: 31, value: '0?[1-9]|[12][0-9]|3[01]' };
const MONTH: Field = {
  name: 'month',
  min: 1,
  max: 12,
  value:
    '0?[1-9]|1[012]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december',
};
const DOW: Field = {
  name: 'day-of-week',
  min: 0,
  max: 6,
  value:
    '0?[0-7]|sun|mon|tue|wed|thu|fri|sat|sunday|monday|tuesday|wednesday|thursday|friday|saturday',
};
const YEAR: Field = { name: 'year', min: 1970, max: 2099, value: '19[789][0-9]|20[0-9]{2}' };

const MACROS: [string, string][] = [
  ['@yearly', '0 0 0 1 1 * *'],
  ['@annually', '0 0 0 1 1 * *'],
  ['@monthly', '0 0 0 1 * * *'],
  ['@weekly', '0 0 0 * * 0 *'],
  ['@daily', '0 0 0 * * * *'],
  ['@hourly', '0 0 * * * * *'],
];

/** The error cronexpr.Parse returns for `line`, or null when it parses. */
export function cronParseError(line: string): string | null {
  let cron = line;
  for (const [macro, expansion] of MACROS) cron = cron.split(macro).join(expansion);
  // Go's \S is ASCII: anything but space, \t, \n, \f, \r.
  const fields = cron.match(/[^ \t\n\f\r]+/g) ?? [];
  if (fields.length < 5) return 'missing field(s)';
  const count = Math.min(fields.length, 7);
  const layout =
    count === 7
      ? [SECOND, MINUTE, HOUR, DOM, MONTH, DOW, YEAR]
      : [MINUTE, HOUR, DOM, MONTH, DOW, ...(count === 6 ? [YEAR] : [])];
  for (const [i, field] of layout.entries()) {
    const err = fieldError(fields[i] ?? '', field);
    if (err !== null) return err;
  }
  return null;
}

/** Numbers as cronexpr's token table knows them: 0-59, 00-09 and the years; others are 0. */
const stepOf = (s: string): number => {
  const n = Number(s);
  const known = /^(?:[0-9]|0[0-9]|[1-5][0-9]|19[7-9][0-9]|20[0-9]{2})$/.test(s);
  return known ? n : 0;
};

function fieldError(text: string, f: Field): string | null {
  const entries = [...text.matchAll(/[^,]+/g)].map((m) => m[0]);
  if (entries.length === 0) return `${f.name} field: missing directive`;
  const re = (layout: string) => new RegExp(layout.replaceAll('%value%', f.value));
  // Parse phase: classify every entry; a bad interval aborts before anything else.
  const kinds: ('all' | 'ok' | 'none')[] = [];
  for (const entry of entries) {
    const s = entry.toLowerCase();
    if (/^\*$|^\?$/.test(s)) kinds.push('all');
    else if (re('^(%value%)$').test(s) || re('^(%value%)-(%value%)$').test(s)) kinds.push('ok');
    else {
      const step =
        /^\*\/(\d+)$/.exec(s)?.[1] ??
        re('^(%value%)/(\\d+)$').exec(s)?.[2] ??
        re('^(%value%)-(%value%)/(\\d+)$').exec(s)?.[3];
      if (step === undefined) kinds.push('none');
      else if (stepOf(step) < 1 || stepOf(step) > f.max) return `invalid interval ${s}`;
      else kinds.push('ok');
    }
  }
  // Handler phase, in entry order. Plain fields stop at a wildcard (later junk is ignored);
  // day-of-month and day-of-week accept their special forms (L, W, LW, nL, n#k).
  for (const [i, kind] of kinds.entries()) {
    const entry = entries[i] ?? '';
    const s = entry.toLowerCase();
    if (kind === 'all' && f !== DOM && f !== DOW) return null;
    if (kind !== 'none') continue;
    if (f === DOM && (s === 'l' || s === 'lw' || re('^(%value%)w$').test(s))) continue;
    if (f === DOW && (re('^(%value%)l$').test(s) || re('^(%value%)#([1-5])$').test(s))) continue;
    return `syntax error in ${f.name} field: '${entry}'`;
  }
  return null;
}
