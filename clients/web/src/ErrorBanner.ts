// Every failure the explorer meets ends here, in words: the gRPC status name and number, the
// server's message, and the fields a google.rpc.BadRequest names. Nothing is swallowed.
import { Code, ConnectError } from "@connectrpc/connect";
import { h } from "./dom";
import { BadRequestSchema } from "./gen/google/rpc/error_details_pb";
import { InputError } from "./InputError";

/** What the banner shows for an error. */
interface ShownError {
  title: string;
  message: string;
  details: string[];
}

/** Code.InvalidArgument → "INVALID_ARGUMENT", the name gRPC's own docs and other clients use. */
export const statusName = (code: Code): string => Code[code].replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();

function describe(error: unknown): ShownError {
  if (error instanceof InputError) {
    return { title: "Invalid input (not sent)", message: error.message, details: [] };
  }
  const connect = ConnectError.from(error);
  const details = connect.findDetails(BadRequestSchema).flatMap((badRequest) =>
    badRequest.fieldViolations.map((violation) => `${violation.field}: ${violation.description}`));
  return { title: `${statusName(connect.code)} (gRPC status ${connect.code})`, message: connect.rawMessage, details };
}

export class ErrorBanner {
  constructor(private readonly host: HTMLElement) {}

  show(error: unknown): void {
    const { title, message, details } = describe(error);
    // Also in the console, with the stack, for whoever debugs the explorer itself.
    console.error(error);
    this.host.replaceChildren(h("div", { class: "error-banner", role: "alert" },
      h("strong", {}, title),
      h("p", {}, message),
      details.length > 0 && h("ul", {}, ...details.map((detail) => h("li", {}, detail)))));
  }

  clear(): void {
    this.host.replaceChildren();
  }
}
