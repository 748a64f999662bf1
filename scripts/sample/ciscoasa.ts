/**
 * Ciscoasa (`ciscoasa/log/ciscoasa.log`, the stdout of `asa_server --verbose`): not JSON but
 * Python dict reprs (`logging` of a dict), mixed with plain status lines. HTTP access lines on
 * the WebVPN server (8443/tcp) carry the request as `payload_printable`; CVE-2018-0101 exploit
 * alerts from the IKE handler (5000/udp) carry a source port and a list of raw packets as bytes
 * reprs, after an `unsupported packet` line. Times are `isoformat()` without zone (`.ffffff`
 * dropped when 0). Python's http.server decodes the request line as latin-1, so a path never
 * holds invalid UTF-8 (raw bytes would come out as é-style text): that payload family stays out.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, pyIsoformat } from "./clock.ts";
import type { Emit, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { noLineBreaks, validUtf8 } from "./hostile.ts";
import type { HostilePayload } from "../hostile/corpus.ts";
import { PotGenerator } from "./pot.ts";
import { pyBytesRepr, pyRepr } from "./pyjson.ts";

const PATHS = ["/+CSCOE+/logon.html", "/", "/+CSCOE+/logon.html", "/+CSCOL+/Java.jar", "/+CSCOU+/../+CSCOE+/files/file_list.json?path=/sessions", "/CSCOSSLC/config-auth", "/+webvpn+/index.html", "/favicon.ico"];
const requestLine = (p: HostilePayload): boolean => validUtf8(p) && noLineBreaks(p);

export const ciscoasaFormat: FormatModule = {
  name: "ciscoasa",
  dir: "ciscoasa/log",
  streams: [stream("ciscoasa.log")],
  countsAsAttack: true,
  fields: { payload_printable: "http-path" },
  create: (ctx) => new CiscoasaGenerator(ctx),
};

class CiscoasaGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "ciscoasa", { visitsPerWeek: 30 });
  }

  onStart(atUs: number, _fresh: boolean, emit: Emit): void {
    emit({ writeUs: atUs, line: "Starting server on port 8443/tcp, use <Ctrl-C> to stop", fact: null });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    if (!this.sweeping && rng.chance(0.15)) {
      // CVE-2018-0101: IKE fragments to 5000/udp; the handler first says it does not know them.
      this.out(t0, "unsupported packet", null);
      const t = t0 + rng.int(1000, 50_000);
      const srcPort = rng.chance(0.5) ? 500 : this.ports.take(source.ip);
      const packets = Array.from({ length: rng.int(1, 2) }, () => pyBytesRepr(Buffer.from(Array.from({ length: rng.int(8, 40) }, () => rng.int(0, 255)))));
      this.out(t, `{'timestamp': '${pyIsoformat(t)}', 'src_ip': '${source.ip}', 'src_port': ${srcPort}, 'payload_printable': [${packets.join(", ")}]}`, this.fact(t, source, "exploit", { port: 5000 }));
      this.observe({ tsUs: t0, endUs: t, src: source, srcPort, destPort: 5000, transport: "UDP", app: "other" });
      return;
    }
    const srcPort = this.ports.take(source.ip);
    const requests = this.sweeping ? 1 : rng.chance(0.7) ? 1 : rng.int(2, 3);
    let t = t0;
    let path = "";
    for (let i = 0; i < requests; i++) {
      path = this.pick("http-path", rng.pick(PATHS), t, requestLine, requestLine);
      const status = path.startsWith("/+CSCOE+/logon") || path === "/" ? 200 : 404;
      this.out(t, `{'timestamp': '${pyIsoformat(t)}', 'src_ip': '${source.ip}', 'payload_printable': ${pyRepr(`"GET ${path} HTTP/1.1" ${status} -`)}}`, this.fact(t, source, "request", { port: 8443 }), [["payload_printable", path]]);
      t += rng.int(50_000, 2 * US_PER_SECOND);
    }
    this.observe({ tsUs: t0, endUs: t, src: source, srcPort, destPort: 8443, transport: "TCP", app: "http", detail: path });
  }
}
