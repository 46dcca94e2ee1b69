import { expect, test, type APIRequestContext } from "@playwright/test";
import { DateTime } from "luxon";
import { screenshot, apiToken, bearer, demoDoctorId, registerPatient, signIn } from "./fixtures";

// A fresh patient account, so the counts are this test's own: each booking notifies the patient.
const EMAIL = `bell.${Date.now()}@example.org`;
const PW = "Bell-pass-2026";

async function bookFreeSlots(request: APIRequestContext, headers: Record<string, string>, n: number) {
  const doctorId = await demoDoctorId(request);
  let booked = 0;
  for (let d = 2; d < 30 && booked < n; d++) {
    const date = DateTime.utc().plus({ days: d }).toISODate()!;
    const slots = (await (await request.get(`/api/v1/doctors/${doctorId}/slots?date=${date}`, { headers })).json())
      .items as { startsAt: string; free: boolean }[];
    for (const s of slots.filter((x) => x.free)) {
      if (booked >= n) break;
      const r = await request.post("/api/v1/appointments", { headers, data: { doctorId, startsAt: s.startsAt } });
      if (r.status() === 201) {
        booked++;
        break; // one per day: a patient cannot be in two places at once anyway
      }
    }
  }
  expect(booked).toBe(n);
}

test("a user sees the bell count, opens the notifications and marks them read", async ({ page, request }) => {
  await registerPatient(request, {
    email: EMAIL,
    password: PW,
    firstName: "Bell",
    lastName: "Ringer",
    dateOfBirth: "1985-04-04",
    sex: "female",
  });
  const me = bearer((await apiToken(request, EMAIL, PW)).token);
  await bookFreeSlots(request, me, 2);

  const unread = await (await request.get("/api/v1/notifications?unread=true", { headers: me })).json();
  expect(unread).toMatchObject({ total: 2, unread: 2, page: 1, pageSize: 20 });

  await signIn(page, EMAIL, PW);
  await expect(page).toHaveURL(/\/dashboard/);
  const bell = page.getByTestId("notification-bell");
  await expect(page.getByTestId("notification-count")).toHaveText("2");
  await bell.click();
  const panel = page.getByTestId("notification-panel");
  await expect(panel.getByRole("link", { name: /Appointment booked/ })).toHaveCount(2);
  await screenshot(page, { path: ".test-artifacts/screens/notification-bell.png" });
  await panel.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByTestId("notification-count")).toHaveCount(0);

  // One more, read from the notifications page.
  await bookFreeSlots(request, me, 1);
  await page.goto("/notifications?unread=true");
  await expect(page.getByTestId("notification-count")).toHaveText("1");
  const list = page.getByTestId("notification-list");
  await expect(list.locator("[data-unread]")).toHaveCount(1);
  await screenshot(page, { path: ".test-artifacts/screens/notifications.png", fullPage: true });
  await list.getByRole("button", { name: "Mark as read" }).click();
  await expect(page.getByText("You have read everything.")).toBeVisible();
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await page.goto("/notifications");
  await expect(page.getByTestId("notification-list").locator("li")).toHaveCount(3);

  // The API agrees, and another user's ids are never touched.
  const after = await (await request.get("/api/v1/notifications", { headers: me })).json();
  expect(after).toMatchObject({ total: 3, unread: 0 });
  const patch = await request.patch("/api/v1/notifications", { headers: me, data: { ids: ["someone-elses-id"] } });
  expect(await patch.json()).toEqual({ updated: 0, unread: 0 });
  const bad = await request.patch("/api/v1/notifications", { headers: me, data: {} });
  expect(bad.status()).toBe(400);
});
