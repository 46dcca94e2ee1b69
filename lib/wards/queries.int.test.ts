import { beforeEach, describe, expect, it } from "vitest";
import type { BedState } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";
import { BOARD_WARDS_PER_PAGE, bedBoard, freeBeds, listBeds, listRooms, listWards, wardOptions } from "./queries";

// The paged ward, room and bed lists and the bed board a few wards per page: totals and occupancy
// counted in SQL over every matching row, not only the page's.

const page = (n: number, take: number) => ({ skip: (n - 1) * take, take });

// Six active wards (Ward 1 … Ward 6), each with two rooms of three beds: bed A free, B occupied,
// C cleaning; Ward 2's room 2 bed C is out of service; one inactive bed (Ward 1 · Room 1 · Z), one
// inactive room (Ward 1 · Room 9, one free bed) and one inactive ward (Closed ward, one free bed).
let wardIds: Record<string, string>;
let roomIds: Record<string, string>;

async function seed() {
  wardIds = {};
  roomIds = {};
  const bed = (roomId: string, label: string, state: BedState = "FREE", active = true) =>
    db().bed.create({ data: { roomId, label, state, active }, select: { id: true } });
  for (const w of [6, 5, 4, 3, 2, 1]) {
    const ward = await db().ward.create({ data: { name: `Ward ${w}`, type: "GENERAL" }, select: { id: true } });
    wardIds[`Ward ${w}`] = ward.id;
    for (const r of [2, 1]) {
      const room = await db().room.create({
        data: { wardId: ward.id, name: `Room ${r}`, type: "SHARED", capacity: 4 },
        select: { id: true },
      });
      roomIds[`Ward ${w}/Room ${r}`] = room.id;
      await bed(room.id, "C", w === 2 && r === 2 ? "OUT_OF_SERVICE" : "CLEANING");
      await bed(room.id, "B", "OCCUPIED");
      await bed(room.id, "A");
    }
  }
  await bed(roomIds["Ward 1/Room 1"], "Z", "FREE", false);
  const closedRoom = await db().room.create({
    data: { wardId: wardIds["Ward 1"], name: "Room 9", type: "SHARED", capacity: 1, active: false },
    select: { id: true },
  });
  await bed(closedRoom.id, "A");
  const closed = await db().ward.create({
    data: { name: "Closed ward", type: "GENERAL", active: false },
    select: { id: true },
  });
  wardIds["Closed ward"] = closed.id;
  const closedWardRoom = await db().room.create({
    data: { wardId: closed.id, name: "Room 1", type: "SHARED", capacity: 1 },
    select: { id: true },
  });
  await bed(closedWardRoom.id, "A");
}

