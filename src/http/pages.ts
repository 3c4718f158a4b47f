import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Express, type NextFunction, type Request, type Response } from "express";

/** The built pages (scripts/build-web.ts writes them), from src/http/ or dist/src/http/. */
export const WEB_DIST = findWebDist();

function findWebDist(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i += 1) {
    if (existsSync(path.join(dir, "package.json"))) return path.join(dir, "dist", "web");
    dir = path.dirname(dir);
  }
  return path.resolve(__dirname, "../../web");
}

/**
 * What a page may load and call: only the service itself (no CDN, no other host), so a page works
 * offline and a browser refuses anything a bug or an injected string would fetch from elsewhere.
 * Inline styles are allowed: Cytoscape.js and GraphiQL set style attributes.
 */
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/**
 * Serves a built page at /<name>/ (its assets beside it, so relative links work; /<name> redirects
 * there). A page that was not built answers 503 with the command that builds it.
 */
export function servePage(app: Express, name: string, webDist: string = WEB_DIST): void {
  const dir = path.join(webDist, name);
  // Express matches /name and /name/ alike: only the bare form is redirected.
  app.get(`/${name}`, (req: Request, res: Response, next: NextFunction) => {
    const [pathname = "", query] = req.originalUrl.split("?", 2);
    if (pathname.endsWith("/")) {
      next();
      return;
    }
    res.redirect(301, `/${name}/${query === undefined ? "" : `?${query}`}`);
  });
  app.use(`/${name}/`, (req, res, next) => {
    if (!existsSync(path.join(dir, "index.html"))) {
      res
        .status(503)
        .type("text/plain")
        .send(`The ${name} page is not built: run npm run build:web (npm start does).\n`);
      return;
    }
    res.setHeader("Content-Security-Policy", PAGE_POLICY);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    next();
  });
  app.use(
    `/${name}/`,
    express.static(dir, {
      index: "index.html",
      // index.html names its assets without a hash: revalidate, so a rebuilt page is seen at once.
      cacheControl: true,
      maxAge: 0,
    }),
  );
  app.use(`/${name}/`, (_req, res) => {
    res.status(404).type("text/plain").send("Not found\n");
  });
}
