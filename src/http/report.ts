import type { Express, NextFunction, Request, Response } from "express";
import type { Authenticator } from "../auth/authenticate";
import { AppError, NotFoundError, UnauthenticatedError } from "../errors";
import { reportLinks } from "../graphql/chain-map.resolver";
import type { Logger } from "../logger";
import { createRequestServices, type Services, type StoreSource } from "../services";
import { refusalOf, requestBookmarks } from "./bookmarks";
import { renderChainReport, REPORT_POLICY } from "./report-html";
import {
  attachment,
  chainReportCsv,
  chainReportWorkbook,
  CSV_TYPE,
  XLSX_TYPE,
} from "./report-files";

/**
 * An industry's chain report over plain HTTP (docs/chain-maps.md, "Reports and downloads"):
 *   GET /report/chain/:industry       the printable HTML page
 *   GET /report/chain/:industry.xlsx  the workbook (chain, gaps, districts)
 *   GET /report/chain/:industry.csv   the chain sheet as CSV
 * `:industry` is an Industry id or a name, resolved as the API resolves names. Reading needs what
 * a GraphQL query needs: nothing, or with READS_REQUIRE_AUTH=true an API key (X-API-Key) or bearer
 * token. A client that wrote through one API replica sends the `X-Neo4j-Bookmark` it was given, as
 * to /graphql, and the report reads after that write (docs/deployment.md). Errors are one
 * plain-text line: 404 for no such industry, 400 for an entity that is not an industry (or a name
 * naming several) or for a bookmark this API did not give, 401/403 for credentials, never a stack
 * trace.
 */

type Format = "html" | "xlsx" | "csv";

export interface ReportDeps {
  /** What the app's requests read through (the app's Database with its hooks). */
  readonly db: StoreSource;
  readonly logger: Logger;
  readonly authenticator: Authenticator;
  readonly readsRequireAuth: boolean;
}

/** A path segment longer than this is no industry's id or name. */
const MAX_INDUSTRY_LENGTH = 200;

const STATUS: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SERVICE_UNAVAILABLE: 503,
};

/** The headers every report response carries, errors too. */
function secure(res: Response): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  // Reports show the graph as it is now, and may need credentials: never kept by a cache.
  res.setHeader("Cache-Control", "no-store");
}

function sendText(res: Response, status: number, message: string): void {
  secure(res);
  res.setHeader("Content-Security-Policy", "default-src 'none'");
  res.status(status).type("text/plain; charset=utf-8").send(`${message}\n`);
}

/** The industry's id: an entity id as given, else the one entity the name names (as `resolve`). */
async function industryId(services: Services, value: string): Promise<string> {
  if (value.length === 0 || value.length > MAX_INDUSTRY_LENGTH)
    throw new NotFoundError(`No industry has the id or name "${value.slice(0, 50)}".`);
  if ((await services.graph.entity(value)) !== null) return value;
  const { matches } = await services.lookup.lookup(value, 5);
  if (matches.length === 0) throw new NotFoundError(`No industry has the id or name "${value}".`);
  // An ambiguous name is refused as the API refuses it (BAD_USER_INPUT, listing the candidates).
  return services.refs.idOf({ name: value }, { id: "industry", name: "industry" }, ["Industry"]);
}

function handler(format: Format, deps: ReportDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const principal = await deps.authenticator.authenticate(req.headers);
      if (deps.readsRequireAuth && principal.anonymous) throw new UnauthenticatedError();
      const after = requestBookmarks(req);
      if (!after.ok) {
        sendText(res, 400, refusalOf(after.reason));
        return;
      }
      const { services } = createRequestServices(deps.db, principal, after.bookmarks);
      const param = req.params.industry;
      const id = await industryId(services, typeof param === "string" ? param : "");
      const map = await services.chainMapViews.chainMap(id);
      const generatedAt = new Date();
      secure(res);
      if (format === "csv") {
        res
          .status(200)
          .type(CSV_TYPE)
          .setHeader("Content-Disposition", attachment(map.industry, "csv"))
          .send(Buffer.from(chainReportCsv(map), "utf8"));
        return;
      }
      const districts = await services.chainMapViews.districtComparison(id);
      if (format === "xlsx") {
        const bytes = await chainReportWorkbook(map, districts, generatedAt);
        res
          .status(200)
          .type(XLSX_TYPE)
          .setHeader("Content-Disposition", attachment(map.industry, "xlsx"))
          .send(bytes);
        return;
      }
      const links = reportLinks(map.industry.id);
      const html = renderChainReport({ map, districts, generatedAt, downloads: links });
      res.setHeader("Content-Security-Policy", REPORT_POLICY);
      res.status(200).type("text/html; charset=utf-8").send(html);
    } catch (error) {
      if (error instanceof AppError && STATUS[error.code] !== undefined) {
        sendText(res, STATUS[error.code] ?? 500, error.message);
      } else {
        deps.logger.error({ err: error, path: req.path }, "chain report failed");
        sendText(res, 500, "Internal server error");
      }
    }
  };
}

/**
 * Mounts the report's routes. The downloads' routes come first: `/:industry` alone would also
 * match `…/<id>.xlsx`. A malformed path (a bad percent-escape) answers 400 in plain text.
 */
export function serveReports(app: Express, deps: ReportDeps): void {
  app.get("/report/chain/:industry.xlsx", handler("xlsx", deps));
  app.get("/report/chain/:industry.csv", handler("csv", deps));
  app.get("/report/chain/:industry", handler("html", deps));
  app.use("/report", (_req: Request, res: Response) => {
    sendText(res, 404, "Not found: the chain report is at /report/chain/<industry id or name>.");
  });
  app.use("/report", (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      sendText(res, status, "Bad request: the path could not be read.");
    } else {
      deps.logger.error({ err: error }, "chain report failed");
      sendText(res, 500, "Internal server error");
    }
  });
}
