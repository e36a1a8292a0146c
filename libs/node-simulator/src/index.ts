export { NodeSimulator, type NodeSimulatorOptions } from './node-simulator';
