/**
 * What the smaller T-Pot honeypots share: a weekly volume spread over the hours with a mild
 * daily rhythm, visits by one source at a time, ephemeral source ports, and hostile mode's two
 * paths (ordinary values now and then, every field in a sweep visit). A format module extends
 * PotGenerator and writes its lines in `visit`.
 */
import type { Source } from "./addresses.ts";
import { US_PER_HOUR } from "./clock.ts";
import { EphemeralPorts } from "./format.ts";
import type { AttackerField, Emit, EventFact, FormatGenerator, GeneratorContext, HourWindow, LogRecord, Observation } from "./format.ts";
import type { FieldKind, PayloadTest } from "./hostile.ts";
import { rngFor } from "./prng.ts";
import type { Rng } from "./prng.ts";
import { Rhythm } from "./rhythm.ts";
import type { RhythmOptions } from "./rhythm.ts";

export interface PotOptions {
  /** Visits a week at scale 1 (a visit writes one or more lines). */
  visitsPerWeek: number;
  rhythm?: Partial<RhythmOptions>;
}

const MIN_SCALE = 0.2;
const DEFAULT_RHYTHM: RhythmOptions = { amplitude: 0.2, peakHour: 14, hourlySigma: 0.4, dailySigma: 0.25 };

export abstract class PotGenerator implements FormatGenerator {
  protected rng: Rng;
  protected readonly ports: EphemeralPorts;
  protected emit: Emit = () => {};
  /** True while a hostile sweep visit runs. */
  protected sweeping = false;
  private readonly rhythm: Rhythm;
  private readonly ordinaryRng: Rng;
  private readonly sweepRng: Rng;
  private readonly visitsPerHour: number;

  constructor(protected readonly ctx: GeneratorContext, protected readonly name: string, o: PotOptions) {
    this.rng = this.ordinaryRng = ctx.rng;
    this.sweepRng = rngFor(ctx.seed, `${name}:hostile`);
    this.ports = new EphemeralPorts(rngFor(ctx.seed, `${name}:ports`));
    this.rhythm = new Rhythm(rngFor(ctx.seed, `${name}:rhythm`), ctx.world.timeZone, { ...DEFAULT_RHYTHM, ...o.rhythm });
    // Small honeypots do not scale below a fifth of their volume: small test trees still hold
    // events of every format.
    this.visitsPerHour = (o.visitsPerWeek / 168) * Math.max(ctx.scale, MIN_SCALE);
  }

  generateHour(hour: HourWindow, emit: Emit): void {
    this.emit = emit;
    const rng = this.rng;
    const length = hour.endUs - hour.startUs;
    const n = rng.poisson(this.visitsPerHour * this.rhythm.factor(hour.startUs) * (length / US_PER_HOUR));
    for (let i = 0; i < n; i++) {
      const t = hour.startUs + Math.floor(rng.next() * length);
      if (this.ctx.availability.isDown(this.name, t)) continue;
      this.visit(t, this.pickSource(rng));
    }
    this.afterHour(hour);
  }

  hostileVisit(atUs: number, emit: Emit): void {
    this.emit = emit;
    this.rng = this.sweepRng;
    this.sweeping = true;
    try {
      this.visit(atUs, this.pickSource(this.rng));
    } finally {
      this.rng = this.ordinaryRng;
      this.sweeping = false;
    }
  }

  /** One visit starting at `t` (the honeypot is up then). */
  protected abstract visit(t: number, source: Source): void;

  /** Extra lines of the hour (floods, planted connections). */
  protected afterHour(_hour: HourWindow): void {}

  protected pickSource(rng: Rng): Source {
    return this.ctx.sources.scan.pick(rng);
  }

  /**
   * An attacker-chosen value: `ordinary` as drawn, except in hostile mode (every 50th ordinary
   * value, every value of a sweep visit). `exact`/`canHold` say which payloads the field shows
   * unchanged and which it can hold at all (see HostileSource.sweep).
   */
  protected pick(kind: FieldKind, ordinary: string, t: number, exact?: PayloadTest, canHold?: PayloadTest): string {
    const h = this.ctx.hostile;
    if (!h) return ordinary;
    return this.sweeping ? h.sweep(kind, t, exact, canHold) : h.sometimes(kind, ordinary, canHold);
  }

  /** Queue a line. `attacker` is kept only in hostile mode (the ledger reads it). */
  protected out(writeUs: number, line: string, fact: EventFact | null, attacker?: AttackerField[], file?: string): void {
    const record: LogRecord = { writeUs, line, fact };
    if (file !== undefined) record.file = file;
    if (attacker && this.ctx.hostile) record.attacker = attacker;
    this.emit(record);
  }

  protected fact(tsUs: number, source: Source | null, type: string, extra?: Partial<EventFact>): EventFact {
    return source ? { tsUs, src: source.ip, country: source.country, type, ...extra } : { tsUs, type, ...extra };
  }

  /** What Suricata, p0f and fatt see of the connection. */
  protected observe(o: Omit<Observation, "sweep">): void {
    this.ctx.observations.push(this.sweeping ? { ...o, sweep: true } : o);
  }
}

/** A random UUID v4 from the stream. */
export function uuid(rng: Rng): string {
  const h = rng.hex(32);
  const variant = "89ab"[rng.int(0, 3)]!;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
