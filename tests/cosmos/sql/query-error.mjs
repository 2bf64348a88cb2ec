// The error every syntax or semantic problem of a query raises. The launcher answers it with
// HTTP 400, as the service does, rather than a 500.

export class QueryError extends Error {
  constructor(message) {
    super(message);
    this.name = "QueryError";
    this.badRequest = true;
  }
}

export const isQueryError = (err) => err instanceof QueryError;
