import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button } from "./Button";

describe("Button", () => {
  it("while pending is disabled, marked busy and shows a spinner; otherwise none of these", () => {
    const pending = renderToStaticMarkup(createElement(Button, { type: "submit", pending: true }, "Save"));
    expect(pending).toMatch(/<button[^>]* disabled=""/);
    expect(pending).toContain('aria-busy="true"');
    expect(pending).toContain('data-testid="spinner"');
    expect(pending).toContain("Save");
    const idle = renderToStaticMarkup(createElement(Button, { type: "submit" }, "Save"));
    expect(idle).not.toContain("disabled=");
    expect(idle).not.toContain("aria-busy");
    expect(idle).not.toContain("spinner");
    expect(renderToStaticMarkup(createElement(Button, { disabled: true }, "x"))).toContain('disabled=""');
  });
});
