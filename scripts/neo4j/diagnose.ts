import fs from "node:fs";

/**
 * The last `count` lines of a text file, or [] when it does not exist. Reads at most the last 256 KiB
 * so a large debug.log costs nothing.
 */
export function tailLines(file: string, count: number): string[] {
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch {
    return [];
  }
  try {
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, 256 * 1024);
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, size - length);
    const lines = buffer.toString("utf8").split(/\r?\n/);
    if (lines.at(-1) === "") lines.pop();
    // The first line may be cut in the middle when the file was larger than the window.
    if (length < size) lines.shift();
    return lines.slice(-count);
  } finally {
    fs.closeSync(fd);
  }
}

/** What `diagnose` needs to name the fix. */
export interface DiagnosisContext {
  readonly port: number;
  readonly home: string;
  readonly confFile: string;
  readonly javaMajor: number | undefined;
}

interface Rule {
  readonly pattern: RegExp;
  readonly explain: (context: DiagnosisContext, match: RegExpExecArray) => string;
}

// Ordered: the first match wins. Refused credentials are not a rule: the probe's error code says
// that for sure, while log lines about failed logins may come from any client.
const RULES: readonly Rule[] = [
  {
    pattern: /Address already in use|BindException|PortBindException/,
    explain: (c) =>
      `port ${c.port} on 127.0.0.1 is already in use by another program (see \`ss -ltnp 'sport = :${c.port}'\`); stop it or set NEO4J_BOLT_PORT to a free port.`,
  },
  {
    pattern:
      /UnsupportedClassVersionError|has been compiled by a more recent version of the Java Runtime/,
    explain: (c) =>
      `Java ${c.javaMajor ?? "?"} is too old for this Neo4j; install a JDK 21 or 25 and set JAVA_HOME to it.`,
  },
  {
    pattern:
      /java\.lang\.OutOfMemoryError|Could not reserve enough space|Cannot allocate memory|insufficient memory|Invalid memory configuration|exceeds (?:the )?(?:total )?(?:physical|available) memory/i,
    explain: () =>
      "out of memory: lower NEO4J_HEAP and NEO4J_PAGECACHE (e.g. NEO4J_HEAP=512m NEO4J_PAGECACHE=256m) or free memory.",
  },
  {
    pattern: /No space left on device/,
    explain: (c) => `the disk holding ${c.home} is full; free space and start again.`,
  },
  {
    pattern:
      /FileLockException|StoreLockException|Lock file has been locked|locked by another process/i,
    explain: (c) =>
      `another Neo4j process is using ${c.home}/data; stop it (\`npm run neo4j -- stop\`, or find it with \`ps aux | grep Neo4jCommunity\`).`,
  },
  {
    pattern:
      /(?:Unrecognized setting|Invalid value for setting|Error evaluating value for setting)[^\n]*/,
    explain: (c, m) => `Neo4j rejected its configuration (${c.confFile}): ${m[0].trim()}`,
  },
  {
    pattern: /DatabaseNotFound|Database does not exist[^\n]*/,
    explain: (c) =>
      `the database named by NEO4J_DATABASE does not exist in ${c.home}/data (Community has one user database, named when the store is created); use that name or delete ${c.home}/data.`,
  },
];

/**
 * A one-line explanation of a failed start from the logs and the last driver error, with the fix.
 * @returns undefined when no known cause matches.
 */
export function diagnose(text: string, context: DiagnosisContext): string | undefined {
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (match !== null) return rule.explain(context, match);
  }
  return undefined;
}

/** The one-line explanation when the server started but refuses the configured credentials. */
export function wrongPasswordHint(home: string): string {
  return `Neo4j refuses NEO4J_USER/NEO4J_PASSWORD: the store in ${home}/data was created with another password. Use that password, or delete ${home}/data (all data) to start fresh with the current one.`;
}
