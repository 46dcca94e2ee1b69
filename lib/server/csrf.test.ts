import { describe, expect, it } from "vitest";
import { assertSameSiteWrite } from "./csrf";
import type { AppError } from "./errors";

function code(method: string, headers: Record<string, string>): string | null {
  try {
    assertSameSiteWrite(
      new Request("http://127.0.0.1:3300/api/v1/staff", { method, headers: { host: "127.0.0.1:3300", ...headers } }),
    );
    return null;
  } catch (err) {
    return (err as AppError).code;
  }
}

const json = { "content-type": "application/json", "content-length": "20" };

describe("assertSameSiteWrite", () => {
  it("refuses a write another site's page made with the cookie", () => {
    expect(code("POST", { ...json, origin: "http://evil.example" })).toBe("CROSS_SITE_REQUEST");
    expect(code("PATCH", { ...json, "sec-fetch-site": "cross-site", origin: "http://evil.example" })).toBe(
      "CROSS_SITE_REQUEST",
    );
    expect(code("DELETE", { "sec-fetch-site": "same-site" })).toBe("CROSS_SITE_REQUEST");
    expect(code("POST", { ...json, origin: "null" })).toBe("CROSS_SITE_REQUEST");
    expect(code("POST", { ...json, origin: "http://127.0.0.1:3301" })).toBe("CROSS_SITE_REQUEST");
    // The text/plain request of the finding: refused for where it comes from before its type.
    expect(code("POST", { "content-type": "text/plain", origin: "http://evil.example" })).toBe("CROSS_SITE_REQUEST");
  });

  it("refuses a cookie write whose body is not JSON, from anywhere", () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonp",
      "",
    ]) {
      expect(code("POST", { "content-type": type, "content-length": "5", "sec-fetch-site": "same-origin" }), type).toBe(
        "UNSUPPORTED_MEDIA_TYPE",
      );
    }
    expect(code("POST", { "content-length": "5" })).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("lets this app's own pages and non-browser clients write JSON", () => {
    expect(code("POST", { ...json, "sec-fetch-site": "same-origin", origin: "http://127.0.0.1:3300" })).toBeNull();
    expect(code("POST", { ...json, origin: "http://127.0.0.1:3300" })).toBeNull();
    expect(code("POST", { "content-type": "application/json; charset=utf-8", "content-length": "2" })).toBeNull();
    expect(code("PATCH", { "content-type": "application/merge-patch+json", "content-length": "2" })).toBeNull();
    // No body at all (a sign, a dispense of everything): nothing to type.
    expect(code("POST", {})).toBeNull();
    expect(code("DELETE", { "content-length": "0", "sec-fetch-site": "same-origin" })).toBeNull();
  });

  it("leaves reads and bearer-token calls alone", () => {
    expect(code("GET", { origin: "http://evil.example", "sec-fetch-site": "cross-site" })).toBeNull();
    expect(code("HEAD", { "sec-fetch-site": "cross-site" })).toBeNull();
    expect(
      code("POST", {
        authorization: "Bearer abc",
        origin: "http://evil.example",
        "content-type": "text/plain",
        "content-length": "3",
      }),
    ).toBeNull();
  });

  it("lets a route that takes files accept multipart/form-data only from a write that says it comes from here", () => {
    const multi = (headers: Record<string, string>) => {
      try {
        assertSameSiteWrite(
          new Request("http://127.0.0.1:3300/api/v1/patients/p1/documents", {
            method: "POST",
            headers: {
              host: "127.0.0.1:3300",
              "content-type": "multipart/form-data; boundary=x",
              "content-length": "20",
              ...headers,
            },
          }),
          { multipart: true },
        );
        return null;
      } catch (err) {
        return (err as AppError).code;
      }
    };
    expect(multi({ "sec-fetch-site": "same-origin" })).toBeNull();
    expect(multi({ origin: "http://127.0.0.1:3300" })).toBeNull();
    expect(multi({ authorization: "Bearer hms_x" })).toBeNull();
    expect(multi({})).toBe("CROSS_SITE_REQUEST");
    expect(multi({ "sec-fetch-site": "cross-site", origin: "http://evil.example" })).toBe("CROSS_SITE_REQUEST");
    expect(multi({ origin: "http://evil.example" })).toBe("CROSS_SITE_REQUEST");
  });
});
