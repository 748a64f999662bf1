/**
 * Progress for long runs on a terminal: files and bytes done, rate, time left (cli-progress).
 * Silent when stderr is not a terminal (CI, pipes, tests).
 */
import cliProgress from "cli-progress";
import type { ProgressSink } from "../aggregate/run.ts";

export function terminalProgress(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressSink | undefined {
  if (!stream.isTTY) return undefined;
  let bar: cliProgress.SingleBar | undefined;
  let files = 0;
  let totalFiles = 0;
  let done = 0;
  return {
    start(nFiles, totalBytes) {
      totalFiles = nFiles;
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${label} {bar} {percentage}% | {files}/{totalFiles} files | {doneMB}/{totalMB} MB | {rate} MB/s | ETA {eta_formatted}`,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(totalBytes, 1), 0, { files: 0, totalFiles, doneMB: "0", totalMB: (totalBytes / 1e6).toFixed(0), rate: "–" });
    },
    advance(bytes) {
      done += bytes;
      const secs = (Date.now() - (bar as any)?.startTime) / 1000 || 1;
      bar?.update(done, { doneMB: (done / 1e6).toFixed(0), rate: (done / 1e6 / secs).toFixed(0) });
    },
    fileDone() {
      files++;
      bar?.update(done, { files });
    },
    finish() {
      bar?.stop();
    },
  };
}
