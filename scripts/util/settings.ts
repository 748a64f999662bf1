/**
 * Site settings: data/site.json merged over defaults. A missing file means all defaults; a broken
 * one is an error naming the file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SiteSettings } from "../model/settings.ts";

export const DEFAULT_SETTINGS: SiteSettings = {
  title: "ハニーポットメモリー",
  series: "ハニーポットメモリー",
  description: "ハニーポットの週次観測レポート",
  author: "honeypot operator",
  language: "ja",
  punctuation: "ascii",
  timeZone: "Asia/Tokyo",
  sensorTimeZone: "UTC",
  url: "https://example.github.io",
  watchedPorts: [],
  watchedCves: [],
  baselineWeeks: 2,
  logRoot: "/data",
  geoipCountryDb: null,
  geoipAsnDb: null,
  exploitDbPath: null,
  kevPath: null,
  sensorAddresses: [],
  sourceMasking: "/24",
};

export class SettingsError extends Error {}

export function settingsFile(dataDir: string): string {
  return join(dataDir, "site.json");
}

export function loadSettings(dataDir: string): SiteSettings {
  const file = settingsFile(dataDir);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { ...DEFAULT_SETTINGS };
    throw new SettingsError(`${file}: cannot read (${(err as Error).message})`);
  }
  let raw: Partial<SiteSettings>;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new SettingsError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  return normalizeSettings(raw, file);
}

export function normalizeSettings(raw: Partial<SiteSettings>, file = "site.json"): SiteSettings {
  const s: SiteSettings = { ...DEFAULT_SETTINGS, ...raw };
  if (s.language !== "ja" && s.language !== "en") throw new SettingsError(`${file}: language must be "ja" or "en"`);
  if (!["full", "/24", "hidden"].includes(s.sourceMasking)) {
    throw new SettingsError(`${file}: sourceMasking must be "full", "/24" or "hidden"`);
  }
  s.watchedPorts = (s.watchedPorts ?? []).map((p) =>
    typeof p === "number" ? { port: p, name: String(p) } : { port: Number(p.port), name: String(p.name ?? p.port) },
  );
  for (const p of s.watchedPorts) {
    if (!Number.isInteger(p.port) || p.port < 0 || p.port > 65535) throw new SettingsError(`${file}: bad watched port ${p.port}`);
  }
  s.watchedCves = (s.watchedCves ?? []).map((c) =>
    typeof c === "string" ? { id: c, keywords: [] } : { id: String(c.id), keywords: (c.keywords ?? []).map(String) },
  );
  if (!Number.isInteger(s.baselineWeeks) || s.baselineWeeks < 1) throw new SettingsError(`${file}: baselineWeeks must be a whole number ≥ 1`);
  return s;
}
