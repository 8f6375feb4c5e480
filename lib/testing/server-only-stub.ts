/**
 * Stands in for the `server-only` package under vitest (which does not run with the react-server condition),
 * so DB query modules that import "server-only" can be tested.
 */
export {};
