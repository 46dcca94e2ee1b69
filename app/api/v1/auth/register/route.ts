import { ZSelfRegister } from "@/lib/patients/schemas";
import { selfRegister } from "@/lib/patients/service";
import { created, publicRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";

/** A patient's self-registration: the same rules as the /register page. */
export const POST = publicRoute(async ({ req }) => {
  const input = await readJson(req, ZSelfRegister);
  const { userId, id, mrn } = await selfRegister(db(), input, clientIp(req.headers));
  return created({ id, mrn, userId });
});
