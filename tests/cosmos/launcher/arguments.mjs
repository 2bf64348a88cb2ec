// Command-line flags of launcher.mjs. Exits with a usage line on --help (status 0) or a bad
// flag (status 2).

export function parseArgs(argv) {
  const args = { port: 0, host: "127.0.0.1", tls: false, verbose: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === "--port" || a === "-p") args.port = Number.parseInt(argv[++i], 10);
    else if (a.startsWith("--port=")) args.port = Number.parseInt(a.slice(7), 10);
    else if (a === "--host") args.host = argv[++i];
    else if (a === "--tls") args.tls = true;
    else if (a === "--no-ssl" || a === "--no-tls") args.tls = false;
    else if (a === "--verbose" || a === "-v") args.verbose = true;
    else if (a === "--help" || a === "-h") {
      process.stderr.write("usage: node launcher.mjs [--port N] [--host ADDR] [--tls] [--verbose]\n");
      process.exit(0);
    } else {
      process.stderr.write(`launcher: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
    process.stderr.write("launcher: --port needs a number from 0 to 65535\n");
    process.exit(2);
  }
  return args;
}
