"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};
/** False while the server renders and while the page hydrates, true in the browser from then on. */
export const useHydrated = () =>
  useSyncExternalStore(
    never,
    () => true,
    () => false,
  );

/**
 * The figure a recharts chart is drawn in, drawn only in the browser. On the server recharts can
 * measure nothing, and what it renders there (ResponsiveContainer's sized boxes) carries
 * style="" attributes, which the pages' Content-Security-Policy refuses (lib/server/headers.ts);
 * in the browser React sets styles through the CSSOM, which CSP allows. `height` (px) is set the
 * same way; the class gives the figure its size until then.
 */
export function ChartFigure({
  label,
  className,
  height,
  testId,
  children,
}: {
  label: string;
  className: string;
  height?: number;
  testId?: string;
  children: React.ReactNode;
}) {
  const hydrated = useHydrated();
  return (
    <figure
      aria-label={label}
      className={className}
      style={hydrated && height ? { height } : undefined}
      data-testid={testId}
    >
      {hydrated ? children : null}
    </figure>
  );
}
