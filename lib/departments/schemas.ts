import { z } from "zod";
import { E } from "@/lib/i18n/error-keys";

const m = E.staff.departments;
const tooLong = E.staff.phrases.tooLong;

const name = z.string({ error: m.enterName }).trim().min(1, m.enterName).max(100, tooLong(100));
const description = z.string().trim().max(500, tooLong(500)).nullable().optional();

export const ZDepartmentCreate = z.object({ name, description });
export type DepartmentCreateInput = z.infer<typeof ZDepartmentCreate>;

/** PATCH semantics: absent fields stay as they are. `active: false` deactivates. */
export const ZDepartmentUpdate = z.object({
  name: name.optional(),
  description,
  // Forms send "true"/"false" strings, the API sends booleans.
  active: z.boolean().optional(),
});
export type DepartmentUpdateInput = z.infer<typeof ZDepartmentUpdate>;
