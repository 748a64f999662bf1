/**
 * The English voice: the same post as ja.ts, in plain blog English ("about 110,000 events",
 * "so below average", "Honeytrap was down early in the week").
 */
import type { Baseline, Change, CveFocus, Novelty, NoveltyCategory, Verdict } from "../compare/types.ts";
import { MIN_COUNT } from "../compare/verdict.ts";
import { mdText } from "./text.ts";
import { calls as c } from "./shortcodes.ts";
import { dayRange, monthDay, partOfWeek, weekIdRange, zonePhrase } from "./dates.ts";
import type { PortPlan, PostPlan } from "./plan.ts";
import type { FootnoteLabel, Voice } from "./voice.ts";

const SMALL_NUMBERS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const words = (n: number) => SMALL_NUMBERS[n] ?? String(n);
/**
 * The noun after a shortcode number. The number is read at build time; its noun follows the
 * count the draft saw (they differ only if a re-aggregation crosses 1, and the author reads it).
 */
const noun = (n: number, singular: string, plural = `${singular}s`) => (n === 1 ? singular : plural);

export function englishVoice(): Voice {
  const days = (plan: PostPlan) => plan.summary.week.days;
  const range = (plan: PostPlan) => dayRange(days(plan)[0]!, days(plan)[6]!, "en");
  const lastDay = (plan: PostPlan) => monthDay(days(plan)[6]!, "en");

  const portTopic = (name: string, port: number) => (name === String(port) ? `port ${port}` : `${mdText(name)} (port ${port})`);
  const cveTopic = (cve: { id: string; keywords: string[] }) =>
    cve.keywords.length ? `${cve.id} (${mdText(cve.keywords.join(", "))})` : cve.id;
  // "the previous 1 weeks" reads wrong; a lone week is "the previous week" (no number to go stale).
  const before = (plan: PostPlan) => (plan.history.present.length === 1 ? "the previous week" : `the previous ${c.baselineweeks()} weeks`);

  const missingNote = (plan: PostPlan) => {
    const ranges = plan.history.missing.map((id) => weekIdRange(id, plan.summary.week.timeZone, "en")).join(" and ");
    const verb = plan.history.missing.length === 1 ? "has" : "have";
    return `Of the previous ${words(plan.baselineWeeks)} weeks, ${ranges} ${verb} no record, so the average uses the weeks that do (a missing week is not counted as zero).`;
  };

  const portVerdict = (verdict: Verdict) =>
    verdict === "above" ? "so above average" : verdict === "below" ? "so below average" : "about the same as before";
  const trend = (verdict: Verdict) =>
    verdict === "above" ? "above average" : verdict === "below" ? "below average" : "about average";

  const noveltyWords: Record<NoveltyCategory, [string, string]> = {
    ports: ["destination port", "destination ports"],
    usernames: ["username", "usernames"],
    passwords: ["password", "passwords"],
    credentials: ["username/password pair", "username/password pairs"],
    commands: ["command", "commands"],
    downloads: ["downloaded file (by SHA-256)", "downloaded files (by SHA-256)"],
    clientVersions: ["SSH client version", "SSH client versions"],
    hassh: ["SSH client fingerprint (HASSH)", "SSH client fingerprints (HASSH)"],
    cves: ["CVE id in Suricata alerts", "CVE ids in Suricata alerts"],
  };

  const baselinePair = (b: Baseline) => ` (about ${c.baseline(b.subject)} a week before, about ${c.approx(b.subject)} this week)`;

  const changeLine = (plan: PostPlan, change: Change): string => {
    const pair = ` (about ${c.baseline(change.subject)} a week before, ${c.num(change.subject)} this week)`;
    const moved = change.kind === "surge" ? "jumped" : "fell sharply";
    const outage = change.outage ? ` ${mdText(plan.changes.honeypot(change.outage).label)} was down for part of the week, which may explain some of it.` : "";
    if (change.subject.kind === "port") return `- Connections to port ${change.subject.port} ${moved}${pair}.${outage}`;
    if (change.subject.kind === "country") return `- Events from ${c.country(change.subject.code)} ${moved}${pair}.`;
    return "";
  };

  /** The footnote on "new" is referred to once, from the first list. */
  const noveltyBlock = (n: Novelty, i: number) =>
    [
      `New this week: ${c.newcount(n.category)} ${noun(n.total, ...noveltyWords[n.category])}${i === 0 ? "[^new]" : ""}.`,
      c.newlist(n.category),
    ].join("\n\n");

  /** What Exploit-DB and CISA KEV said by the week's end. */
  const exploitParagraph = (plan: PostPlan, cve: CveFocus): string => {
    const e = cve.exploits;
    const keywords = mdText((e?.report.keywords.length ? e.report.keywords : cve.keywords).join(", "));
    const db = e?.sources.exploitDb;
    if (!e || db?.status !== "ok") {
      const why =
        db?.status === "not-configured"
          ? "No Exploit-DB data (files_exploits.csv) was found, so w"
          : db?.status === "unreadable"
            ? "The Exploit-DB data (files_exploits.csv) could not be read, so w"
            : "W";
      return `${why}hether a PoC was public as of the week's end (${lastDay(plan)}) — Exploit-DB, CISA KEV — is not in this draft yet; check and add it.`;
    }
    const byCve = e.report.exploitDb.length + e.report.exploitDbOmitted;
    const byKeywords = e.report.keywordMatches.length + e.report.keywordMatchesOmitted;
    const hasKeywords = e.report.keywords.length > 0;
    let text = hasKeywords
      ? `Searching Exploit-DB as it was at the week's end (${lastDay(plan)}): ${c.exploitcount(cve.id)} ${noun(byCve, "entry", "entries")} by CVE id, ${c.exploitkeywords(cve.id)} by product name (${keywords}).`
      : `Searching Exploit-DB by CVE id as it was at the week's end (${lastDay(plan)}) finds ${c.exploitcount(cve.id)} ${noun(byCve, "entry", "entries")}.`;
    if (byCve === 0 && byKeywords === 0) text += " No public PoC for this vulnerability yet, it seems.";
    else if (byCve > 0) text += ` The earliest one by CVE id was added on ${c.exploitsince(cve.id)}.`;
    else text += " Whether the product-name matches are PoCs for this vulnerability needs a look at their code.";
    if (!db.coversAsOf) text += " (The local Exploit-DB file ends before the week does, so newer entries may be missing.)";
    const kev = e.sources.kev;
    if (kev.status === "ok") {
      text += e.report.kev
        ? ` CISA's Known Exploited Vulnerabilities catalog has listed it since ${c.kevsince(cve.id)}.`
        : " It was not in CISA's Known Exploited Vulnerabilities catalog by the week's end.";
    }
    return text;
  };

  const footnotes: Record<FootnoteLabel, string> = {
    count: "Counts are honeypot events, as T-Pot's dashboard counts them (Suricata and p0f not included). Counts per port are connections to that port.",
    geoip: `Countries are looked up from the source addresses with ${c.geoip()}.`,
    alerts: "Suricata alerts are counted as alerts, not attacks. CVE ids come from the signatures, which include old, noisy rules.",
    new: `"New" means not found in the stored earlier weeks (${c.historyweeks()} in all). Each week keeps only its top entries, so something seen a little before may still show up as new.`,
  };

  return {
    lang: "en",

    title: (plan) => `${plan.series} #${plan.seriesNumber} (${range(plan)})`,

    summary(plan) {
      const topics = [
        ...plan.focus.ports.map((p) => (p.name === String(p.port) ? `port ${p.port}` : `${p.name} (port ${p.port})`)),
        ...plan.focus.cves.map((cve) => cve.id),
      ];
      if (!topics.length) return `Honeypot results for ${range(plan)}.`;
      const list = topics.length === 1 ? topics[0] : `${topics.slice(0, -1).join(", ")} and ${topics[topics.length - 1]}`;
      return `Honeypot results for ${range(plan)}, with a look at ${list}.`;
    },

    lead(plan) {
      const questions = [
        ...plan.ports.map(({ watched: p, cves }) =>
          cves.length
            ? `- Is ${portTopic(p.name, p.port)} attacked more, and is there a public PoC for ${cves.map((cve) => cve.id).join(", ")}?`
            : `- Is traffic to ${portTopic(p.name, p.port)} really increasing, and by how much?`,
        ),
        ...plan.cves.map((cve) => `- Is ${cveTopic(cve)} being attacked, and is there a public PoC?`),
      ];
      if (!questions.length) return `This week's ${mdText(plan.series)} sums up what the honeypots saw from ${range(plan)}.`;
      return [
        `This week, besides the usual results, we look at ${words(questions.length)} question${questions.length === 1 ? "" : "s"}:`,
        questions.join("\n"),
      ].join("\n\n");
    },

    overview(plan) {
      const o = plan.overview;
      const out = [`## Honeypot results for ${range(plan)}`, c.chart("hourly")];
      if (!o.hasEvents || !o.dominant) {
        out.push("The honeypots logged no events this week[^count].");
        return out.join("\n\n");
      }
      const d = o.dominant;
      const hp = { kind: "honeypot", name: d.name } as const;
      const label = mdText(d.label);
      const what = d.protocol === "ssh-telnet" ? `SSH or Telnet traffic to ${label}` : `traffic to ${label}`;
      const dominant =
        d.share >= 0.8
          ? `almost all of them (over ${c.atleast(hp)}) were ${what}`
          : d.share >= 0.5
            ? `more than half of them (over ${c.atleast(hp)}, ${c.share(hp)}) were ${what}`
            : `the largest share, about ${c.approx(hp)} (${c.share(hp)}), was ${what}`;
      let text = `The honeypots logged about ${c.approx("totals.events")} events[^count]; ${dominant}.`;
      if (o.peak) {
        text += ` The big peak came around ${c.peakhour()} (${zonePhrase(plan.summary.week.timeZone, "en")})`;
        text += o.peak.countries ? `, when most attacks came from ${c.peakcountries(o.peak.countries)}[^geoip].` : ".";
      }
      out.push(text);
      out.push("By country and by destination port:", c.chart("countries"), c.chart("ports"));
      return out.join("\n\n");
    },

    port(plan, p: PortPlan) {
      const { port, name } = p.watched;
      const out = [`## ${portTopic(name, port)}`, c.chart("port-weeks", port)];
      const b = p.baseline;
      const count = c.portcount(port);
      const outage = p.outages[0];
      const thisWeek = plan.summary.ports.find((s) => s.port === port)?.connections ?? 0;

      if (!b) {
        out.push(
          plan.history.firstWeek
            ? `This is the first week on record, so there is nothing to compare with yet. Port ${port} had ${count} ${noun(thisWeek, "connection")} this week.`
            : `There is no record of the previous ${words(plan.baselineWeeks)} weeks, so this week cannot be compared. Port ${port} had ${count} ${noun(thisWeek, "connection")} this week.`,
        );
      } else {
        const paragraph: string[] = [];
        if (b.missing.length) paragraph.push(missingNote(plan));
        paragraph.push(`${capitalize(before(plan))} (${c.baselinerange()}) averaged about ${c.baseline(b.subject)} connections a week.`);
        const small = b.thisWeek < MIN_COUNT && b.average < MIN_COUNT;
        if (outage) {
          paragraph.push(
            `${mdText(outage.honeypot.label)} was down ${partOfWeek(outage.startDay, "en")} (${c.downtime(outage.honeypot.name)}), which is partly why port ${port} had ${outage.few ? "only " : ""}${count} ${noun(b.thisWeek, "connection")}.`,
          );
          paragraph.push(
            small
              ? "The counts are too small to say whether it went up or down."
              : b.verdict === "below"
                ? "That is below average, but with the downtime it may not have fallen much."
                : b.verdict === "above"
                  ? "Even with the downtime, that is above average."
                  : "Even with the downtime, that is about the same as before.",
          );
        } else if (small) {
          paragraph.push(`This week port ${port} had ${count}. The counts are too small to say whether it went up or down.`);
        } else {
          paragraph.push(`This week port ${port} had ${count}[^count], ${portVerdict(b.verdict)}.`);
        }
        out.push(paragraph.join(" "));
      }
      if (!b && outage) {
        out.push(`Note that ${mdText(outage.honeypot.label)} was down ${partOfWeek(outage.startDay, "en")} (${c.downtime(outage.honeypot.name)}).`);
      }

      const top = p.top;
      if (top?.now) {
        if (top.changed) {
          out.push(`By country, there was a big difference: the top source in ${before(plan)} was ${c.prevtopcountry(port)}, and this week it is ${c.topcountry(port)}.`);
        } else if (top.differs) {
          out.push(`The top source this week was ${c.topcountry(port)} (in ${before(plan)} it was ${c.prevtopcountry(port)}, but the counts are too small to call it a change).`);
        } else if (top.before) {
          out.push(`The top source country is ${c.topcountry(port)}, as in ${before(plan)}.`);
        } else {
          out.push(`The top source country this week is ${c.topcountry(port)}.`);
        }
      }
      return out.join("\n\n");
    },

    cve(plan, cve: CveFocus) {
      const out = [`## ${cveTopic(cve)}`];
      out.push(`This week Suricata raised ${c.alerts(cve.id)} ${noun(cve.alerts, "alert")} tied to ${cve.id}[^alerts].`);
      out.push(exploitParagraph(plan, cve));
      return out.join("\n\n");
    },

    changes(plan) {
      const ch = plan.changes;
      const lines: string[] = [];
      if (plan.history.firstWeek) lines.push("- This is the first week on record, so there is no comparison yet.");
      else if (plan.history.missing.length) lines.push(`- ${missingNote(plan)}`);
      if (ch.overall) lines.push(`- Honeypot events overall were ${trend(ch.overall.verdict)}${baselinePair(ch.overall)}.`);
      for (const { ref, baseline } of ch.honeypots) {
        lines.push(`- Events to ${mdText(ref.label)} were ${trend(baseline.verdict)}${baselinePair(baseline)}.`);
      }
      if (ch.topCountry?.changed) {
        lines.push(`- The top source country overall changed from ${c.prevtopcountry("all")} to ${c.topcountry("all")}.`);
      }
      for (const change of ch.changes) lines.push(changeLine(plan, change));
      for (const { ref, downtime } of ch.downtime) {
        lines.push(`- ${mdText(ref.label)} was down for ${c.downtime(downtime.outage.honeypot)}.`);
      }
      const kept = lines.filter(Boolean);
      const out = ["## What changed", kept.length ? kept.join("\n") : "Nothing stood out this week."];
      ch.novelties.forEach((n, i) => out.push(noveltyBlock(n, i)));
      return out.join("\n\n");
    },

    tables: () =>
      [
        "## The week in detail",
        "### Usernames and passwords tried",
        c.table("credentials"),
        "### Commands entered",
        c.table("commands"),
        "### Files downloaded",
        c.table("downloads"),
        "### Suricata alerts",
        c.table("signatures"),
      ].join("\n\n"),

    closing: () => ["## In closing", "That's all for this week.", "<!-- your thoughts on the week go here -->"].join("\n\n"),

    footnote: (label) => footnotes[label],
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
