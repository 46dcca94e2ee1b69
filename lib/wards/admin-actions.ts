"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { ZBedPatch, ZRoomPatch, ZWardPatch } from "@/lib/wards/schemas";
import { createBed, createRoom, createWard, updateBed, updateRoom, updateWard } from "@/lib/wards/service";
import { ops as wardsOps } from "@/lib/wards/contract";

const refresh = () => {
  revalidatePath("/admin/wards");
  revalidatePath("/beds");
};
const withId = <S extends z.ZodObject>(schema: S) => z.object({ id: z.string().min(1), patch: schema });

export const createWardAction = defineAction(
  { permission: wardsOps.postWards.permission, schema: wardsOps.postWards.body },
  async (ctx, input) => {
    const { id } = await createWard(db(), ctx, input);
    refresh();
    return { id };
  },
);

export const updateWardAction = defineAction(
  { permission: "ward.manage", schema: withId(ZWardPatch) },
  async (ctx, { id, patch }) => {
    await updateWard(db(), ctx, id, patch);
    refresh();
    return { id };
  },
);

export const createRoomAction = defineAction(
  { permission: wardsOps.postRooms.permission, schema: wardsOps.postRooms.body },
  async (ctx, input) => {
    const { id } = await createRoom(db(), ctx, input);
    refresh();
    return { id };
  },
);

export const updateRoomAction = defineAction(
  { permission: "ward.manage", schema: withId(ZRoomPatch) },
  async (ctx, { id, patch }) => {
    await updateRoom(db(), ctx, id, patch);
    refresh();
    return { id };
  },
);

export const createBedAction = defineAction(
  { permission: wardsOps.postBeds.permission, schema: wardsOps.postBeds.body },
  async (ctx, input) => {
    const { id } = await createBed(db(), ctx, input);
    refresh();
    return { id };
  },
);

export const updateBedAction = defineAction(
  { permission: "ward.manage", schema: withId(ZBedPatch) },
  async (ctx, { id, patch }) => {
    await updateBed(db(), ctx, id, patch);
    refresh();
    return { id };
  },
);
