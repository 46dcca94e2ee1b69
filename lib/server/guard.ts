import { notFound, redirect } from "next/navigation";
import { appUrl } from "./env";
import { AppError, forbidden, unauthenticated } from "./errors";
import { can, type Permission } from "./permissions";
import { assertStepDone, requiredActionPage } from "./required-action";
import { sameOriginPath } from "./safe-redirect";
import { currentCtx, type Ctx } from "./session";

/**
 * The door for pages and API routes: the caller must be signed in (session or bearer token, still
 * live) and hold the permission; a scoped integration token also needs a scope the route accepts. Throws UNAUTHENTICATED or FORBIDDEN.
 */
export async function authorize(permission: Permission, scopes: readonly string[] = []): Promise<Ctx> {
  const { actor, ip } = await currentCtx();
  if (!actor) throw unauthenticated();
  if (!can(actor.role, permission)) throw forbidden();
  assertStepDone(actor, permission);
  // An integration token that is not "full" reaches only the routes that accept one of its scopes.
  if (actor.scopes && !actor.scopes.includes("full") && !actor.scopes.some((s) => scopes.includes(s)))
    throw forbidden();
  return { actor, ip };
}

/**
 * The sign-in page's address for a visitor of `from`: back to `from` afterwards (only if it is a path
 * of this app), and why the session ended if it did.
 */
export function loginUrl(from?: string, ended?: string): string {
  const params = new URLSearchParams();
  const back = sameOriginPath(from, appUrl());
  if (back) params.set("callbackUrl", back);
  if (ended) params.set("ended", ended);
  const query = params.toString();
  return query ? `/login?${query}` : "/login";
}

/** For server components: anonymous visitors go to the sign-in page; a forbidden page looks absent. */
export async function guardPage(permission: Permission, from?: string): Promise<Ctx> {
  try {
    return await authorize(permission);
  } catch (err) {
    if (err instanceof AppError && err.code === "UNAUTHENTICATED") redirect(loginUrl(from, (await currentCtx()).ended));
    if (err instanceof AppError && err.code === "FORBIDDEN") notFound();
    const step = requiredActionPage(err);
    if (step) redirect(step);
    throw err;
  }
}
