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
