/**
 * An industry's innovation chain as five columns, in the order the API gives them
 * (roadmaps → projects → institutions → carriers → support). Every item and member is a button
 * that opens that entity in the graph.
 */
import type { ChainStage, EntityRef, InnovationChain } from "./api";
import { button, h } from "./dom";
import { kindColor } from "./graph";
import { entityName, t, type Labels, type Lang } from "./i18n";

const STAGE_TITLES: Record<ChainStage["key"], { zh: string; en: string }> = {
  ROADMAPS: { zh: "技术路线图", en: "Technology roadmaps" },
  PROJECTS: { zh: "协同创新项目", en: "Collaborative projects" },
  INSTITUTIONS: { zh: "高校、院所与企业", en: "Universities, institutes, enterprises" },
  CARRIERS: { zh: "载体与区县", en: "Carriers and districts" },
  SUPPORT: { zh: "平台、资金与政策", en: "Platforms, funds and policies" },
};

function entityButton(
  entity: EntityRef,
  lang: Lang,
  open: (id: string) => void,
): HTMLButtonElement {
  const element = button(entityName(entity, lang), () => open(entity.id), { "data-id": entity.id });
  element.prepend(h("span", { class: "dot", style: `background:${kindColor(entity.kind)}` }));
  return element;
}

export function renderChain(
  container: HTMLElement,
  chain: InnovationChain,
  labels: Labels,
  lang: Lang,
  open: (id: string) => void,
): void {
  container.replaceChildren(
    h("h3", {}, entityName(chain.industry, lang)),
    h(
      "ol",
      { class: "stages" },
      chain.stages.map((stage, index) =>
        h(
          "li",
          { class: "stage", "data-stage": stage.key },
          h("h4", {}, `${index + 1}. ${STAGE_TITLES[stage.key][lang]}`),
          stage.empty ? h("p", { class: "muted" }, t("emptyStage", lang)) : null,
          h(
            "ul",
            { class: "stage-items" },
            stage.items.map((item) =>
              h(
                "li",
                { class: "stage-item" },
                entityButton(item.entity, lang, open),
                h("span", { class: "muted" }, ` ${labels.kind(item.entity.kind, lang)}`),
                item.members.length === 0
                  ? null
                  : h(
                      "ul",
                      { class: "members" },
                      item.members.map((member) =>
                        h("li", {}, `${member.role}: `, entityButton(member.entity, lang, open)),
                      ),
                    ),
              ),
            ),
          ),
          stage.truncated ? h("p", { class: "muted" }, t("truncatedStage", lang)) : null,
        ),
      ),
    ),
  );
}

export function fillIndustries(
  select: HTMLSelectElement,
  industries: readonly EntityRef[],
  selected: string | null,
  lang: Lang,
): void {
  select.replaceChildren(
    h("option", { value: "" }, t("chooseIndustry", lang)),
    ...[...industries]
      .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"))
      .map((industry) =>
        h(
          "option",
          { value: industry.id, selected: industry.id === selected },
          entityName(industry, lang),
        ),
      ),
  );
}
