import { confirmEmail } from "@/lib/accounts/email-confirmation";
import { publicRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";
import { ops } from "@/lib/accounts/contract";

/** `{ token }` from the confirmation email's link: the account may then book and read its record. */
export const POST = publicRoute(ops.postAuthConfirmEmail, async ({ req, body }) => {
  await confirmEmail(db(), body, clientIp(req.headers));
  return { status: "confirmed" };
});
