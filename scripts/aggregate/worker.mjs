// Worker-thread entry: register tsx (workers do not inherit the parent's loader hooks), then run
// the TypeScript worker. Plain JavaScript so Node can start it without any loader.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
