import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getPrescription } from "@/lib/prescriptions/queries";

export const GET = apiRoute<{ id: string }>("prescription.read", ({ ctx, params }) => getPrescription(db(), ctx, params.id));
