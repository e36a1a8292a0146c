/** A running Caravan, whichever way it was started; e2e suites run against each. */
export interface CaravanUnderTest {
  mode: 'embedded' | 'distributed';
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}
