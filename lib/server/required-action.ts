import type { RequiredAction } from "@/lib/generated/prisma/enums";
import { AppError } from "./errors";
import type { Permission } from "./permissions";
import { E } from "@/lib/i18n/error-keys";

// An account with a required action (User.requiredAction: confirm the email, choose its own
// password) may do only that step until it is done: every other page leads there and every other
// API call answers 403 with the step's code. Checked by the one door (guard.authorize), after the
// permission table, so no page, action or route can forget it.

/** The permissions still open during each step: the step itself and the account's language. */
const OPEN_DURING: Record<RequiredAction, readonly Permission[]> = {
  VERIFY_EMAIL: ["account.confirmEmail", "account.language"],
  UPDATE_PASSWORD: ["account.changePassword", "account.language"],
};

/** Where a signed-in browser is sent for each step. */
export const REQUIRED_ACTION_PAGE: Record<RequiredAction, string> = {
  VERIFY_EMAIL: "/register/confirm",
  UPDATE_PASSWORD: "/change-password",
};

const ERRORS: Record<RequiredAction, () => AppError> = {
  VERIFY_EMAIL: () => new AppError("EMAIL_UNCONFIRMED", E.accounts.errors.emailUnconfirmed),
  UPDATE_PASSWORD: () => new AppError("PASSWORD_CHANGE_REQUIRED", E.accounts.errors.passwordChangeRequired),
};

/** Throws the step's error when the actor has a step to do and the permission is not part of it. */
export function assertStepDone(actor: { requiredAction?: RequiredAction | null }, permission: Permission): void {
  const step = actor.requiredAction;
  if (step && !OPEN_DURING[step].includes(permission)) throw ERRORS[step]();
}

/** The page for a required-action error, or null for any other error. */
export function requiredActionPage(err: unknown): string | null {
  if (!(err instanceof AppError)) return null;
  if (err.code === "EMAIL_UNCONFIRMED") return REQUIRED_ACTION_PAGE.VERIFY_EMAIL;
  if (err.code === "PASSWORD_CHANGE_REQUIRED") return REQUIRED_ACTION_PAGE.UPDATE_PASSWORD;
  return null;
}
