import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildInputFiles, buildInputsHash, recordBuildInputs, staleBuildReason } from "./build-inputs";

describe("the build's input fingerprint", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "build-inputs-"));
    await mkdir(path.join(root, "app/patients"), { recursive: true });
    await mkdir(path.join(root, "lib/server"), { recursive: true });
    await mkdir(path.join(root, "prisma"), { recursive: true });
    await writeFile(path.join(root, "app/patients/page.tsx"), "export default function Page() { return null; }\n");
    await writeFile(path.join(root, "lib/server/env.ts"), "export const a = 1;\n");
    await writeFile(path.join(root, "lib/server/env.test.ts"), "// a test\n");
    await writeFile(path.join(root, "prisma/schema.prisma"), "model A { id Int @id }\n");
    await writeFile(path.join(root, "package-lock.json"), "{}\n");
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("changes when a source file changes, is added or is removed, and not for a test file", async () => {
    const before = await buildInputsHash(root);
    expect(await buildInputsHash(root)).toBe(before);
    expect(await buildInputFiles(root)).not.toContain("lib/server/env.test.ts");

    await writeFile(path.join(root, "lib/server/env.test.ts"), "// another test\n");
    expect(await buildInputsHash(root)).toBe(before);

    await writeFile(path.join(root, "app/patients/page.tsx"), "export default function Page() { return 1; }\n");
    const edited = await buildInputsHash(root);
    expect(edited).not.toBe(before);

    await writeFile(path.join(root, "lib/server/new.ts"), "export {};\n");
    const added = await buildInputsHash(root);
    expect(added).not.toBe(edited);

    await rm(path.join(root, "lib/server/new.ts"));
    expect(await buildInputsHash(root)).toBe(edited);

    await writeFile(path.join(root, "prisma/schema.prisma"), "model A { id Int @id\n name String }\n");
    expect(await buildInputsHash(root)).not.toBe(edited);
    await writeFile(path.join(root, "package-lock.json"), '{"lockfileVersion":3}\n');
    expect(await buildInputsHash(root)).not.toBe(edited);
  });

  it("asks for a build when there is none, when none was recorded, and when the source differs", async () => {
    const hash = await buildInputsHash(root);
    expect(await staleBuildReason(root, hash)).toBe("No production build yet");
    await mkdir(path.join(root, ".next"));
    await writeFile(path.join(root, ".next/BUILD_ID"), "abc\n");
    expect(await staleBuildReason(root, hash)).toBe("The production build records no source fingerprint");
    await recordBuildInputs(root, hash);
    expect(await staleBuildReason(root, hash)).toBeNull();
    await writeFile(path.join(root, "lib/server/env.ts"), "export const a = 2;\n");
    expect(await staleBuildReason(root, await buildInputsHash(root))).toBe("The source changed since the last build");
  });
});
