import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every action button shows it is working (issue 16, "pending buttons"): a <Button> that is only
// disabled while its action runs (disabled={pending}) looks dead on a slow server; `pending` also
// marks it busy and shows the spinner (Button.test.ts).
const root = path.join(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".tsx") ? [path.join(dir, e.name)] : [],
  );
}

/** The opening tags of <Button> in a file: from "<Button" to its closing ">" outside braces. */
function buttonTags(text: string): string[] {
  const tags: string[] = [];
  for (let i = text.indexOf("<Button"); i !== -1; i = text.indexOf("<Button", i + 1)) {
    let depth = 0;
    let j = i;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === "{") depth++;
      else if (c === "}") depth--;
      else if (c === ">" && depth === 0) break;
    }
    tags.push(text.slice(i, j + 1));
  }
  return tags;
}

describe("action buttons", () => {
  it("pass their action's pending state as `pending`, not only as `disabled`", () => {
    const offenders = files(path.join(root, "components")).flatMap((f) =>
      buttonTags(readFileSync(f, "utf8"))
        .filter((tag) => /\bdisabled=\{[\w.]*pending\}/.test(tag))
        .map((tag) => `${path.relative(root, f)}: ${tag.replace(/\s+/g, " ").slice(0, 90)}`),
    );
    expect(offenders).toEqual([]);
  });
});
