/**
 * Builds the pages the service serves to people (web/<page>/ → dist/web/<page>/) with esbuild:
 * every script, style sheet and font comes from npm packages at build time, so a page loads with
 * nothing but the service reachable (no CDN). Prints each page's size, raw and gzipped.
 *
 *   npm run build:web            minified, as npm start and npm test build it
 *   npm run build:web -- --dev   with source maps, unminified
 */
import { readFileSync } from "node:fs";
import { cp, mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const ROOT = path.resolve(__dirname, "..");
const WEB = path.join(ROOT, "web");
const OUT = path.join(ROOT, "dist", "web");

/** The pages: each web/<name>/ holds index.html and main.ts or main.tsx. */
export const PAGES = ["explore", "graphiql"] as const;

async function buildPage(name: string, dev: boolean): Promise<void> {
  const source = path.join(WEB, name);
  const entries = await readdir(source);
  const entry = entries.find((file) => file === "main.ts" || file === "main.tsx");
  if (entry === undefined) throw new Error(`web/${name} has no main.ts or main.tsx`);
  const out = path.join(OUT, name);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: { main: path.join(source, entry) },
    bundle: true,
    outdir: out,
    format: "esm",
    platform: "browser",
    target: ["chrome110", "firefox110", "safari16"],
    minify: !dev,
    sourcemap: dev,
    jsx: "automatic",
    loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".svg": "file", ".png": "file" },
    define: { "process.env.NODE_ENV": JSON.stringify(dev ? "development" : "production") },
    legalComments: "linked",
    logLevel: "warning",
    tsconfig: path.join(WEB, "tsconfig.json"),
  });
  await cp(path.join(source, "index.html"), path.join(out, "index.html"));
  for (const file of await readdir(out)) {
    if (!/\.(js|css|html)$/.test(file)) continue;
    const bytes = readFileSync(path.join(out, file));
    const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
    process.stdout.write(
      `[web] ${name}/${file}: ${kb(bytes.length)}, ${kb(gzipSync(bytes).length)} gzipped\n`,
    );
  }
}

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  for (const page of PAGES) await buildPage(page, dev);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[web] build failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
