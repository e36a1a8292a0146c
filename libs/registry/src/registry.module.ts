import { Module, type DynamicModule } from '@nestjs/common';
import type { PostgresEventStore } from '@caravan/event-store';
import { JobStreamWriter } from './job-commands/job-stream.writer';
import { RegistryCommands } from './commands/registry-commands';

/** The registry's command side: the command table in front of the job stream writer. */
@Module({})
export class RegistryModule {
  static forRoot(store: PostgresEventStore): DynamicModule {
    const writer = new JobStreamWriter(store);
    return {
      module: RegistryModule,
      providers: [
        { provide: JobStreamWriter, useValue: writer },
        { provide: RegistryCommands, useValue: new RegistryCommands(writer) },
      ],
      exports: [RegistryCommands],
    };
  }
}
