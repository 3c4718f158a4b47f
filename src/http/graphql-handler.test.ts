import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlHandler } from "./graphql-handler";

interface Seen {
  greeting: string;
}

/** A two-field server: what it answers is multi-byte (成都), and what the context saw comes back. */
const apollo = new ApolloServer<Seen>({
  typeDefs: "type Query { city: String!, greeting: String! }",
  resolvers: {
    Query: { city: () => "成都", greeting: (_: unknown, __: unknown, seen: Seen) => seen.greeting },
  },
});

describe("Apollo Server on Express without @as-integrations/express5", () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    await apollo.start();
    const app = express();
    app.use(
      "/graphql",
      express.json(),
      graphqlHandler(apollo, ({ req }) =>
        Promise.resolve({ greeting: String(req.headers["x-greeting"] ?? "none") }),
      ),
    );
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await apollo.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  it("answers a POST with the context built from the request, its length in bytes", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-greeting": "hello" },
      body: JSON.stringify({ query: "{ city greeting }" }),
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(text)).toEqual({ data: { city: "成都", greeting: "hello" } });
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("reads a GET's query from the URL's query string", async () => {
    const response = await fetch(`${url}?query=${encodeURIComponent("{ city }")}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { city: "成都" } });
  });

  it("passes Apollo's own refusals through: a GET without a query is 400", async () => {
    const response = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/query/);
  });
});
