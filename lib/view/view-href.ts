/**
 * Links between views keep every choice in the URL: a link reproduces the view and the back button works.
 * Defaults and empty values are left out so URLs stay short and one view has one URL.
 */

/** Any view parameter as it appears in a URL (arrays are comma-joined). */
export type ViewParams = Record<string, string | number | boolean | readonly number[] | undefined | null>;

const DEFAULTS: Record<string, string> = {
  figure: "requestsReceived",
  page: "1",
  pageSize: "50",
  sort: "value",
  dir: "desc",
  order: "desc",
  include: "0",
  format: "json",
  reportScope: "own",
  view: "map",
};

function toText(value: ViewParams[string]): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (Array.isArray(value)) return value.join(",");
  return String(value);
}

/** The query string (with "?", or "" when empty) for these parameters with some replaced. */
export function toQuery(params: ViewParams, overrides: ViewParams = {}): string {
  const merged = { ...params, ...overrides };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    const text = toText(value);
    if (text !== "" && DEFAULTS[key] !== text) search.set(key, text);
  }
  const query = search.toString();
  return query ? `?${query}` : "";
}

/** A path with the view's query string. */
export function toViewHref(path: string, params: ViewParams, overrides: ViewParams = {}): string {
  return `${path}${toQuery(params, overrides)}`;
}
