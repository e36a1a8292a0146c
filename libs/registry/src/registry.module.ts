import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { PostgresEventStore } from '@caravan/event-store';
import { JobStreamWriter } from './job-commands/job-stream.writer';
import { RegisterJobHandler } from './register-job/register-job.handler';
import { DeregisterJobHandler } from './deregister-job/deregister-job.handler';
import { RevertJobHandler } from './revert-job/revert-job.handler';
import { SetJobStabilityHandler } from './set-job-stability/set-job-stability.handler';
import { EvaluateJobHandler } from './evaluate-job/evaluate-job.handler';

/** The registry's command side: one handler per use case, all writing through the event store. */
@Module({})
export class RegistryModule {
  static forRoot(store: PostgresEventStore): DynamicModule {
    return {
      module: RegistryModule,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: JobStreamWriter, useValue: new JobStreamWriter(store) },
        RegisterJobHandler,
        DeregisterJobHandler,
        RevertJobHandler,
        SetJobStabilityHandler,
        EvaluateJobHandler,
      ],
    };
  }
}
