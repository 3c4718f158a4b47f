import type { ApolloServerPlugin, BaseContext, GraphQLServerListener } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { EXAMPLE_OPERATION } from "./example-operation";

/** The id of the note the landing page shows when Sandbox does not load (tests look for it). */
export const OFFLINE_NOTE_ID = "offline-editors";

/** How long Sandbox has to show a sign of life before the note appears. */
const SANDBOX_GRACE_MS = 5_000;

/**
 * The note: links to the editors this service serves itself. Hidden until the script below shows
 * it; Apollo's page allows only styles and inline scripts that carry its nonce, so both get it.
 */
function offlineNote(nonce: string | null): string {
  const attribute = nonce === null ? "" : ` nonce="${nonce}"`;
  const note = `
<style${attribute}>
  #${OFFLINE_NOTE_ID} {
    position: fixed;
    left: 1em;
    right: 1em;
    bottom: 1em;
    z-index: 2147483647;
    padding: 0.8em 1em;
    border: 1px solid #c9a227;
    border-radius: 6px;
    background: #fff8dc;
    color: #222;
    font: 15px/1.5 system-ui, "Noto Sans CJK SC", sans-serif;
    box-shadow: 0 2px 8px rgba(0, 0, 0, 0.2);
  }
  #${OFFLINE_NOTE_ID}[hidden] { display: none; }
  #${OFFLINE_NOTE_ID} a { color: #0b57d0; font-weight: 600; }
  #${OFFLINE_NOTE_ID} button { float: right; }
</style>
<div id="${OFFLINE_NOTE_ID}" role="status"${nonce === null ? "" : " hidden"}>
  <button type="button" aria-label="Close">×</button>
  <p>Apollo Sandbox has not loaded: it comes from Apollo's servers, which this browser may not
  reach. This service has its own editors, which work offline:
  <a href="/graphiql/">GraphiQL query editor · 查询编辑器 (/graphiql/)</a> and
  <a href="/explore/">relationship explorer · 关系浏览 (/explore/)</a>.</p>
  <p lang="zh-CN">Apollo Sandbox 未能加载（它需要访问 Apollo 的服务器）。请使用本服务自带的离线工具。</p>
</div>`;
  if (nonce === null) return note;
  // Runs after Apollo's scripts: its Sandbox script has loaded (window.EmbeddedSandbox) or failed.
  // A Sandbox that loaded talks to this page by postMessage from its frame; silence means it did not.
  return `${note}
<script nonce="${nonce}">
  (function () {
    var note = document.getElementById(${JSON.stringify(OFFLINE_NOTE_ID)});
    var heard = false;
    function show() { note.hidden = false; }
    note.querySelector("button").addEventListener("click", function () { note.hidden = true; });
    window.addEventListener("message", function (event) {
      if (event.source !== window) heard = true;
    });
    if (typeof window.EmbeddedSandbox !== "function") show();
    else setTimeout(function () { if (!heard) show(); }, ${SANDBOX_GRACE_MS});
  })();
</script>`;
}

/**
 * Adds the offline note to Apollo's landing page HTML, just before </body>, with the page's own
 * nonce. Without a nonce to reuse (a future Apollo page), the note is shown from the start.
 */
export function withOfflineNote(html: string): string {
  const nonce = /nonce="?([0-9a-f]{16,})"?/.exec(html)?.[1] ?? null;
  const note = offlineNote(nonce);
  const end = html.lastIndexOf("</body>");
  return end < 0 ? `${html}${note}` : `${html.slice(0, end)}${note}\n${html.slice(end)}`;
}

/** Wraps a landing-page plugin so every page it renders carries the offline note. */
function withOfflineFallback<C extends BaseContext>(
  plugin: ApolloServerPlugin<C>,
): ApolloServerPlugin<C> {
  return {
    ...plugin,
    async serverWillStart(service) {
      const listener: GraphQLServerListener | void = await plugin.serverWillStart?.(service);
      const render = listener?.renderLandingPage?.bind(listener);
      if (listener === undefined || render === undefined) return listener;
      return {
        ...listener,
        async renderLandingPage() {
          const { html } = await render();
          return {
            html:
              typeof html === "string"
                ? withOfflineNote(html)
                : async () => withOfflineNote(await html()),
          };
        },
      };
    },
  };
}

/**
 * The page a browser gets at GET /graphql: Apollo Sandbox with the example operation, plus a note
 * pointing to /graphiql/ and /explore/ when Sandbox cannot load (it comes from Apollo's CDN, which
 * an offline or intranet machine does not reach); or nothing when the query editors are off.
 */
export function landingPagePlugin<C extends BaseContext>(enabled: boolean): ApolloServerPlugin<C> {
  if (!enabled) return ApolloServerPluginLandingPageDisabled();
  return withOfflineFallback<C>(
    ApolloServerPluginLandingPageLocalDefault({ footer: false, document: EXAMPLE_OPERATION }),
  );
}
