import { expect, type APIRequestContext, type Page } from "@playwright/test";

// The demo accounts seeded by prisma/seed.ts for the e2e run (scripts/test.ts seeds them).
export const PASSWORD = "Demo-pass-2026";
export const USERS = {
  ADMIN: "admin@demo.hospital",
  DOCTOR: "doctor@demo.hospital",
  NURSE: "nurse@demo.hospital",
  PHARMACIST: "pharmacist@demo.hospital",
  RECORDS_OFFICER: "records@demo.hospital",
  PATIENT: "patient@demo.hospital",
} as const;
export type RoleName = keyof typeof USERS;
export const ROLE_NAMES = Object.keys(USERS) as RoleName[];

export const storageFor = (role: RoleName) => `.test-artifacts/auth/${role}.json`;

/** Signs in through the real form. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function apiToken(request: APIRequestContext, email: string, password = PASSWORD): Promise<{ token: string; userId: string }> {
  const res = await request.post("/api/v1/auth/token", { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  const body = await res.json();
  return { token: body.token, userId: body.user.id };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

let doctorId: string | undefined;
/** The demo cardiologist's user id (Dr. Grace Okafor), through the doctors API. */
export async function demoDoctorId(request: APIRequestContext): Promise<string> {
  if (doctorId) return doctorId;
  const { token } = await apiToken(request, USERS.PATIENT);
  const res = await request.get("/api/v1/doctors?q=Okafor", { headers: bearer(token) });
  expect(res.status()).toBe(200);
  doctorId = (await res.json()).items[0].id as string;
  return doctorId;
}

let drugId: string | undefined;
/** Amoxicillin 500 mg capsule's id, through the drugs API. */
export async function demoDrugId(request: APIRequestContext): Promise<string> {
  if (drugId) return drugId;
  const { token } = await apiToken(request, USERS.PHARMACIST);
  const res = await request.get("/api/v1/drugs?q=amoxicillin", { headers: bearer(token) });
  expect(res.status()).toBe(200);
  drugId = ((await res.json()).items as { id: string; form: string; genericName: string }[]).find((d) => d.genericName === "amoxicillin" && d.form === "capsule")!.id;
  return drugId;
}
