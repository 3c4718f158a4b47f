import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Neo4jManagerError } from "./errors";

/** A Java runtime found on this machine. */
export interface JavaRuntime {
  /** Absolute path of the `java` launcher. */
  readonly java: string;
  /** The JDK/JRE folder, when known (JAVA_HOME or a searched folder). */
  readonly home: string | undefined;
  readonly major: number;
  readonly source: "JAVA_HOME" | "PATH" | "search";
}

/** Where JDKs are installed by Debian/Ubuntu packages, Temurin tarballs, RPMs and macOS. */
export const DEFAULT_JAVA_SEARCH_DIRS: readonly string[] = [
  "/usr/lib/jvm",
  "/usr/java",
  "/opt/java",
  "/Library/Java/JavaVirtualMachines",
];

/** Environment the Java lookup reads; a subset of process.env so tests can pass their own. */
export type JavaEnv = Readonly<Partial<Record<string, string | undefined>>>;

/**
 * Finds an executable on a PATH string, like `command -v`.
 * @returns the absolute path, or undefined when no PATH entry has it.
 */
export function findOnPath(command: string, envPath: string | undefined): string | undefined {
  for (const dir of (envPath ?? "").split(path.delimiter)) {
    if (dir === "") continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here: PATH entries that do not exist are normal.
    }
  }
  return undefined;
}

/**
 * Reads the major version from `java -version` output or a `release` file's JAVA_VERSION.
 * @example parseJavaMajor('openjdk version "17.0.15" 2025-04-15') === 17
 * @example parseJavaMajor('java version "1.8.0_412"') === 8
 */
export function parseJavaMajor(text: string): number | undefined {
  const match = /(?:version|JAVA_VERSION=)\s*"(\d+)(?:\.(\d+))?/.exec(text);
  if (match === null) return undefined;
  const first = Number(match[1]);
  // Java 8 and older call themselves 1.x.
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** The major version of a JDK folder from its `release` file, without starting a JVM. */
function majorFromRelease(home: string): number | undefined {
  try {
    return parseJavaMajor(fs.readFileSync(path.join(home, "release"), "utf8"));
  } catch {
    return undefined;
  }
}

/** The major version of a launcher by running `java -version` (about 50 ms). */
function majorFromLauncher(java: string): number | undefined {
  const result = spawnSync(java, ["-version"], { encoding: "utf8", timeout: 15_000 });
  if (result.error !== undefined) return undefined;
  return parseJavaMajor(`${result.stderr}\n${result.stdout}`);
}

function launcherOf(home: string): string | undefined {
  for (const candidate of [
    path.join(home, "bin", "java"),
    path.join(home, "Contents", "Home", "bin", "java"),
  ]) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // Try the macOS bundle layout next.
    }
  }
  return undefined;
}

/**
 * Lists the JDKs/JREs under the given folders (one level deep), each once even when distributions
 * add alias symlinks such as Debian's java-1.17.0-openjdk-amd64.
 */
export function searchJavaHomes(dirs: readonly string[]): JavaRuntime[] {
  const seen = new Set<string>();
  const found: JavaRuntime[] = [];
  for (const dir of dirs) {
    let entries: string[];
    try {
      entries = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const entry of entries.sort()) {
      const home = path.join(dir, entry);
      const java = launcherOf(home);
      if (java === undefined) continue;
      const real = fs.realpathSync(java);
      if (seen.has(real)) continue;
      seen.add(real);
      const javaHome = path.dirname(path.dirname(java));
      const major = majorFromRelease(javaHome) ?? majorFromLauncher(java);
      if (major !== undefined) found.push({ java, home: javaHome, major, source: "search" });
    }
  }
  return found;
}

/**
 * The folders to search for a JDK: NEO4J_JAVA_SEARCH=off disables the search (so "no Java on PATH"
 * can be reproduced on a machine that has JDKs installed), a path list replaces the defaults.
 */
export function javaSearchDirs(env: JavaEnv): readonly string[] {
  const setting = env.NEO4J_JAVA_SEARCH?.trim();
  if (setting === undefined || setting === "") return DEFAULT_JAVA_SEARCH_DIRS;
  if (setting === "off") return [];
  return setting.split(path.delimiter).filter((dir) => dir !== "");
}

/**
 * Chooses the Java that runs Neo4j: JAVA_HOME if its version is supported, else `java` on PATH if
 * supported, else the newest supported JDK in the search folders (see javaSearchDirs).
 * @param supported Java majors the pinned Neo4j supports, in order of preference.
 * @throws Neo4jManagerError saying what to install when none fits.
 */
export function resolveJava(
  env: JavaEnv,
  supported: readonly number[],
  neo4jVersion: string,
): JavaRuntime {
  const rejected: JavaRuntime[] = [];
  const javaHome = env.JAVA_HOME?.trim();
  if (javaHome !== undefined && javaHome !== "") {
    const java = launcherOf(javaHome);
    const major =
      java === undefined ? undefined : (majorFromRelease(javaHome) ?? majorFromLauncher(java));
    if (java !== undefined && major !== undefined) {
      const runtime: JavaRuntime = { java, home: javaHome, major, source: "JAVA_HOME" };
      if (supported.includes(major)) return runtime;
      rejected.push(runtime);
    }
  }

  const onPath = findOnPath("java", env.PATH);
  if (onPath !== undefined) {
    const major = majorFromLauncher(onPath);
    if (major !== undefined) {
      const runtime: JavaRuntime = { java: onPath, home: undefined, major, source: "PATH" };
      if (supported.includes(major)) return runtime;
      rejected.push(runtime);
    }
  }

  const dirs = javaSearchDirs(env);
  const searched = searchJavaHomes(dirs);
  for (const major of supported) {
    const match = searched.find((runtime) => runtime.major === major);
    if (match !== undefined) return match;
  }

  const wanted = supported
    .slice()
    .sort((a, b) => a - b)
    .join(" or ");
  const where = ["JAVA_HOME", "PATH", ...(dirs.length > 0 ? [dirs.join(", ")] : [])].join(", ");
  const seen = [
    ...rejected,
    ...searched.filter((runtime) => !rejected.some((r) => r.java === runtime.java)),
  ];
  const first =
    seen.length === 0
      ? `Java not found: Neo4j ${neo4jVersion} needs Java ${wanted}, and there is none in ${where}.`
      : `Java ${wanted} not found: Neo4j ${neo4jVersion} needs Java ${wanted}; found only ${seen
          .map((runtime) => `Java ${runtime.major} (${runtime.java})`)
          .join(", ")}.`;
  throw new Neo4jManagerError([
    first,
    `Install a JDK ${wanted} (Debian 13/Ubuntu 24.04: apt-get install openjdk-21-jre-headless; elsewhere Eclipse Temurin ${wanted}) and put it on PATH or in JAVA_HOME,`,
    "or run Neo4j with `docker compose up -d neo4j`, or use an existing Neo4j by setting NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD).",
  ]);
}
