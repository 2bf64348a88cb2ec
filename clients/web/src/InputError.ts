/** A form value the explorer refuses before sending anything, such as a metric value that is not a number. */
export class InputError extends Error {
  constructor(readonly where: string, message: string) {
    super(`${where}: ${message}`);
    this.name = "InputError";
  }
}
