import { expect, test } from "@playwright/test";
import { PASSWORD, USERS, apiToken, bearer } from "./fixtures";

test("status is public and checks the database", async ({ request }) => {
  const res = await request.get("/api/v1/status");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: "ok", version: expect.any(String) });
});

test("a token carries the user, expires, and opens the API", async ({ request }) => {
  const res = await request.post("/api/v1/auth/token", { data: { email: USERS.ADMIN, password: PASSWORD } });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.user).toMatchObject({ role: "ADMIN", name: "Ada Admin", id: expect.any(String) });
  expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
  const stats = await request.get("/api/v1/stats", { headers: bearer(body.token) });
  expect(stats.status()).toBe(200);
  const counts = await stats.json();
  expect(counts.staff.byRole).toMatchObject({ ADMIN: expect.any(Number), DOCTOR: expect.any(Number) });
  expect(counts.patients.total).toBeGreaterThan(0);
  expect(counts.appointments.byStatus).toMatchObject({
    BOOKED: expect.any(Number),
    COMPLETED: expect.any(Number),
    CANCELLED: expect.any(Number),
  });
  expect(counts.beds.total).toBe(
    counts.beds.occupied + counts.beds.free + counts.beds.cleaning + counts.beds.outOfService,
  );
  expect(counts.beds.occupied).toBeGreaterThan(0);
});

test("wrong password and unknown email give the same 401 body", async ({ request }) => {
  const wrong = await request.post("/api/v1/auth/token", {
    data: { email: USERS.DOCTOR, password: "not-the-password" },
  });
  const unknown = await request.post("/api/v1/auth/token", {
    data: { email: "nobody@demo.hospital", password: "whatever" },
  });
  expect(wrong.status()).toBe(401);
  expect(unknown.status()).toBe(401);
  expect(await wrong.json()).toEqual(await unknown.json());
  expect((await wrong.json()).error.code).toBe("UNAUTHENTICATED");
});

test("a forged or garbage token is refused", async ({ request }) => {
  const res = await request.get("/api/v1/patients", { headers: bearer("abc.def.ghi") });
  expect(res.status()).toBe(401);
});

test("malformed JSON is a 400 and invalid fields are listed", async ({ request }) => {
  const malformed = await request.post("/api/v1/auth/token", {
    data: Buffer.from("{not json"),
    headers: { "content-type": "application/json" },
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe("MALFORMED_JSON");
  const invalid = await request.post("/api/v1/auth/token", { data: { email: "" } });
  expect(invalid.status()).toBe(400);
  const body = await invalid.json();
  expect(body.error.code).toBe("VALIDATION_FAILED");
  expect(Object.keys(body.error.fields).sort()).toEqual(["email", "password"]);
});

test("list answers follow the paging convention and refuse a page size over 100", async ({ request }) => {
  const { token } = await apiToken(request, USERS.RECORDS_OFFICER);
  const res = await request.get("/api/v1/patients?pageSize=5&page=2&sort=-createdAt", { headers: bearer(token) });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ page: 2, pageSize: 5, total: expect.any(Number) });
  expect(body.items).toHaveLength(5);
  expect(Object.keys(body.items[0]).sort()).toEqual([
    "dateOfBirth",
    "firstName",
    "id",
    "lastName",
    "mrn",
    "phone",
    "sex",
  ]);
  const tooBig = await request.get("/api/v1/patients?pageSize=500", { headers: bearer(token) });
  expect(tooBig.status()).toBe(400);
  expect((await tooBig.json()).error.fields.pageSize).toBe("At most 100");
});

test("wards, rooms and beds are paged lists; the beds' occupancy counts every matching bed, not only the page", async ({
  request,
}) => {
  const { token } = await apiToken(request, USERS.NURSE);
  const get = async (path: string) => {
    const res = await request.get(path, { headers: bearer(token) });
    expect(res.status(), await res.text()).toBe(200);
    return res.json();
  };
  const wards = await get("/api/v1/wards?pageSize=2&page=2");
  expect(wards).toMatchObject({ page: 2, pageSize: 2, total: expect.any(Number) });
  expect(wards.total).toBeGreaterThanOrEqual(5);
  expect(wards.items).toHaveLength(2);
  expect(wards.items[0].occupancy).toMatchObject({ total: expect.any(Number), occupancyPct: expect.any(Number) });
  const rooms = await get("/api/v1/rooms?pageSize=3");
  expect(rooms).toMatchObject({ page: 1, pageSize: 3 });
  expect(rooms.items).toHaveLength(3);
  expect(rooms.total).toBeGreaterThanOrEqual(17);

  const first = await get("/api/v1/beds");
  expect(first).toMatchObject({ page: 1, pageSize: 20 });
  expect(first.items).toHaveLength(20);
  expect(first.total).toBeGreaterThanOrEqual(40);
  const { occupancy } = first;
  expect(occupancy.total).toBeGreaterThan(20);
  expect(occupancy.total).toBe(occupancy.occupied + occupancy.free + occupancy.cleaning + occupancy.outOfService);
  const second = await get("/api/v1/beds?page=2");
  expect(second.items[0].id).not.toBe(first.items[0].id);
  const pediatrics = await get("/api/v1/beds?q=pediatrics&pageSize=100");
  expect(pediatrics.total).toBe(6);
  expect(pediatrics.items.map((b: { room: { ward: { name: string } } }) => b.room.ward.name)).toEqual(
    Array(6).fill("Pediatrics"),
  );
  expect(pediatrics.occupancy.total).toBe(6);
  const tooBig = await request.get("/api/v1/beds?pageSize=101", { headers: bearer(token) });
  expect(tooBig.status()).toBe(400);
});

test("deactivating a user kills a token issued before, and sign-in is refused after", async ({ request }) => {
  const victim = await apiToken(request, "leaver@demo.hospital");
  expect((await request.get("/api/v1/patients", { headers: bearer(victim.token) })).status()).toBe(200);
  const admin = await apiToken(request, USERS.ADMIN);
  const del = await request.delete(`/api/v1/staff/${victim.userId}`, {
    headers: bearer(admin.token),
    data: { reason: "Left the hospital" },
  });
  expect(del.status()).toBe(204);
  const after = await request.get("/api/v1/patients", { headers: bearer(victim.token) });
  expect(after.status()).toBe(401);
  const again = await request.post("/api/v1/auth/token", {
    data: { email: "leaver@demo.hospital", password: PASSWORD },
  });
  expect(again.status()).toBe(401);
});

test("repeated failures on one account give 429 with Retry-After", async ({ request }) => {
  let last;
  for (let i = 0; i < 6; i++) {
    last = await request.post("/api/v1/auth/token", {
      data: { email: "throttled@demo.hospital", password: `wrong-${i}` },
    });
  }
  expect(last!.status()).toBe(429);
  expect(Number(last!.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await last!.json()).error.code).toBe("RATE_LIMITED");
  // Even the right password waits until the delay (a minute after the fifth failure) has passed.
  const right = await request.post("/api/v1/auth/token", {
    data: { email: "throttled@demo.hospital", password: PASSWORD },
  });
  expect(right.status()).toBe(429);
});
