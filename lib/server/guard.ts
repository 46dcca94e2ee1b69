import { notFound, redirect } from "next/navigation";
import { AppError, forbidden, unauthenticated } from "./errors";
import { can, type Permission } from "./permissions";
import { assertStepDone, requiredActionPage } from "./required-action";
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
  if (actor.scopes && !actor.scopes.includes("full") && !actor.scopes.some((s) => scopes.includes(s))) throw forbidden();
  return { actor, ip };
}

/** For server components: anonymous visitors go to the sign-in page; a forbidden page looks absent. */
export async function guardPage(permission: Permission, from?: string): Promise<Ctx> {
  try {
    return await authorize(permission);
  } catch (err) {
    if (err instanceof AppError && err.code === "UNAUTHENTICATED") redirect(from ? `/login?callbackUrl=${encodeURIComponent(from)}` : "/login");
    if (err instanceof AppError && err.code === "FORBIDDEN") notFound();
    const step = requiredActionPage(err);
    if (step) redirect(step);
    throw err;
  }
}
