import { Module, type DynamicModule } from '@nestjs/common';
import type { PostgresEventStore } from '@caravan/event-store';
import { JobStreamWriter } from './job-commands/job-stream.writer';
import { RegistryCommands } from './commands/registry-commands';
import { AllocationStopWriter } from './alloc-commands/allocation-stop.writer';

/**
 * The registry's command side: the command table in front of the job stream writer, and the
 * allocation stop (Nomad's Alloc.Stop).
 */
@Module({})
export class RegistryModule {
  static forRoot(store: PostgresEventStore): DynamicModule {
    const writer = new JobStreamWriter(store);
    return {
      module: RegistryModule,
      providers: [
        { provide: JobStreamWriter, useValue: writer },
        {
          provide: RegistryCommands,
          useValue: new RegistryCommands(writer, undefined, new AllocationStopWriter(store)),
        },
      ],
      exports: [RegistryCommands],
    };
  }
}
