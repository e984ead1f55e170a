/**
 * Helpers shared by resolvers.
 */

/** The values a DataLoader.loadMany found (dropping misses and errors). */
export function present<T>(values: readonly (T | null | undefined | Error)[]): T[] {
  return values.filter((v): v is T => v !== null && v !== undefined && !(v instanceof Error));
}
