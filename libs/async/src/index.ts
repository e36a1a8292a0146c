export { sleep } from './sleep';
