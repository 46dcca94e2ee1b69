/**
 * A bar filled to `fraction` (0 to 1) of its box: an SVG rectangle whose width is an attribute,
 * because a style="width: …" attribute is refused by the pages' Content-Security-Policy
 * (lib/server/headers.ts). Decorative: the number it shows is written beside it.
 */
export function FillBar({ fraction, className, fill }: { fraction: number; className: string; fill: string }) {
  const pct = Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 10;
  return (
    <svg className={className} aria-hidden="true" focusable="false">
      <rect width={`${pct}%`} height="100%" className={fill} />
    </svg>
  );
}
