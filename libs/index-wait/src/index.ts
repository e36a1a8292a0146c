export { IndexGate, IndexWaitTimeoutError, IndexGateClosedError } from './index-gate';
