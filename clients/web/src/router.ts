// Four pages, each with its own address so it can be bookmarked and reloaded: the list at /, one
// inference at /inferences/<id>, the evaluation comparison at /compare and the metrics chart at
// /charts. The service answers any such path with index.html.

export type Route = { page: "list" } | { page: "detail"; id: string } | { page: "compare" } | { page: "charts" };

export function currentRoute(): Route {
  const match = /^\/inferences\/([^/]+)\/?$/.exec(location.pathname);
  if (match) {
    return { page: "detail", id: decodeURIComponent(match[1]) };
  }
  const page = /^\/(compare|charts)\/?$/.exec(location.pathname)?.[1];
  return page === "compare" || page === "charts" ? { page } : { page: "list" };
}

export const detailPath = (id: string): string => `/inferences/${encodeURIComponent(id)}`;

/** Follows in-app links (a[data-link]) without reloading; calls onChange for them and for back/forward. */
export function startRouter(onChange: (route: Route) => void): void {
  const go = (path: string) => {
    history.pushState(null, "", path);
    onChange(currentRoute());
  };
  document.addEventListener("click", (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>("a[data-link]");
    // A modified click (new tab, new window) stays the browser's.
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    go(link.pathname);
  });
  window.addEventListener("popstate", () => onChange(currentRoute()));
  onChange(currentRoute());
}
