import { confirmEmail } from "@/lib/accounts/email-confirmation";
import { ZConfirmEmail } from "@/lib/accounts/registration-schemas";
import { publicRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";

/** `{ token }` from the confirmation email's link: the account may then book and read its record. */
export const POST = publicRoute(async ({ req }) => {
  await confirmEmail(db(), await readJson(req, ZConfirmEmail), clientIp(req.headers));
  return { status: "confirmed" };
});
