/**
 * GraphiQL, bundled: the query editor served at /graphiql/ with nothing fetched from elsewhere (its
 * scripts, styles and fonts come from npm at build time). It talks to /graphql on the same origin
 * and opens with the same example operation as Apollo Sandbox.
 */
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/graphiql.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { EXAMPLE_OPERATION } from "../../src/http/example-operation";
import "./style.css";

const fetcher = createGraphiQLFetcher({ url: "/graphql" });

const root = document.getElementById("app");
if (root === null) throw new Error("index.html has no #app element");

createRoot(root).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={EXAMPLE_OPERATION} />
  </StrictMode>,
);