describe("paged ward, room and bed lists", () => {
  beforeEach(async () => {
    await resetDatabase();
    await seed();
  });

  it("pages wards by name with the total and each ward's occupancy of its active beds in active rooms", async () => {
    const first = await listWards(db(), {}, page(1, 4));
    expect(first.total).toBe(6);
    expect(first.items.map((w) => w.name)).toEqual(["Ward 1", "Ward 2", "Ward 3", "Ward 4"]);
    expect(first.items[0]).toMatchObject({
      active: true,
      department: null,
      occupancy: { total: 6, occupied: 2, free: 2, cleaning: 2, outOfService: 0, occupancyPct: 33.3 },
    });
    expect(first.items[1].occupancy).toEqual({
      total: 6,
      occupied: 2,
      free: 2,
      cleaning: 1,
      outOfService: 1,
      occupancyPct: 40,
    });
    const second = await listWards(db(), {}, page(2, 4));
    expect(second).toMatchObject({ total: 6, items: [{ name: "Ward 5" }, { name: "Ward 6" }] });
    expect((await listWards(db(), {}, page(3, 4))).items).toEqual([]);
    const all = await listWards(db(), { includeInactive: true }, page(1, 20));
    expect(all.total).toBe(7);
    expect(all.items[0]).toMatchObject({
      name: "Closed ward",
      active: false,
      occupancy: { total: 1, free: 1, occupancyPct: 0 },
    });
    expect(await listWards(db(), { q: "ward 3" }, page(1, 20))).toMatchObject({
      total: 1,
      items: [{ name: "Ward 3" }],
    });
    expect(await listWards(db(), { q: "%" }, page(1, 20))).toMatchObject({ total: 0, items: [] });
    expect((await wardOptions(db())).map((w) => w.name)).toEqual([
      "Ward 1",
      "Ward 2",
      "Ward 3",
      "Ward 4",
      "Ward 5",
      "Ward 6",
    ]);
  });

  it("pages rooms by ward and name, filtered by ward and name, each with its own occupancy", async () => {
    const first = await listRooms(db(), {}, page(1, 5));
    expect(first.total).toBe(14);
    expect(first.items.map((r) => `${r.ward.name}/${r.name}`)).toEqual([
      "Closed ward/Room 1",
      "Ward 1/Room 1",
      "Ward 1/Room 2",
      "Ward 1/Room 9",
      "Ward 2/Room 1",
    ]);
    expect(first.items[1].occupancy).toEqual({
      total: 3,
      occupied: 1,
      free: 1,
      cleaning: 1,
      outOfService: 0,
      occupancyPct: 33.3,
    });
    expect(first.items[3]).toMatchObject({ active: false, occupancy: { total: 1, free: 1 } });
    const ward2 = await listRooms(db(), { wardId: wardIds["Ward 2"] }, page(2, 1));
    expect(ward2).toMatchObject({
      total: 2,
      items: [
        {
          name: "Room 2",
          ward: { id: wardIds["Ward 2"], name: "Ward 2" },
          occupancy: { outOfService: 1, occupancyPct: 50 },
        },
      ],
    });
    expect((await listRooms(db(), { q: "ROOM 9" }, page(1, 20))).items.map((r) => r.id)).toEqual([expect.any(String)]);
  });

  it("pages beds by ward, room and label; total and occupancy count every matching bed, not only the page", async () => {
    const first = await listBeds(db(), {}, page(1, 20));
    expect(first.total).toBe(6 * 6 + 3);
    expect(first.items).toHaveLength(20);
    expect(first.items.slice(0, 4).map((b) => `${b.room.ward.name}/${b.room.name}/${b.label}`)).toEqual([
      "Closed ward/Room 1/A",
      "Ward 1/Room 1/A",
      "Ward 1/Room 1/B",
      "Ward 1/Room 1/C",
    ]);
    expect(first.items[2]).toMatchObject({
      state: "OCCUPIED",
      active: true,
      stateChangedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      room: { id: roomIds["Ward 1/Room 1"] },
    });
    // Every active bed listed (inactive wards' and rooms' too, as before), the inactive bed Z listed but not counted.
    expect(first.occupancy).toEqual({
      total: 38,
      occupied: 12,
      free: 14,
      cleaning: 11,
      outOfService: 1,
      occupancyPct: 32.4,
    });
    const second = await listBeds(db(), {}, page(2, 20));
    expect(second.total).toBe(39);
    expect(second.items).toHaveLength(19);
    expect(second.occupancy).toEqual(first.occupancy);
    expect(new Set([...first.items, ...second.items].map((b) => b.id)).size).toBe(39);
    expect(second.items.at(-1)).toMatchObject({ label: "C", room: { name: "Room 2", ward: { name: "Ward 6" } } });

    const ward2 = await listBeds(db(), { wardId: wardIds["Ward 2"] }, page(1, 2));
    expect(ward2.total).toBe(6);
    expect(ward2.items.map((b) => b.label)).toEqual(["A", "B"]);
    expect(ward2.occupancy).toEqual({ total: 6, occupied: 2, free: 2, cleaning: 1, outOfService: 1, occupancyPct: 40 });
    const room = await listBeds(db(), { roomId: roomIds["Ward 1/Room 1"] }, page(1, 20));
    expect(room.items.map((b) => [b.label, b.active])).toEqual([
      ["A", true],
      ["B", true],
      ["C", true],
      ["Z", false],
    ]);
    expect(room.occupancy.total).toBe(3);
    const free = await listBeds(db(), { state: "FREE" }, page(2, 5));
    expect(free.total).toBe(15);
    expect(free.items.every((b) => b.state === "FREE")).toBe(true);
    expect(free.occupancy).toMatchObject({ total: 14, free: 14, occupied: 0 });
    expect(await listBeds(db(), { q: "ward 6", state: "OCCUPIED" }, page(1, 20))).toMatchObject({
      total: 2,
      occupancy: { total: 2, occupied: 2, occupancyPct: 100 },
    });
    expect((await listBeds(db(), { q: "z" }, page(1, 20))).items.map((b) => b.label)).toEqual(["Z"]);
  });
});

