import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getHospitalStats } from "@/lib/stats/queries";
import { ops } from "@/lib/stats/contract";

export const GET = apiRoute(ops.getStats, () => getHospitalStats(db()));
