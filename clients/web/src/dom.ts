// A tiny element builder: the explorer is plain DOM, and this keeps view code declarative.

export type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined>;

/** Creates an element; true sets a bare attribute, false/null/undefined leave it out. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) {
      element.setAttribute(name, "");
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
  element.append(...children.filter((child): child is Node | string => child !== null && child !== undefined && child !== false));
  return element;
}

let fieldCount = 0;

/**
 * A labelled form control. The label points at it by id rather than wrapping it, so its
 * accessible name is the label alone (a wrapped <select> would add its options' text).
 */
export function field(label: string, control: HTMLElement): HTMLElement {
  control.id ||= `field-${++fieldCount}`;
  return h("div", { class: "field" }, h("label", { for: control.id }, label), control);
}

/** A <select> with [value, text] options. */
export function select(options: readonly (readonly [string, string])[], attributes: Attributes = {}): HTMLSelectElement {
  return h("select", attributes, ...options.map(([value, text]) => h("option", { value }, text)));
}

/** A button that runs onClick; type=button so it never submits the form around it. */
export function button(text: string, onClick: () => void, attributes: Attributes = {}): HTMLButtonElement {
  const element = h("button", { type: "button", ...attributes }, text);
  element.addEventListener("click", onClick);
  return element;
}
