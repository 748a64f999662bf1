/**
 * The bar: the same week's Cowrie aggregation in DuckDB (read_json + 7 GROUP BY queries), the
 * way an analyst would write it. Reads plain and gzip files alike (DuckDB detects compression).
 */
import { DuckDBInstance } from "@duckdb/node-api";

export interface DuckSpec {
  files: string[];
  startMs: number;
  endMs: number;
  threads: number;
}

const COLUMNS =
  "{eventid: 'VARCHAR', \"timestamp\": 'VARCHAR', src_ip: 'VARCHAR', dst_port: 'VARCHAR', username: 'VARCHAR', password: 'VARCHAR', " +
  "input: 'VARCHAR', url: 'VARCHAR', shasum: 'VARCHAR', version: 'VARCHAR', hassh: 'VARCHAR', dst_ip: 'VARCHAR'}";

function sqlString(s: string): string {
  return "'" + s.replace(/'/g, "''") + "'";
}

/** Runs the aggregation; resolves with the number of the week's events it counted. */
export async function duckWeek(spec: DuckSpec): Promise<number> {
  const db = await DuckDBInstance.create(":memory:", { threads: String(spec.threads) });
  const con = await db.connect();
  try {
    const files = "[" + spec.files.map(sqlString).join(", ") + "]";
    await con.run(`
      CREATE TEMP TABLE ev AS
      SELECT * FROM (
        SELECT eventid, src_ip, TRY_CAST(dst_port AS INTEGER) AS dst_port, username, password, input, url, shasum, version, hassh, dst_ip,
               epoch_ms(TRY_CAST("timestamp" AS TIMESTAMPTZ)) AS ms
        FROM read_json(${files}, format = 'newline_delimited', ignore_errors = true, columns = ${COLUMNS})
      ) WHERE ms >= ${spec.startMs} AND ms < ${spec.endMs}`);
    const start = spec.startMs;
    const queries = [
      // 1. events per day and event type
      `SELECT (ms - ${start}) // 86400000 AS day, eventid, count(*) FROM ev GROUP BY ALL`,
      // 2. events and unique sources per hour
      `SELECT (ms - ${start}) // 3600000 AS hour, count(*), count(DISTINCT src_ip) FROM ev GROUP BY hour`,
      // 3. top sources, and how many there are
      `SELECT src_ip, count(*) AS n, count(*) OVER () AS distinct_sources FROM ev GROUP BY src_ip ORDER BY n DESC, src_ip LIMIT 50`,
      // 4. attacked ports: connections and unique sources
      `SELECT dst_port, count(*), count(DISTINCT src_ip) FROM ev WHERE eventid = 'cowrie.session.connect' GROUP BY dst_port`,
      // 5. usernames, passwords, pairs
      `SELECT username, password, count(*) AS n FROM ev WHERE eventid IN ('cowrie.login.success', 'cowrie.login.failed')
         GROUP BY GROUPING SETS ((username), (password), (username, password)) ORDER BY n DESC LIMIT 300`,
      // 6. commands
      `SELECT input, count(*) AS n FROM ev WHERE eventid = 'cowrie.command.input' GROUP BY input ORDER BY n DESC LIMIT 100`,
      // 7. downloads, client versions, HASSH, tunnel targets
      `SELECT coalesce(shasum, url) AS download, version, hassh, dst_ip || ':' || dst_port AS tunnel, count(*) FROM ev
         WHERE eventid IN ('cowrie.session.file_download', 'cowrie.session.file_upload', 'cowrie.client.version', 'cowrie.client.kex')
            OR eventid LIKE 'cowrie.direct-tcpip.%'
         GROUP BY GROUPING SETS ((download), (version), (hassh), (tunnel))`,
    ];
    for (const q of queries) await con.runAndReadAll(q);
    const total = await con.runAndReadAll("SELECT count(*) FROM ev");
    return Number(total.getRows()[0]![0]);
  } finally {
    con.closeSync();
    db.closeSync();
  }
}
