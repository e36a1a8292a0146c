export {
  paginate,
  PageCollector,
  jobPaginationToken,
  type Page,
  type PaginateOptions,
} from './paginate';
export { compareGoStrings } from './go-string-order';
