import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getHospitalStats } from "@/lib/stats/queries";

export const GET = apiRoute("stats.read", () => getHospitalStats(db()));
