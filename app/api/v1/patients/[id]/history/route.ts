import { patientHistory } from "@/lib/patients/queries";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";

export const GET = apiRoute<{ id: string }>("patient.read", async ({ ctx, params }) => ({ items: await patientHistory(db(), ctx, params.id) }));
