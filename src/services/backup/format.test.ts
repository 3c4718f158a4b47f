import { describe, expect, it } from "vitest";
import { checksumOf } from "../../model/graph-checksum";
import {
  BACKUP_FORMAT,
  BackupFileError,
  backupLines,
  contentChecksum,
  parseBackup,
  type BackupContent,
  type BackupNode,
  type BackupRelationship,
} from "./format";

const nodes: BackupNode[] = [
  { node: 0, labels: ["Entity", "District"], props: { id: "fixture-a", n: { $int: "3" } } },
  { node: 1, labels: ["NameForm"], props: { key: "fixture-b" } },
  {
    node: 2,
    labels: ["Audit"],
    props: { id: "fixture-c", at: { $datetime: "2026-01-01T00:00:00Z" } },
  },
];
const relationships: BackupRelationship[] = [
  { source: 1, type: "NAMES", target: 0, props: { via: "name" } },
];

function content(overrides: Partial<BackupContent["header"]> = {}): BackupContent {
  return {
    header: {
      format: BACKUP_FORMAT,
      version: 1,
      neo4j: "Neo4j Kernel fixture",
      createdAt: "2026-01-01T00:00:00.000Z",
      counts: { nodes: 3, relationships: 1 },
      checksum: contentChecksum(nodes, relationships),
      ...overrides,
    },
    nodes,
    relationships,
  };
}

const text = (lines: string[]): string => `${lines.join("\n")}\n`;

describe("backup file checks", () => {
  it("reads back what it wrote", () => {
    expect(parseBackup(text(backupLines(content())))).toEqual(content());
  });

  it("checksums the content as the database checksum reads the same graph", () => {
    expect(contentChecksum(nodes, relationships)).toBe(
      checksumOf(
        [
          { labels: ["District", "Entity"], props: { id: "fixture-a", n: 3 } },
          { labels: ["NameForm"], props: { key: "fixture-b" } },
          { labels: ["Audit"], props: { id: "fixture-c", at: "2026-01-01T00:00:00Z" } },
        ],
        [{ source: "fixture-b", type: "NAMES", target: "fixture-a", props: { via: "name" } }],
      ),
    );
  });

  const refusals: [string, () => string, RegExp][] = [
    ["an empty file", () => "", /the backup is empty/],
    ["another format", () => text(['{"format":"other"}']), /not a backup of this service/],
    [
      "a newer version",
      () => text(backupLines(content({ version: 2 }))),
      /version 2; this restore reads version 1/,
    ],
    [
      "a file cut short",
      () => text(backupLines(content()).slice(0, 3)),
      /header counts 3 nodes and 1 relationships, the file holds 2 and 0/,
    ],
    [
      "a line cut in half",
      () => text([...backupLines(content()).slice(0, 3), '{"node":2,"lab']),
      /line 4 is not JSON/,
    ],
    [
      "an edited value",
      () => text(backupLines(content()).map((line) => line.replace("fixture-a", "fixture-z"))),
      /the file was altered/,
    ],
    [
      "a relationship to a node not listed",
      () => {
        const lines = backupLines(content());
        return text([lines[0] ?? "", lines[4] ?? "", ...lines.slice(1, 4)]);
      },
      /line 2: relationship names node 1, not listed before it/,
    ],
    [
      "a malformed integer",
      () => text(backupLines(content()).map((line) => line.replace('"$int":"3"', '"$int":"x"'))),
      /line 2: a node needs an integer node, labels and props/,
    ],
  ];

  it.each(refusals)("refuses %s", (_name, file, message) => {
    expect(() => parseBackup(file())).toThrow(BackupFileError);
    expect(() => parseBackup(file())).toThrow(message);
  });
});
