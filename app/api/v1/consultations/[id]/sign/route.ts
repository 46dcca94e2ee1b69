import { signConsultation } from "@/lib/clinical/service";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";

/** The author signs; edits stay open to them until `lockedAt`. */
export const POST = apiRoute<{ id: string }>("clinical.write", async ({ ctx, params }) => signConsultation(db(), ctx, params.id));
