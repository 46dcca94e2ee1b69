import { beforeEach, describe, expect, it } from "vitest";
import { seedUser } from "@/prisma/builders";
import { parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { resetDatabase } from "@/tests/reset";
import { DEPARTMENT_SORTS, departmentOptions, listDepartments } from "./queries";
import { ZDepartmentCreate, ZDepartmentUpdate } from "./schemas";
import { createDepartment, updateDepartment } from "./service";

describe("departments", () => {
  let ctx: { actor: { id: string; role: "ADMIN"; name: string; email: string }; ip: null };
  beforeEach(async () => {
    await resetDatabase();
    const admin = await seedUser(db(), {
      email: "admin@x.org",
      name: "Admin",
      role: "ADMIN",
      password: "admin-password-1",
    });
    ctx = { actor: { id: admin.id, role: "ADMIN", name: "Admin", email: "admin@x.org" }, ip: null };
  });

  it("creates, renames and deactivates a department, each audited", async () => {
    const d = await createDepartment(
      db(),
      ctx,
      parseInput(ZDepartmentCreate, { name: " Cardiology ", description: "Heart" }),
    );
    expect(d).toMatchObject({ name: "Cardiology", description: "Heart", active: true, staffCount: 0 });
    const edited = await updateDepartment(
      db(),
      ctx,
      d.id,
      parseInput(ZDepartmentUpdate, { name: "Cardiac care", active: false }),
    );
    expect(edited).toMatchObject({ name: "Cardiac care", active: false });
    expect(await departmentOptions(db())).toEqual([]);
    const events = await db().auditEvent.findMany({
      where: { entity: "Department", entityId: d.id },
      orderBy: { seq: "asc" },
      select: { action: true, details: true },
    });
    expect(events).toEqual([
      { action: "CREATE", details: { name: "Cardiology" } },
      {
        action: "UPDATE",
        details: { changes: { name: { from: "Cardiology", to: "Cardiac care" }, active: { from: true, to: false } } },
      },
    ]);
  });

  it("refuses a duplicate name (the unique index decides, even for concurrent creations)", async () => {
    const results = await Promise.allSettled([
      createDepartment(db(), ctx, { name: "Pediatrics" }),
      createDepartment(db(), ctx, { name: "Pediatrics" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      code: "DUPLICATE",
      fields: { name: "A department with this name already exists" },
    });
    const other = await createDepartment(db(), ctx, { name: "Neurology" });
    await expect(updateDepartment(db(), ctx, other.id, { name: "Pediatrics" })).rejects.toMatchObject({
      code: "DUPLICATE",
    });
    expect(await db().department.count()).toBe(2);
  });

  it("refuses bad input and an unknown department", async () => {
    expect(() => parseInput(ZDepartmentCreate, { name: "  ", description: "x".repeat(501) })).toThrow(
      expect.objectContaining({ fields: { name: "Enter a name", description: "Use at most 500 characters" } }),
    );
    await expect(updateDepartment(db(), ctx, "missing", { name: "X" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists departments with paging and search", async () => {
    for (const name of ["Cardiology", "Neurology", "Orthopedics"]) await createDepartment(db(), ctx, { name });
    const page = await listDepartments(
      db(),
      parseListQuery(new URLSearchParams("q=olog&pageSize=1&page=2"), DEPARTMENT_SORTS),
      { includeInactive: true },
    );
    expect(page.total).toBe(2);
    expect(page.items.map((d) => d.name)).toEqual(["Neurology"]);
    await updateDepartment(db(), ctx, page.items[0].id, { active: false });
    expect(
      (
        await listDepartments(db(), parseListQuery(new URLSearchParams(""), DEPARTMENT_SORTS), {
          includeInactive: false,
        })
      ).items.map((d) => d.name),
    ).toEqual(["Cardiology", "Orthopedics"]);
  });
});
