// Jest globalTeardown: stops what global-setup.ts started, once the last setup call is balanced.
import { stopAll } from './global-setup';
import { testInfraState } from './test-infra.state';

export default async function globalTeardown(): Promise<void> {
  const state = testInfraState();
  state.refs = Math.max(0, state.refs - 1);
  if (state.refs > 0) return;
  await stopAll();
}
