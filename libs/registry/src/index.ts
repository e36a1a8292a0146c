export { startSequencerSweep } from './sequencer-sweep';
export { CommandRouter, UnknownCommandError } from './command-router';
export { createRegistryExecutor, type RegistryExecutor } from './registry-executor';
export { RegistryModule } from './registry.module';
export { JobStreamWriter } from './job-commands/job-stream.writer';
