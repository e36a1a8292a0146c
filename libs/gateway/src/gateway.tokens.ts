// Injection tokens of the gateway module.
export const INDEX_HUB = Symbol('INDEX_HUB');
export const PG_POOL = Symbol('PG_POOL');
export const GATEWAY_LOGGER = Symbol('GATEWAY_LOGGER');
export const ERROR_STATUSES = Symbol('ERROR_STATUSES');
export const ROUTE_MATCHER = Symbol('ROUTE_MATCHER');
