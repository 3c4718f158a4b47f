import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isBenchNode } from "./node24";

const SCRIPT = path.join(__dirname, "..", "..", "scripts", "node24");

/** A stand-in `node` that answers every question with its major version. */
function fakeNode(file: string, major: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\necho ${major}\n`);
  chmodSync(file, 0o755);
}

describe("scripts/node24", () => {
  let root: string;
  let pathBin: string;
  let localNode: string;

  beforeEach(() => {
    // A copy of the script in a fictional checkout: it finds .tools/ beside its own scripts/.
    root = mkdtempSync(path.join(os.tmpdir(), "node24-fixture-"));
    mkdirSync(path.join(root, "scripts"));
    copyFileSync(SCRIPT, path.join(root, "scripts", "node24"));
    pathBin = path.join(root, "path-bin");
    localNode = path.join(root, ".tools", "node24", "node_modules", "node", "bin", "node");
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const run = (): { status: number | null; stdout: string; stderr: string } => {
    const result = spawnSync("bash", [path.join(root, "scripts", "node24")], {
      encoding: "utf8",
      env: { PATH: `${pathBin}:/usr/bin:/bin` },
    });
    return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
  };

  it("names the node on PATH when it is Node 24", () => {
    fakeNode(path.join(pathBin, "node"), 24);
    fakeNode(localNode, 24);
    expect(run()).toMatchObject({ status: 0, stdout: path.join(pathBin, "node") });
  });

  it("names the project-local Node 24 when PATH has Node 20", () => {
    fakeNode(path.join(pathBin, "node"), 20);
    fakeNode(localNode, 24);
    expect(run()).toMatchObject({ status: 0, stdout: localNode });
  });

  it("names the project-local Node 24 when PATH has a newer Node", () => {
    fakeNode(path.join(pathBin, "node"), 26);
    fakeNode(localNode, 24);
    expect(run()).toMatchObject({ status: 0, stdout: localNode });
  });

  it("fails, naming nothing, when the project-local node is not 24", () => {
    fakeNode(path.join(pathBin, "node"), 20);
    fakeNode(localNode, 22);
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("is not Node 24");
  });
});

describe("isBenchNode", () => {
  it("accepts Node 24 releases only", () => {
    expect(["24.0.0", "24.21.0", "20.20.2", "25.1.0", "2.4.0"].map(isBenchNode)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
