/**
 * A tiny static file server for the built site, on 127.0.0.1 and a free port: what GitHub Pages
 * does, minus the CDN. `prefix` mounts the site under a path, like a project page.
 */
import { createReadStream, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  /** "http://127.0.0.1:<port><prefix>", ending in "/". */
  url: string;
  close(): Promise<void>;
}

function fileFor(root: string, pathname: string): string | undefined {
  const path = normalize(join(root, decodeURIComponent(pathname)));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  for (const candidate of [path, join(path, "index.html")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next
    }
  }
  return undefined;
}

export async function serveStatic(root: string, prefix = "/"): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    const file = pathname.startsWith(prefix) ? fileFor(root, "/" + pathname.slice(prefix.length)) : undefined;
    if (!file) {
      const notFound = fileFor(root, "/404.html");
      res.writeHead(404, { "content-type": TYPES[".html"]! });
      if (notFound) createReadStream(notFound).pipe(res);
      else res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
