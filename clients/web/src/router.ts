// Two pages, each with its own address so it can be bookmarked and reloaded: the list at / and
// one inference at /inferences/<id>. The service answers any such path with index.html.

export type Route = { page: "list" } | { page: "detail"; id: string };

export function currentRoute(): Route {
  const match = /^\/inferences\/([^/]+)\/?$/.exec(location.pathname);
  return match ? { page: "detail", id: decodeURIComponent(match[1]) } : { page: "list" };
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
