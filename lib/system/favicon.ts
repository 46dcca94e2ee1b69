// The browser tab's icon: the hospital's initials (HOSPITAL_NAME) on the brand colour, as SVG, so each
// installation's tab is recognisable without an image to supply (app/favicon.svg/route.ts).

/** "City General Hospital" → "CG"; "Hôpital" → "H"; letters and digits only, at most two. */
export function initials(name: string): string {
  const words = name
    .split(/\s+/)
    .map((w) => w.match(/[\p{L}\p{N}]/u)?.[0] ?? "")
    .filter(Boolean);
  return (words.slice(0, 2).join("") || "H").toLocaleUpperCase();
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function faviconSvg(hospitalName: string): string {
  const text = escapeXml(initials(hospitalName));
  const size = text.length > 1 ? 30 : 40;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><title>${escapeXml(hospitalName)}</title><rect width="64" height="64" rx="12" fill="#1d5fbf"/><text x="32" y="33" dominant-baseline="central" text-anchor="middle" font-family="system-ui, sans-serif" font-weight="700" font-size="${size}" fill="#fff">${text}</text></svg>`;
}
