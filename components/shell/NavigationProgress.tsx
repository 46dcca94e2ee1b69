"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

/** The event that announces a navigation started by script (router.push), not by a link. */
export const NAVIGATION_START = "app:navigation-start";

/** Whether a click on this link leaves for another page of the app in this tab. */
function leadsElsewhere(e: MouseEvent, a: HTMLAnchorElement): boolean {
  if (
    e.button !== 0 ||
    e.metaKey ||
    e.ctrlKey ||
    e.shiftKey ||
    e.altKey ||
    a.target === "_blank" ||
    a.hasAttribute("download")
  )
    return false;
  const url = new URL(a.href, location.href);
  return (
    url.origin === location.origin &&
    !url.pathname.startsWith("/api/") &&
    url.pathname + url.search !== location.pathname + location.search
  );
}

/**
 * A bar across the top and a spoken "Loading…" while the next page is on its way, so a slow server
 * never looks dead. Shown from a click on a link within the app (or a NAVIGATION_START event) until
 * the address changes. (A loading.tsx would do it too, but would send a denied page's 404 as a 200:
 * the response starts before the page's guard runs.)
 */
export function NavigationProgress({ label }: { label: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const [pending, setPending] = useState(false);
  const [shownAt, setShownAt] = useState(`${pathname}?${search}`);
  if (shownAt !== `${pathname}?${search}`) {
    setShownAt(`${pathname}?${search}`);
    setPending(false);
  }
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const a = e.target instanceof Element ? e.target.closest("a[href]") : null;
      if (a instanceof HTMLAnchorElement && leadsElsewhere(e, a)) setPending(true);
    };
    const onStart = () => setPending(true);
    document.addEventListener("click", onClick, true);
    window.addEventListener(NAVIGATION_START, onStart);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener(NAVIGATION_START, onStart);
    };
  }, []);
  return (
    <>
      <div
        aria-hidden
        className={`pointer-events-none fixed inset-x-0 top-0 z-50 h-1 overflow-hidden ${pending ? "" : "hidden"}`}
        data-testid="navigation-progress"
      >
        <div className="h-full w-1/3 animate-progress bg-brand-600 motion-reduce:animate-none" />
      </div>
      <span role="status" className="sr-only">
        {pending ? label : ""}
      </span>
    </>
  );
}
