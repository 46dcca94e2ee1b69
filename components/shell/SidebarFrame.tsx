"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState, useSyncExternalStore } from "react";

const WIDE = "(min-width: 1024px)";
const subscribe = (onChange: () => void) => {
  const mq = window.matchMedia(WIDE);
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
};

/**
 * The page frame with a collapsible sidebar. From 1024 px the sidebar is shown beside the page
 * and the toggle hides it; below (tablets, phones) it is hidden and the toggle opens it over the
 * page (Escape, the backdrop or following a link closes it). The toggle's aria-expanded says
 * whether the sidebar is shown at the current width.
 */
export function SidebarFrame({
  sidebar,
  header,
  children,
  toggleLabel,
}: {
  sidebar: React.ReactNode;
  header: React.ReactNode;
  children: React.ReactNode;
  toggleLabel: string;
}) {
  // Toggled: the opposite of the width's default (hidden when wide, shown when narrow).
  const [toggled, setToggled] = useState(false);
  const wide = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(WIDE).matches,
    () => true,
  );
  const expanded = wide ? !toggled : toggled;
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  // A link followed from the opened drawer closes it (the page changed under it).
  if (shownFor !== pathname) {
    setShownFor(pathname);
    if (!wide && toggled) setToggled(false);
  }
  useEffect(() => {
    if (wide || !toggled) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setToggled(false);
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [wide, toggled]);

  return (
    <div
      className={`min-h-screen lg:grid ${toggled ? "lg:grid-cols-[minmax(0,1fr)]" : "lg:grid-cols-[15rem_minmax(0,1fr)]"}`}
    >
      {toggled ? (
        <div aria-hidden className="fixed inset-0 z-30 bg-slate-900/30 lg:hidden" onClick={() => setToggled(false)} />
      ) : null}
      <aside
        id="sidebar"
        className={`${toggled ? "fixed inset-y-0 left-0 z-40 block w-64 overflow-y-auto shadow-xl lg:hidden" : "hidden lg:block"} border-r border-slate-200 bg-white lg:static lg:min-h-screen lg:w-auto lg:shadow-none`}
      >
        {sidebar}
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="flex items-center gap-2 border-b border-slate-200 bg-white px-3 py-2 sm:px-4">
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls="sidebar"
            aria-label={toggleLabel}
            title={toggleLabel}
            onClick={() => setToggled((t) => !t)}
            className="inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-brand-600"
          >
            <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
              <path fillRule="evenodd" d="M3 5h14v2H3V5zm0 4h14v2H3V9zm0 4h14v2H3v-2z" clipRule="evenodd" />
            </svg>
          </button>
          {header}
        </header>
        {children}
      </div>
    </div>
  );
}
