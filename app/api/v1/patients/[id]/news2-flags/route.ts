import { setNews2Flags } from "@/lib/clinical/service";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/patients/contract";

/** Doctors: the patient's NEWS2 flags (pregnancy: no score; SpO2 scale 2), for sets recorded from then on. */
export const PUT = apiRoute(ops.putPatientsByIdNews2Flags, async ({ ctx, params, body }) =>
  setNews2Flags(db(), ctx, params.id, body),
);
