import type { Db } from "@/lib/server/db";
import { appUrl, env } from "@/lib/server/env";

// The first-run checklist on the admin's dashboard: what a new installation still needs before the
// hospital relies on it. Each item is done or not, with where to fix it (a page of the app, or the
// setting to put in .env / the environment, read at start).

export type ChecklistItem = {
  key: "hospitalName" | "departments" | "staff" | "wards" | "appUrl" | "smtp" | "backups";
  done: boolean;
  /** The app's page where it is fixed; none for a setting of the environment. */
  href?: string;
  /** The setting that fixes it, for those done in .env. */
  setting?: string;
};

const DEFAULT_HOSPITAL_NAME = "City General Hospital";

/** True when `url` is one people on other machines can open: not localhost or a loopback address. */
export function reachableFromOtherMachines(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return !(
    host === "localhost" ||
    host.endsWith(".localhost") ||
    /^127\./.test(host) ||
    host === "::1" ||
    host === "0.0.0.0"
  );
}

export async function firstRunChecklist(prisma: Db): Promise<ChecklistItem[]> {
  const e = env();
  const [departments, staff, wards] = await Promise.all([
    prisma.department.count({ where: { active: true } }),
    prisma.user.count({ where: { role: { notIn: ["ADMIN", "PATIENT"] }, active: true } }),
    prisma.ward.count(),
  ]);
  return [
    { key: "hospitalName", done: e.HOSPITAL_NAME !== DEFAULT_HOSPITAL_NAME, setting: "HOSPITAL_NAME" },
    { key: "departments", done: departments > 0, href: "/admin/departments" },
    { key: "staff", done: staff > 0, href: "/admin/staff" },
    { key: "wards", done: wards > 0, href: "/admin/wards" },
    { key: "appUrl", done: reachableFromOtherMachines(appUrl()), setting: "APP_URL" },
    { key: "smtp", done: !!e.SMTP_URL, href: "/admin/outbox", setting: "SMTP_URL" },
    { key: "backups", done: !!e.BACKUP_DIR, setting: "BACKUP_DIR" },
  ];
}
