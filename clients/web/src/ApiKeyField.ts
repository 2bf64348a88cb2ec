// The API key the explorer sends as "Authorization: Bearer …". Off loopback the service requires
// one (docs/security.md); on loopback it is optional. Kept in sessionStorage: it survives reloads
// and page changes but not the tab, as a secret should.
import { field, h } from "./dom";

const STORAGE_KEY = "inferencegrpc.apiKey";

export class ApiKeyField {
  readonly element: HTMLElement;
  private readonly input = h("input", { type: "password", autocomplete: "off", spellcheck: false, placeholder: "none" });

  constructor() {
    this.input.value = sessionStorage.getItem(STORAGE_KEY) ?? "";
    this.input.addEventListener("change", () => {
      const key = this.value;
      if (key) {
        sessionStorage.setItem(STORAGE_KEY, key);
      } else {
        sessionStorage.removeItem(STORAGE_KEY);
      }
    });
    this.element = field("API key", this.input);
    this.element.classList.add("api-key");
  }

  get value(): string {
    return this.input.value.trim();
  }
}
