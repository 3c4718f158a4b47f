import { describe, expect, it } from "vitest";
import { boltUri, ConfigError, DEFAULTS, loadConfig } from ".";

describe("loadConfig", () => {
  it("uses the documented defaults when nothing is set", () => {
    const config = loadConfig({});
    expect(config.port).toBe(DEFAULTS.PORT);
    expect(config.neo4jUri).toBeUndefined();
    expect(boltUri(config)).toBe("bolt://127.0.0.1:7687");
    expect(config.neo4jTxTimeoutMs).toBe(30_000);
    expect(config.seedOnStart).toBe(true);
  });

  it("reads every variable it is given", () => {
    const config = loadConfig({
      NEO4J_URI: "bolt://db.example:7688",
      NEO4J_USER: "reader",
      NEO4J_PASSWORD: "a-long-password",
      NEO4J_DATABASE: "kg",
      PORT: "4100",
      NODE_ENV: "production",
      SEED_ON_START: "false",
      NEO4J_HEAP: "2G",
    });
    expect(boltUri(config)).toBe("bolt://db.example:7688");
    expect(config).toMatchObject({
      neo4jUser: "reader",
      neo4jDatabase: "kg",
      port: 4100,
      nodeEnv: "production",
      seedOnStart: false,
      neo4jHeap: "2g",
    });
  });

  it.each([["neo4j://db.example:7687"], ["neo4j+s://a1b2c3d4.databases.neo4j.io"]])(
    "takes the routing URI %s as given, for a cluster or Aura",
    (uri) => {
      expect(boltUri(loadConfig({ NEO4J_URI: uri }))).toBe(uri);
    },
  );

  it("reports every bad value, one line each, naming the variable and what is allowed", () => {
    let problems: readonly string[] = [];
    try {
      loadConfig({
        PORT: "eighty",
        NEO4J_URI: "http://x",
        NODE_ENV: "staging",
        NEO4J_HEAP: "lots",
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      'NEO4J_URI="http://x" must start with neo4j://, neo4j+s://, bolt:// or bolt+s:// (for example neo4j://localhost:7687)',
      'NEO4J_HEAP="lots" must be a size such as 512m or 1g',
      'PORT="eighty" must be a whole number from 0 to 65535',
      'NODE_ENV="staging" must be one of: development, production, test',
    ]);
  });

  it("refuses a password Neo4j would refuse", () => {
    expect(() => loadConfig({ NEO4J_PASSWORD: "short" })).toThrow(
      /NEO4J_PASSWORD must be at least 8/,
    );
  });
});

describe("cross-origin access and the query editors", () => {
  it("defaults: no allowed origins, no credentials, preflights cached 600 s, editors on outside production", () => {
    const config = loadConfig({});
    expect(config.corsOrigins).toEqual([]);
    expect(config.corsCredentials).toBe(false);
    expect(config.corsMaxAgeS).toBe(600);
    expect(config.queryEditors).toBe(true);
    expect(loadConfig({ NODE_ENV: "test" }).queryEditors).toBe(true);
  });

  it("reads CORS_ORIGINS as a list of exact origins, a trailing slash dropped", () => {
    const config = loadConfig({
      CORS_ORIGINS: " https://a.example , http://localhost:5173/,http://127.0.0.1:8080,, ",
      CORS_CREDENTIALS: "true",
      CORS_MAX_AGE_S: "0",
    });
    expect(config.corsOrigins).toEqual([
      "https://a.example",
      "http://localhost:5173",
      "http://127.0.0.1:8080",
    ]);
    expect(config.corsCredentials).toBe(true);
    expect(config.corsMaxAgeS).toBe(0);
  });

  it.each([
    ["https://a.example/path"],
    ["*"],
    ["a.example"],
    ["ftp://a.example"],
    ["https://a.example?x=1"],
    ["https://user@a.example"],
    ["https://a.example,https://b.example/app"],
  ])("refuses CORS_ORIGINS=%s, naming CORS_ORIGINS", (value) => {
    let problems: readonly string[] = [];
    try {
      loadConfig({ CORS_ORIGINS: value });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      problems = (error as ConfigError).problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^CORS_ORIGINS="/);
    expect(problems[0]).toContain("must be a comma-separated list of origins");
  });

  it("names the entry that is not an origin", () => {
    expect(() => loadConfig({ CORS_ORIGINS: "https://a.example,*" })).toThrow(
      'CORS_ORIGINS="https://a.example,*" must be a comma-separated list of origins such as https://a.example or http://localhost:5173 (scheme, host and port only; "*" is not one)',
    );
  });

  it("refuses a bad CORS_CREDENTIALS or CORS_MAX_AGE_S, naming each", () => {
    let problems: readonly string[] = [];
    try {
      loadConfig({ CORS_CREDENTIALS: "yes", CORS_MAX_AGE_S: "86401", QUERY_EDITORS: "on" });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      'CORS_CREDENTIALS="yes" must be one of: true, false',
      'CORS_MAX_AGE_S="86401" must be a whole number from 0 to 86400',
      'QUERY_EDITORS="on" must be one of: true, false',
    ]);
  });

  it("turns the query editors off in production unless QUERY_EDITORS=true, and off anywhere with false", () => {
    expect(loadConfig({ NODE_ENV: "production" }).queryEditors).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", QUERY_EDITORS: "true" }).queryEditors).toBe(true);
    expect(loadConfig({ NODE_ENV: "development", QUERY_EDITORS: "false" }).queryEditors).toBe(
      false,
    );
  });
});