describe("the bed board, a few wards per page", () => {
  beforeEach(async () => {
    await resetDatabase();
    await seed();
  });

  it("shows a page of active wards with their rooms and beds, the total of wards, and each ward's occupancy before the state filter", async () => {
    expect(BOARD_WARDS_PER_PAGE).toBe(4);
    const first = await bedBoard(db(), {}, page(1, 4));
    expect(first.total).toBe(6);
    expect(first.items.map((w) => w.name)).toEqual(["Ward 1", "Ward 2", "Ward 3", "Ward 4"]);
    // Inactive rooms and beds are not on the board.
    expect(first.items[0].rooms.map((r) => [r.name, r.beds.map((b) => b.label)])).toEqual([
      ["Room 1", ["A", "B", "C"]],
      ["Room 2", ["A", "B", "C"]],
    ]);
    expect(first.items[1].occupancy).toEqual({
      total: 6,
      occupied: 2,
      free: 2,
      cleaning: 1,
      outOfService: 1,
      occupancyPct: 40,
    });
    const second = await bedBoard(db(), {}, page(2, 4));
    expect(second).toMatchObject({ total: 6, items: [{ name: "Ward 5" }, { name: "Ward 6" }] });
    expect(second.items[1].rooms.flatMap((r) => r.beds)).toHaveLength(6);
    expect(await bedBoard(db(), {}, page(3, 4))).toEqual({ items: [], total: 6 });

    // State filter: only wards with such a bed are paged; their occupancy still counts every bed.
    const outOfService = await bedBoard(db(), { state: "OUT_OF_SERVICE" }, page(1, 4));
    expect(outOfService.total).toBe(1);
    expect(outOfService.items).toHaveLength(1);
    expect(outOfService.items[0]).toMatchObject({
      name: "Ward 2",
      occupancy: { total: 6 },
      rooms: [{ name: "Room 2", beds: [{ label: "C", state: "OUT_OF_SERVICE", admission: null }] }],
    });
    const occupied = await bedBoard(db(), { state: "OCCUPIED" }, page(2, 4));
    expect(occupied.total).toBe(6);
    expect(occupied.items.flatMap((w) => w.rooms.flatMap((r) => r.beds.map((b) => b.state)))).toEqual([
      "OCCUPIED",
      "OCCUPIED",
      "OCCUPIED",
      "OCCUPIED",
    ]);
    expect(await bedBoard(db(), { wardId: wardIds["Ward 5"] }, page(1, 4))).toMatchObject({
      total: 1,
      items: [{ name: "Ward 5" }],
    });
    expect(await bedBoard(db(), { wardId: wardIds["Closed ward"] }, page(1, 4))).toEqual({ items: [], total: 0 });
  });

  it("offers one ward's free, active beds to the transfer picker", async () => {
    expect(await freeBeds(db(), wardIds["Ward 1"])).toEqual([
      { id: expect.any(String), name: "Ward 1 · Room 1 · A" },
      { id: expect.any(String), name: "Ward 1 · Room 2 · A" },
    ]);
    expect(await freeBeds(db(), wardIds["Closed ward"])).toEqual([]);
  });
});
