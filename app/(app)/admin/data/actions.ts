"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { saveRecord } from "@/lib/databrowser/edit";
import { ENTITY_KEYS } from "@/lib/databrowser/registry";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

/** An edit from the data browser: the entity's own permission and schema are checked by saveRecord, then its service writes and audits. */
export const saveRecordAction = defineAction(
  {
    permission: "data.browse",
    schema: z.object({ entity: z.enum(ENTITY_KEYS), id: z.string().min(1), patch: z.record(z.string(), z.unknown()) }),
  },
  async (ctx, { entity, id, patch }) => {
    const saved = await saveRecord(db(), ctx, entity, id, patch);
    revalidatePath(`/admin/data/${entity}/${id}`);
    return saved;
  },
);
