import { describe, expect, it } from "vitest";
import { backupSchedule } from "./schedule";

describe("the backup schedule", () => {
  it("runs on BACKUP_SCHEDULE in the hospital's time zone only when BACKUP_DIR is set", () => {
    expect(
      backupSchedule({
        BACKUP_DIR: "/var/backups/hospital",
        BACKUP_SCHEDULE: "0 2 * * *",
        HOSPITAL_TIMEZONE: "Africa/Dakar",
      }),
    ).toEqual({ cron: "0 2 * * *", tz: "Africa/Dakar" });
    expect(
      backupSchedule({ BACKUP_DIR: undefined, BACKUP_SCHEDULE: "0 2 * * *", HOSPITAL_TIMEZONE: "UTC" }),
    ).toBeNull();
  });
});
