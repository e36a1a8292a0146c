/** Ends every switch over a union (STYLE.md rule 7): adding a member breaks the build here. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
