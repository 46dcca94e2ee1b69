import type { Messages } from "@/lib/i18n";
import { prescriptionsEn } from "@/lib/i18n/prescriptions.en";

/** Routes are stored as their English word (stable data); shown in the reader's language. */
export const ROUTE_VALUES: readonly string[] = prescriptionsEn.routes;

/** A stored route in the reader's language; free text that is not a known route shows as written. */
export function routeLabel(route: string, m: Pick<Messages["prescriptions"], "routes">): string {
  const i = ROUTE_VALUES.indexOf(route);
  return i >= 0 ? (m.routes[i] ?? route) : route;
}
