/**
 * Pagination envelope of list answers: `{ items, pagination: { page, pageSize, total, totalPages } }`.
 */

export type Pagination = { page: number; pageSize: number; total: number; totalPages: number };

/** The pagination block for a page of `total` items. */
export function toPagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }): Pagination {
  return { page, pageSize, total, totalPages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** A paginated list answer. */
export function toPage<T>(items: T[], meta: { page: number; pageSize: number; total: number }): { items: T[]; pagination: Pagination } {
  return { items, pagination: toPagination(meta) };
}
