import { changePassword } from "@/lib/accounts/service";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/accounts/contract";

/** `{ currentPassword, newPassword, confirmPassword }`: every session and token of the caller ends, this one too. */
export const PUT = apiRoute(ops.putAccountPassword, async ({ ctx, body }) => {
  await changePassword(db(), ctx, body);
  return { status: "changed" };
});
