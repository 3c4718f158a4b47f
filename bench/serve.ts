import "reflect-metadata";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import neo4j, { type Driver } from "neo4j-driver";
import { startApp } from "../src/app";
import { loadConfig, type Config } from "../src/config";
import { Database } from "../src/db/database";
import { createLogger } from "../src/logger";
import { operations, type Anchors, type Operation } from "./lib/ops";
import { peerSchema } from "./lib/peer";
import type { ChildMessage, ParentMessage, Target } from "./lib/children";

// All three targets run as compiled code does in production: tsx turns on source-mapped stack
// traces, which makes the Error that neo4j-driver captures for every result cost a source-map
// lookup (a large share of a small read's CPU). Off for all three alike.
process.setSourceMapsEnabled(false);

/**
 * One benchmark target in its own process, so the load generator does not share its event loop and
 * its memory is the target's alone: `ours` (the service, started as main.ts would), `floor` (a bare
 * node:http server running one hand-written Cypher query per operation) or `peer` (@neo4j/graphql 7
 * behind the same Express + Apollo transport as ours).
 */

const [target, boltUri, anchorsJson] = process.argv.slice(2) as [Target, string, string];

function benchConfig(): Config {
  return loadConfig({
    ...process.env,
    NEO4J_URI: boltUri,
    PORT: "0",
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    SEED_ON_START: "false",
  });
}

function driverFor(config: Config): Driver {
  // Same pool as src/db/database.ts, so the floor and the peer get the connections ours gets.
  return neo4j.driver(boltUri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    maxConnectionPoolSize: 50,
    disableLosslessIntegers: true,
  });
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

async function startOurs(config: Config): Promise<{ port: number; stop: () => Promise<void> }> {
  const db = Database.connect(config);
  const app = await startApp({ config, db, logger: createLogger(config) });
  return {
    port: app.port,
    stop: async () => {
      await app.stop();
      await db.close();
    },
  };
}

async function startFloor(config: Config): Promise<{ port: number; stop: () => Promise<void> }> {
  const driver = driverFor(config);
  // One anchor set (npm run bench) or several (bench:mixed: `/op/<name>?anchors=<index>`).
  const parsed = JSON.parse(anchorsJson) as Anchors | Anchors[];
  const byKey = new Map<string, Operation>(
    (Array.isArray(parsed) ? parsed : [parsed]).flatMap((anchors, index) =>
      operations(anchors).map((op) => [`${op.name}?anchors=${index}`, op] as const),
    ),
  );
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://floor");
    const name = url.pathname.replace(/^\/op\//, "");
    const op = byKey.get(`${name}?anchors=${url.searchParams.get("anchors") ?? "0"}`);
    // The body is drained though unused, as a GraphQL server must read its own.
    req.resume();
    req.on("end", () => {
      if (op === undefined) {
        res.writeHead(404).end();
        return;
      }
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      session
        .executeRead((tx) => tx.run(op.floor.cypher, op.floor.params))
        .then((result) => {
          const rows = result.records.map((record) => record.toObject());
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ rows }));
        })
        .catch((error: unknown) => {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: String(error) }));
        })
        .finally(() => void session.close());
    });
  });
  const port = await listen(server);
  return {
    port,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await driver.close();
    },
  };
}

async function startPeer(config: Config): Promise<{ port: number; stop: () => Promise<void> }> {
  const driver = driverFor(config);
  const app = express();
  const server = http.createServer(app);
  const apollo = new ApolloServer({ schema: await peerSchema(driver), introspection: false });
  await apollo.start();
  app.use("/graphql", express.json({ limit: "100kb" }), expressMiddleware(apollo));
  const port = await listen(server);
  return {
    port,
    stop: async () => {
      await apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await driver.close();
    },
  };
}

async function main(): Promise<void> {
  const config = benchConfig();
  const started =
    target === "ours"
      ? await startOurs(config)
      : target === "floor"
        ? await startFloor(config)
        : await startPeer(config);
  let peak = process.memoryUsage.rss();
  // Sampled rather than read once, so a burst that is collected before the reading still counts.
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  const send = (message: ChildMessage): void => {
    process.send?.(message);
  };
  process.on("message", (message: ParentMessage) => {
    if (message.type === "memory") {
      const rss = process.memoryUsage.rss();
      send({ type: "memory", rss, peak: Math.max(peak, rss) });
      if (message.resetPeak) peak = rss;
    } else {
      clearInterval(sampler);
      void started.stop().finally(() => process.exit(0));
    }
  });
  send({ type: "ready", port: started.port });
  // Run by hand (no IPC channel), e.g. under --cpu-prof: say where it listens, stop on SIGINT.
  if (process.send === undefined) {
    console.log(`${target} listening on 127.0.0.1:${started.port}`);
    process.once("SIGINT", () => void started.stop().finally(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
