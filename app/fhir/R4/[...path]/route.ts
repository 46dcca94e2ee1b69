import type { NextRequest } from "next/server";
import { FHIR_JSON, operationOutcome } from "@/lib/fhir/bundle";
import { FHIR_SCOPES, fhirRoute, preferStrict } from "@/lib/fhir/handler";
import { callerLocale } from "@/lib/server/api";
import { clock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { appUrl, env } from "@/lib/server/env";
import { toAppError } from "@/lib/server/errors-map";
import { authorize } from "@/lib/server/guard";
import { assertSafeRequestText } from "@/lib/server/validation";

// The FHIR R4 read API (lib/fhir): every /fhir/R4/… GET, answered in application/fhir+json, errors
// as an OperationOutcome. Bearer tokens (sign-in or integration, scope full or fhir:read) or the session.

const decoded = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
const fhirJson = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": FHIR_JSON, ...headers } });

export async function GET(req: NextRequest, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  try {
    const segments = (await params).path.map(decoded);
    assertSafeRequestText(req.nextUrl, segments);
    const route = fhirRoute(segments, {
      base: appUrl(),
      url: req.nextUrl,
      software: env().HOSPITAL_NAME,
      now: clock.now(),
      strict: preferStrict(req.headers.get("prefer")),
    });
    const body =
      route.permission === null ? route.run() : await route.run(db(), await authorize(route.permission, FHIR_SCOPES));
    return fhirJson(body, 200);
  } catch (err) {
    const e = toAppError(err, { method: req.method, path: req.nextUrl.pathname });
    const { code, message, fields } = e.toBody(await callerLocale()).error;
    const headers: Record<string, string> = {
      ...(e.retryAfter ? { "Retry-After": String(e.retryAfter) } : {}),
      // RFC 6750: a 401 names the scheme it wants.
      ...(e.status === 401 ? { "WWW-Authenticate": 'Bearer realm="fhir"' } : {}),
    };
    return fhirJson(operationOutcome({ code, message, fields }), e.status, headers);
  }
}
