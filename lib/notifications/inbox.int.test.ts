import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedUser } from "@/prisma/builders";
import { clock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { parseInput } from "@/lib/server/validation";
import { ZMarkRead } from "@/lib/triage/schemas";
import { resetDatabase } from "@/tests/reset";
import { listNotifications, markRead, unreadCount } from "./inbox";
import { notify } from "./service";

const PW = "pw-0123456789";
const ctxOf = (u: { id: string; email: string }, role: Ctx["actor"]["role"]): Ctx => ({
  actor: { id: u.id, role, name: role, email: u.email },
  ip: null,
});
let alice: Ctx, bob: Ctx;

async function seedNotes(userId: string, n: number, prefix: string) {
  for (let i = 0; i < n; i++) {
    await db().notification.create({
      data: {
        userId,
        title: `${prefix} ${i}`,
        body: "b",
        link: "/appointments",
        createdAt: new Date(Date.UTC(2026, 10, 1, 8, i)),
      },
    });
  }
  return (await db().notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" } })).map((r) => r.id);
}

describe("notification centre", () => {
  beforeEach(async () => {
    await resetDatabase();
    alice = ctxOf(
      await seedUser(db(), { email: "alice@h.org", name: "Alice", role: "DOCTOR", password: PW }),
      "DOCTOR",
    );
    bob = ctxOf(await seedUser(db(), { email: "bob@h.org", name: "Bob", role: "PATIENT", password: PW }), "PATIENT");
  });

  it("lists only the caller's own, newest first, paged, with the unread count", async () => {
    await seedNotes(alice.actor.id, 5, "A");
    await seedNotes(bob.actor.id, 3, "B");
    const page1 = await listNotifications(db(), alice, { unread: false }, { skip: 0, take: 2 });
    expect(page1.total).toBe(5);
    expect(page1.unread).toBe(5);
    expect(page1.items.map((n) => n.title)).toEqual(["A 4", "A 3"]);
    const page3 = await listNotifications(db(), alice, { unread: false }, { skip: 4, take: 2 });
    expect(page3.items.map((n) => n.title)).toEqual(["A 0"]);
    expect(
      (await listNotifications(db(), bob, { unread: false }, { skip: 0, take: 20 })).items.every((n) =>
        n.title.startsWith("B"),
      ),
    ).toBe(true);
  });

  it("marks the given ids read, never another user's, whatever ids are sent", async () => {
    const mine = await seedNotes(alice.actor.id, 3, "A");
    const theirs = await seedNotes(bob.actor.id, 2, "B");
    const at = new Date("2026-11-22T08:00:00Z");
    vi.spyOn(clock, "now").mockReturnValue(at);
    const r = await markRead(db(), alice, parseInput(ZMarkRead, { ids: [mine[0], ...theirs] }));
    vi.restoreAllMocks();
    expect(r).toEqual({ updated: 1, unread: 2 });
    expect((await db().notification.findUniqueOrThrow({ where: { id: mine[0] } })).readAt).toEqual(at);
    expect(await db().notification.count({ where: { userId: bob.actor.id, readAt: null } })).toBe(2);
    expect(await unreadCount(db(), bob.actor.id)).toBe(2);
    const unreadOnly = await listNotifications(db(), alice, { unread: true }, { skip: 0, take: 20 });
    expect(unreadOnly.items.map((n) => n.id)).toEqual([mine[1], mine[2]]);
    expect(unreadOnly.unread).toBe(2);
    expect(await db().auditEvent.count({ where: { entity: "Notification", actorId: alice.actor.id } })).toBe(1);
  });

  it("marks all of the caller's read and leaves the others' alone", async () => {
    await seedNotes(alice.actor.id, 4, "A");
    await seedNotes(bob.actor.id, 2, "B");
    expect(await markRead(db(), alice, parseInput(ZMarkRead, { all: true }))).toEqual({ updated: 4, unread: 0 });
    expect(await unreadCount(db(), alice.actor.id)).toBe(0);
    expect(await unreadCount(db(), bob.actor.id)).toBe(2);
    // Nothing left to mark: no write, no audit row.
    expect(await markRead(db(), alice, parseInput(ZMarkRead, { all: true }))).toEqual({ updated: 0, unread: 0 });
    expect(await db().auditEvent.count({ where: { entity: "Notification" } })).toBe(1);
  });

  it("counts what notify() writes", async () => {
    await db().$transaction((tx) =>
      notify(tx, bob.actor.id, { title: "Appointment booked", body: "Tomorrow 09:00", link: "/appointments" }),
    );
    expect(await unreadCount(db(), bob.actor.id)).toBe(1);
  });

  it("needs ids or all", () => {
    expect(() => parseInput(ZMarkRead, {})).toThrow();
    expect(() => parseInput(ZMarkRead, { ids: [] })).toThrow();
    expect(() => parseInput(ZMarkRead, { all: false })).toThrow();
  });
});
