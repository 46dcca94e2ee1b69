import { describe, expect, it } from "vitest";
import { escapeLike } from "./like";

describe("escapeLike", () => {
  it("escapes LIKE's wildcards and the escape character, and leaves other text alone", () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
    expect(escapeLike("O'Brien")).toBe("O'Brien");
  });
});
