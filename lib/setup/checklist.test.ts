import { describe, expect, it } from "vitest";
import { reachableFromOtherMachines } from "./checklist";

describe("the first-run checklist's APP_URL check", () => {
  it("refuses localhost and loopback addresses, accepts a name or address others can reach", () => {
    for (const url of [
      "http://localhost:3000",
      "http://127.0.0.1:3000",
      "http://[::1]:3000",
      "http://app.localhost",
      "http://0.0.0.0:3000",
    ]) {
      expect(reachableFromOtherMachines(url)).toBe(false);
    }
    for (const url of ["https://hospital.example.org", "http://10.0.0.5:3000", "https://his.lan"])
      expect(reachableFromOtherMachines(url)).toBe(true);
  });
});
