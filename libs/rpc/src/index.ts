export { GrpcRegistryServer, type CommandExecutor } from './grpc-registry.server';
export { GrpcRegistryClient, type GrpcRegistryClientOptions } from './grpc-registry.client';
export { InProcessRegistryClient } from './in-process-registry.client';
