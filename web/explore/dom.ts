/**
 * A tiny element builder. Text always goes in as text nodes, never as HTML, so names and quotes
 * from the graph cannot inject markup.
 */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** Replaces a container's children, skipping the absent ones (null, undefined, false). */
export function fill(container: HTMLElement, ...children: (Child | Child[])[]): void {
  container.replaceChildren(
    ...children
      .flat()
      .filter(
        (child): child is Node | string => child !== null && child !== undefined && child !== false,
      ),
  );
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`#${id} is missing from index.html`);
  return element as T;
}

/** A button whose click runs action; type="button" so it never submits anything. */
export function button(
  label: string,
  action: () => void,
  attributes: Record<string, string | boolean | undefined> = {},
): HTMLButtonElement {
  const element = h("button", { type: "button", ...attributes }, label);
  element.addEventListener("click", action);
  return element;
}
