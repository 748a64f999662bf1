// Child process for atomic.test.ts: rewrites one file forever with alternating big contents,
// until it is killed with SIGKILL at a random moment.
import { writeFileAtomic } from "../../scripts/util/atomic.ts";

const [path] = process.argv.slice(2);
const versions = ["A", "B"].map((v) => JSON.stringify({ version: v, pad: v.repeat(4 * 1024 * 1024) }));
let i = 0;
process.stdout.write("ready\n");
for (;;) {
  await writeFileAtomic(path!, versions[i++ % 2]!);
}
