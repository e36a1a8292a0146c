import { parseJson, stringifyJson } from '@caravan/json';

/**
 * A response body that is already JSON text (built by PostgreSQL, e.g. the jobs list): the
 * serializer sends it as it is, and only `?pretty` parses it to indent.
 */
export class RawJson {
  constructor(readonly text: string) {}

  pretty(indent: number): string {
    return stringifyJson(parseJson(this.text), indent);
  }
}
