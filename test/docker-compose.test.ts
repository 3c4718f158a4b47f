import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { NEO4J_VERSION } from "../scripts/neo4j/manager";
import { CONFIG_VARIABLES, DEFAULTS } from "../src/config";

// Docker cannot run on the development machines, so the compose file is checked by reading it:
// the drift that matters (version, variable names, ports, health) is what these tests pin down.

const ROOT = path.resolve(__dirname, "..");

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | { target: number; published?: string | number })[];
  healthcheck?: { test?: string | string[] };
  depends_on?: Record<string, { condition?: string }> | string[];
}

interface Compose {
  services: Record<string, Service | undefined>;
}

const compose = parse(readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8")) as Compose;

function service(name: string): Service {
  const found = compose.services[name];
  if (found === undefined) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

/** The environment as name → value, whichever of the two compose syntaxes is used. */
function environment(s: Service): Map<string, string> {
  const env = new Map<string, string>();
  if (Array.isArray(s.environment)) {
    for (const entry of s.environment) {
      const [name = "", ...rest] = entry.split("=");
      env.set(name, rest.join("="));
    }
  } else {
    for (const [name, value] of Object.entries(s.environment ?? {}))
      env.set(name, String(value ?? ""));
  }
  return env;
}

/** `${NAME}`, `${NAME:-default}` and `${NAME-default}` references; `$${...}` is escaped, not one. */
function interpolations(text: string): { name: string; fallback: string | undefined }[] {
  return [...text.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g)].map((m) => ({
    name: m[1] ?? "",
    fallback: m[2],
  }));
}

/** [host port, container port] of each "host:container" or "ip:host:container" mapping. */
function portPairs(s: Service): [string, string][] {
  return (s.ports ?? []).map((p) => {
    if (typeof p !== "string") return [String(p.published ?? ""), String(p.target)];
    const parts = p.split(":");
    return [parts.at(-2) ?? "", parts.at(-1) ?? ""];
  });
}

const isConfigVariable = (name: string): boolean =>
  (CONFIG_VARIABLES as readonly string[]).includes(name);

describe("docker-compose.yml", () => {
  it("runs the same Neo4j release as the managed one", () => {
    expect(service("neo4j").image).toBe(`neo4j:${NEO4J_VERSION}-community`);
  });

  it("gives the api only variables that src/config reads", () => {
    const env = environment(service("api"));
    expect([...env.keys()].filter((name) => !isConfigVariable(name))).toEqual([]);
    const referenced = interpolations(JSON.stringify(service("api"))).map((i) => i.name);
    expect(referenced.filter((name) => !isConfigVariable(name))).toEqual([]);
  });

  it("interpolates only configuration variables, with src/config's defaults", () => {
    const text = readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8");
    const defaults: Record<string, string> = Object.fromEntries(
      Object.entries(DEFAULTS).map(([name, value]) => [name, String(value)]),
    );
    for (const { name, fallback } of interpolations(text)) {
      expect(isConfigVariable(name), `${name} is not in CONFIG_VARIABLES`).toBe(true);
      // NODE_ENV is the exception: a container image is production, a checkout is development.
      if (fallback !== undefined && name !== "NODE_ENV" && defaults[name] !== undefined) {
        expect(fallback, `default of ${name}`).toBe(defaults[name]);
      }
    }
  });

  it("connects the api to the neo4j service and serves it on DEFAULTS.PORT", () => {
    const api = service("api");
    const env = environment(api);
    expect(env.get("NEO4J_URI")).toBe("neo4j://neo4j:7687");
    expect(env.get("PORT")).toBe(String(DEFAULTS.PORT));
    expect(env.get("HOST")).toBe("0.0.0.0");
    for (const name of ["NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "NODE_ENV"]) {
      expect(env.has(name), name).toBe(true);
    }
    expect(portPairs(api)).toContainEqual([String(DEFAULTS.PORT), String(DEFAULTS.PORT)]);
    expect(api.build).toBeDefined();
  });

  it("publishes Bolt 7687 of a neo4j that has a health check the api waits for", () => {
    const neo4j = service("neo4j");
    expect(portPairs(neo4j).map(([, container]) => container)).toContain("7687");
    const test = neo4j.healthcheck?.test;
    expect(Array.isArray(test) ? test.join(" ") : test).toMatch(/cypher-shell|wget/);
    const dependsOn = service("api").depends_on;
    expect(Array.isArray(dependsOn) ? undefined : dependsOn?.neo4j?.condition).toBe(
      "service_healthy",
    );
  });

  it("passes the credentials, memory and transaction timeout to the neo4j image", () => {
    const env = environment(service("neo4j"));
    expect(env.get("NEO4J_AUTH")).toContain("${NEO4J_PASSWORD");
    expect(env.get("NEO4J_server_memory_heap_max__size")).toContain("${NEO4J_HEAP");
    expect(env.get("NEO4J_server_memory_pagecache_size")).toContain("${NEO4J_PAGECACHE");
    expect(env.get("NEO4J_db_transaction_timeout")).toContain("${NEO4J_TX_TIMEOUT_MS");
  });
});

describe("Dockerfile", () => {
  const dockerfile = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
  const ignored = readFileSync(path.join(ROOT, ".dockerignore"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const buildConfig = JSON.parse(readFileSync(path.join(ROOT, "tsconfig.build.json"), "utf8")) as {
    include: string[];
  };

  it("runs on the production Node, from what its build stage produces", () => {
    const froms = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(new Set(froms)).toEqual(new Set(["node:24-slim"]));
    // CMD runs dist/src/main.js: the build script's tsc compiles src/ into dist/, and builds the
    // pages the service serves (dist/web).
    const cmd = /^CMD \["node", "([^"]+)"\]/m.exec(dockerfile)?.[1];
    expect(cmd).toBe("dist/src/main.js");
    expect(buildConfig.include).toContain("src");
    expect(pkg.scripts.build).toMatch(/tsc -p tsconfig\.build\.json/);
    expect(pkg.scripts.build).toMatch(/scripts\/build-web\.ts/);
    for (const script of dockerfile.matchAll(/npm run (\S+)/g)) {
      expect(Object.keys(pkg.scripts), `npm run ${script[1]}`).toContain(script[1]);
    }
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${DEFAULTS.PORT}$`, "m"));
  });

  it("sends the image everything the service reads at run time, and no local state", () => {
    for (const needed of ["src", "web", "cypher", "seeds", "schema", "scripts", "package.json"]) {
      expect(ignored, needed).not.toContain(needed);
    }
    for (const local of [".neo4j", "node_modules", "dist", ".env", ".tools"]) {
      expect(ignored).toContain(local);
    }
  });
});
