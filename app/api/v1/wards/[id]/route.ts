import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ZWardPatch } from "@/lib/wards/schemas";
import { updateWard } from "@/lib/wards/service";

/** `{ name?, type?, departmentId?, active? }`: wards are deactivated, never deleted. */
export const PATCH = apiRoute<{ id: string }>("ward.manage", async ({ req, ctx, params }) => updateWard(db(), ctx, params.id, await readJson(req, ZWardPatch)));
