import { describe, expect, it } from "vitest";
import { insecurePublicUrls, insecurePublicUrlWarning } from "./public-url";

describe("npm start's public URL check", () => {
  it("warns about plain http to another machine, naming each setting", () => {
    expect(insecurePublicUrls({ NEXTAUTH_URL: "http://his.example.org", APP_URL: "http://10.0.0.5:3000" })).toEqual([
      "NEXTAUTH_URL=http://his.example.org",
      "APP_URL=http://10.0.0.5:3000",
    ]);
    const warning = insecurePublicUrlWarning({ NEXTAUTH_URL: "http://his.example.org" });
    expect(warning).toContain("WARNING: the public URL is not https: NEXTAUTH_URL=http://his.example.org");
    expect(warning?.split("\n")[0]).toMatch(/^!{72}$/);
  });

  it("is silent for https, and for http on this machine", () => {
    for (const env of [
      { NEXTAUTH_URL: "https://his.example.org" },
      { NEXTAUTH_URL: "http://localhost:3000" },
      { NEXTAUTH_URL: "http://127.0.0.1:3100", APP_URL: "http://[::1]:3000" },
      { APP_URL: "https://his.example.org", NEXTAUTH_URL: "http://LOCALHOST:3000" },
      {},
    ]) {
      expect(insecurePublicUrlWarning(env), JSON.stringify(env)).toBeNull();
    }
  });
});
