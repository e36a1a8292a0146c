export { startSequencerSweep } from './sequencer-sweep';
export { createRegistryExecutor, type RegistryExecutor } from './registry-executor';
export { RegistryModule } from './registry.module';
export { RegistryCommands, eventMetadata } from './commands/registry-commands';
export { JOB_COMMANDS } from './commands/job-commands.table';
export { JobStreamWriter } from './job-commands/job-stream.writer';
