import { describe, expect, it } from "vitest";
import {
  bodyLimitFor,
  DEFAULT_DOCUMENT_MAX_BYTES,
  documentMaxBytes,
  UPLOAD_FORM_OVERHEAD_BYTES,
} from "./body-limit.mjs";

describe("the document upload's own body limit", () => {
  it("is DOCUMENT_MAX_BYTES (default 20 MB) plus the form around the file, on that route only", () => {
    expect(documentMaxBytes(undefined)).toBe(DEFAULT_DOCUMENT_MAX_BYTES);
    expect(DEFAULT_DOCUMENT_MAX_BYTES).toBe(20 * 1024 * 1024);
    expect(documentMaxBytes("5242880")).toBe(5 * 1024 * 1024);
    expect(() => documentMaxBytes("20MB")).toThrow(/DOCUMENT_MAX_BYTES/);
    const limit = 1024 * 1024;
    const doc = 20 * 1024 * 1024;
    expect(bodyLimitFor("POST", "/api/v1/patients/p1/documents", limit, doc)).toBe(doc + UPLOAD_FORM_OVERHEAD_BYTES);
    expect(bodyLimitFor("POST", "/api/v1/patients/p1/documents?x=1", limit, doc)).toBe(
      doc + UPLOAD_FORM_OVERHEAD_BYTES,
    );
    for (const [method, url] of [
      ["GET", "/api/v1/patients/p1/documents"],
      ["POST", "/api/v1/patients"],
      ["POST", "/api/v1/patients/p1/documents/x"],
      ["POST", "/api/v1/patients/p1/vitals"],
      ["POST", "/api/v1/patients/a/b/documents"],
    ]) {
      expect(bodyLimitFor(method, url, limit, doc), `${method} ${url}`).toBe(limit);
    }
  });
});
