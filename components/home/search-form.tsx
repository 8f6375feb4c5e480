/** The search box: a plain GET form, so it works without JavaScript and the query lives in the URL. */
export function SearchForm({ defaultValue = "", action = "/" }: { defaultValue?: string; action?: string }) {
  return (
    <form action={action} method="get" role="search" className="flex w-full flex-col gap-2 sm:flex-row">
      <label htmlFor="q" className="sr-only">
        按机关或地名搜索
      </label>
      <input
        id="q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder="机关、地名或拼音，如：鄂托克、etuoke"
        className="min-w-0 flex-1 rounded border border-slate-400 px-3 py-2 text-base focus:border-sky-700 focus:outline-none focus:ring-2 focus:ring-sky-200"
      />
      <button type="submit" className="rounded bg-sky-800 px-4 py-2 text-white hover:bg-sky-900">
        搜索
      </button>
    </form>
  );
}
