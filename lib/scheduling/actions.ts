"use server";

import { revalidatePath } from "next/cache";
import { listPatients } from "@/lib/patients/queries";
import { ZAppointmentAction, ZAvailabilityAction, ZPatientLookup } from "@/lib/scheduling/schemas";
import { bookAppointment, changeAppointment, setAvailability } from "@/lib/scheduling/service";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { ops as schedulingOps } from "@/lib/scheduling/contract";

export const bookAppointmentAction = defineAction(
  { permission: schedulingOps.postAppointments.permission, schema: schedulingOps.postAppointments.body },
  async (ctx, input) => {
    const { id } = await bookAppointment(db(), ctx, input);
    revalidatePath("/appointments");
    revalidatePath(`/doctors/${input.doctorId}`);
    return { id };
  },
);

/** Reschedule (`{ startsAt }`) or a status change (`{ status, reason? }`) of one appointment. */
export const changeAppointmentAction = defineAction(
  { permission: "appointment.book", schema: ZAppointmentAction },
  async (ctx, { id, change }) => {
    await changeAppointment(db(), ctx, id, change);
    revalidatePath("/appointments");
    revalidatePath(`/appointments/${id}`);
    return { id };
  },
);

/** The booking form's patient search (staff only): the first few matches, demographics only. */
export const findPatientsAction = defineAction(
  { permission: "patient.list", schema: ZPatientLookup },
  async (_ctx, { q }) => {
    const { items } = await listPatients(db(), {
      q,
      page: 1,
      pageSize: 8,
      skip: 0,
      take: 8,
      sort: { field: "lastName", dir: "asc" },
    });
    return items.map((p) => ({
      id: p.id,
      mrn: p.mrn,
      name: `${p.firstName} ${p.lastName}`,
      dateOfBirth: p.dateOfBirth,
    }));
  },
);

export const saveAvailabilityAction = defineAction(
  { permission: "availability.manage", schema: ZAvailabilityAction },
  async (ctx, { doctorId, ...input }) => {
    await setAvailability(db(), ctx, doctorId, input);
    revalidatePath("/availability");
    revalidatePath(`/admin/staff/${doctorId}/availability`);
    revalidatePath(`/doctors/${doctorId}`);
    return { doctorId };
  },
);
