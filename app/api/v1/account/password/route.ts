import { ZChangePassword } from "@/lib/accounts/schemas";
import { changePassword } from "@/lib/accounts/service";
import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

/** `{ currentPassword, newPassword, confirmPassword }`: every session and token of the caller ends, this one too. */
export const PUT = apiRoute("account.changePassword", async ({ req, ctx }) => {
  await changePassword(db(), ctx, await readJson(req, ZChangePassword));
  return { status: "changed" };
});
