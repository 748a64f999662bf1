/**
 * The Japanese voice, after the seed post: plain casual register, short paragraphs, the author's
 * phrasing where the seed has one ("およそ11万件", "平均化して420くらい", "平均以下ですね",
 * "今週初めは,ハニーポットが止まっていたこともありますが,たったの8件です").
 * Literal text is written with 、。？（） and punctuated per settings (text.ts jaText).
 */
import type { Baseline, Change, CveFocus, Novelty, NoveltyCategory, Verdict } from "../compare/types.ts";
import type { Punctuation } from "./text.ts";
import { jaText, mdText, punctuate } from "./text.ts";
import { calls as c } from "./shortcodes.ts";
import { dayRange, monthDay, partOfWeek, weekIdRange, zonePhrase } from "./dates.ts";
import { MIN_COUNT } from "../compare/verdict.ts";
import type { PortPlan, PostPlan } from "./plan.ts";
import type { FootnoteLabel, Voice } from "./voice.ts";

export function japaneseVoice(punctuation: Punctuation): Voice {
  const t = jaText(punctuation);
  const days = (plan: PostPlan) => plan.summary.week.days;
  const range = (plan: PostPlan) => dayRange(days(plan)[0]!, days(plan)[6]!, "ja");
  const lastDay = (plan: PostPlan) => monthDay(days(plan)[6]!, "ja");

  /** "RDP（3389番ポート）" or "7001番ポート". */
  const portTopic = (name: string, port: number) =>
    name === String(port) ? `${port}番ポート` : t`${mdText(name)}（${port}番ポート）`;
  const cveTopic = (cve: { id: string; keywords: string[] }) =>
    cve.keywords.length ? t`${cve.id}（${mdText(cve.keywords.join("・"))}）` : cve.id;

  /** The baseline weeks as the post says them: "前の2週間". */
  const before = () => t`前の${c.baselineweeks()}週間`;

  const missingNote = (plan: PostPlan) => {
    const ranges = plan.history.missing.map((id) => weekIdRange(id, plan.summary.week.timeZone, "ja")).join("と");
    return t`前の${plan.baselineWeeks}週間のうち${ranges}の記録がないので、記録のある週だけで平均しています（ない週を0件とは数えていません）。`;
  };

  const portVerdict = (verdict: Verdict) =>
    verdict === "above" ? "平均以上ですね" : verdict === "below" ? "平均以下ですね" : "平均とほぼ同じですね";

  const trend = (verdict: Verdict) =>
    verdict === "above" ? "平均より多め" : verdict === "below" ? "平均より少なめ" : "平均並み";

  const noveltyWords: Record<NoveltyCategory, { what: string; unit: string }> = {
    ports: { what: "宛先ポート", unit: "個" },
    usernames: { what: "ユーザー名", unit: "個" },
    passwords: { what: "パスワード", unit: "個" },
    credentials: { what: "ユーザー名とパスワードの組み合わせ", unit: "組" },
    commands: { what: "コマンド", unit: "種類" },
    downloads: { what: "ダウンロードされたファイル（SHA-256）", unit: "個" },
    clientVersions: { what: "SSHクライアント", unit: "種類" },
    hassh: { what: "SSHクライアントの指紋（HASSH）", unit: "種類" },
    cves: { what: "CVE番号（Suricataのアラート）", unit: "個" },
  };

  const baselinePair = (b: Baseline) => t`（平均${c.baseline(b.subject)}件くらい→今週${c.approx(b.subject)}件くらい）`;

  const changeLine = (plan: PostPlan, change: Change): string => {
    const pair = t`（平均${c.baseline(change.subject)}件くらい→今週${c.num(change.subject)}件）`;
    const moved = change.kind === "surge" ? "急に増えました" : "ぐっと減りました";
    const outage = change.outage ? t`${mdText(plan.changes.honeypot(change.outage).label)}が止まっていた影響もありそうです。` : "";
    if (change.subject.kind === "port") return t`- ${change.subject.port}番ポートへの接続が${moved}${pair}。${outage}`;
    if (change.subject.kind === "country") return t`- ${c.country(change.subject.code)}からのイベントが${moved}${pair}。`;
    return "";
  };

  /** The footnote on "new" is referred to once, from the first list. */
  const noveltyBlock = (n: Novelty, i: number) => {
    const words = noveltyWords[n.category];
    const note = i === 0 ? "[^new]" : "";
    return [t`今週初めて見た${punctuate(words.what, punctuation)}は${c.newcount(n.category)}${words.unit}でした${note}。`, c.newlist(n.category)].join("\n\n");
  };

  /** What Exploit-DB and CISA KEV said by the week's end (the seed post searched both ways). */
  const exploitParagraph = (plan: PostPlan, cve: CveFocus): string => {
    const e = cve.exploits;
    const keywords = mdText((e?.report.keywords.length ? e.report.keywords : cve.keywords).join("・"));
    const db = e?.sources.exploitDb;
    if (!e || db?.status !== "ok") {
      const why =
        db?.status === "not-configured"
          ? t`Exploit-DBのデータ（files_exploits.csv）が見つからなかったので、`
          : db?.status === "unreadable"
            ? t`Exploit-DBのデータ（files_exploits.csv）が読めなかったので、`
            : "";
      return t`${why}PoCが出ているか（Exploit-DB、CISAのKEV）は、この下書きにはまだ入っていません。週末（${lastDay(plan)}）の時点でどうだったか、調べて追記します。`;
    }
    const byCve = e.report.exploitDb.length + e.report.exploitDbOmitted;
    const byKeywords = e.report.keywordMatches.length + e.report.keywordMatchesOmitted;
    const hasKeywords = e.report.keywords.length > 0;
    let text = hasKeywords
      ? t`PoCが入手できるExploit-DBで、週末（${lastDay(plan)}）の時点までの登録を検索してみました。CVE番号では${c.exploitcount(cve.id)}件、製品名（${keywords}）では${c.exploitkeywords(cve.id)}件です。`
      : t`PoCが入手できるExploit-DBで、週末（${lastDay(plan)}）の時点までの登録をCVE番号で検索すると、${c.exploitcount(cve.id)}件でした。`;
    if (byCve === 0 && byKeywords === 0) {
      text += hasKeywords ? t`どちらで検索しても、今回の脆弱性に該当するPoCは見つかりませんでした。` : t`今回の脆弱性に該当するPoCは見つかりませんでした。`;
    } else if (byCve > 0) {
      text += t`CVE番号で見つかったもののうち、一番早いものは${c.exploitsince(cve.id)}に登録されています。`;
    } else {
      text += t`製品名で見つかったものが今回の脆弱性のPoCかどうかは、中身を見て確かめる必要があります。`;
    }
    if (!db.coversAsOf) text += t`（ただ、手元のExploit-DBのデータは週末までの分が入っていないので、見逃しがあるかもしれません。）`;
    const kev = e.sources.kev;
    if (kev.status === "ok") {
      text += e.report.kev
        ? t`また、CISAのKEV（実際に悪用が確認された脆弱性のカタログ）には${c.kevsince(cve.id)}から載っています。`
        : t`また、CISAのKEV（実際に悪用が確認された脆弱性のカタログ）には、週末の時点ではまだ載っていません。`;
    }
    return text;
  };

  const footnotes: Record<FootnoteLabel, string> = {
    count: t`件数はT-Potのダッシュボードと同じく、ハニーポットが記録したイベントの数です（SuricataやP0fは含みません）。ポートごとの件数は、そのポートへの接続の数です。`,
    geoip: t`国はIPアドレスから${c.geoip()}で判定しています。`,
    alerts: t`Suricataのアラートは攻撃の数ではなく、アラートの数です。CVE番号はシグネチャから付いたもので、古いルールのものも混ざります。`,
    new: t`「初めて」は、保存してある過去${c.historyweeks()}週分の記録と比べた結果です。各週は上位の項目だけを保存しているので、以前に少しだけ来ていたものが入ることもあります。`,
  };

  return {
    lang: "ja",

    title: (plan) => `${plan.series}【${plan.seriesNumber}】【${range(plan)}】`,

    summary(plan) {
      const topics = [
        ...plan.focus.ports.map((p) => (p.name === String(p.port) ? `${p.port}番ポート` : t`${p.name}（${p.port}番ポート）`)),
        ...plan.focus.cves.map((cve) => cve.id),
      ];
      return topics.length
        ? t`${range(plan)}のハニーポットの観測結果と、${topics.join(t`、`)}の様子。`
        : t`${range(plan)}のハニーポットの観測結果。`;
    },

    lead(plan) {
      const questions = [
        ...plan.ports.map(({ watched: p, cves }) =>
          cves.length
            ? t`- ${portTopic(p.name, p.port)}への攻撃は増えているのか？${cves.map((cve) => cve.id).join("・")}のPoCは出ているのか？`
            : t`- ${portTopic(p.name, p.port)}への通信は増えているのか？どれくらい増えているのか？`,
        ),
        ...plan.cves.map((cve) => t`- ${cveTopic(cve)}を狙う攻撃は来ているのか？PoCは出ているのか？`),
      ];
      if (!questions.length) return t`今週の${mdText(plan.series)}は、${range(plan)}の観測結果をまとめます。`;
      return [
        t`今週の${mdText(plan.series)}は、今週の観測結果に加えて、以下の${questions.length}点についてどのような様子となっているか、観測していきます。`,
        questions.join("\n"),
      ].join("\n\n");
    },

    overview(plan) {
      const o = plan.overview;
      const out = [`## ${range(plan)}のハニーポットの観測結果`, c.chart("hourly")];
      if (!o.hasEvents || !o.dominant) {
        out.push(t`今週は、ハニーポットのイベントが記録されていませんでした[^count]。`);
        return out.join("\n\n");
      }
      const d = o.dominant;
      const hp = { kind: "honeypot", name: d.name } as const;
      const where = t`${mdText(d.label)}宛${d.protocol === "ssh-telnet" ? "のsshもしくはtelnet通信" : ""}`;
      const dominant =
        d.share >= 0.8
          ? t`攻撃のほとんど（${c.atleast(hp)}件以上）は${where}でした`
          : d.share >= 0.5
            ? t`半分以上（${c.atleast(hp)}件以上、${c.share(hp)}）は${where}でした`
            : t`一番多いのは${where}で、${c.approx(hp)}件くらい（${c.share(hp)}）でした`;
      let text = t`観測されたイベント[^count]は、およそ${c.approx("totals.events")}件、${dominant}。`;
      if (o.peak) {
        text += t`大きな山ができているのは${zonePhrase(plan.summary.week.timeZone, "ja")}で${c.peakhour()}くらいで`;
        text += o.peak.countries
          ? t`、その時に攻撃を仕掛けている国は${c.peakcountries(o.peak.countries)}です[^geoip]。`
          : t`す。`;
      }
      out.push(text);
      out.push(t`国別、宛先ポート別に見ると、次のようになっています。`, c.chart("countries"), c.chart("ports"));
      return out.join("\n\n");
    },

    port(plan, p: PortPlan) {
      const { port, name } = p.watched;
      const out = [`## ${portTopic(name, port)}の観測結果`, c.chart("port-weeks", port)];
      const b = p.baseline;
      const count = c.portcount(port);
      const outage = p.outages[0];

      if (!b) {
        out.push(
          plan.history.firstWeek
            ? t`今回が最初の記録なので、前の週とはまだ比べられません。今週の${port}番ポートへの接続は${count}件でした。`
            : t`前の${plan.baselineWeeks}週間の記録がないので、今週は比べられません。今週の${port}番ポートへの接続は${count}件でした。`,
        );
      } else {
        const paragraph: string[] = [];
        if (b.missing.length) paragraph.push(missingNote(plan));
        paragraph.push(t`${before()}（${c.baselinerange()}）は、平均して1週間あたり${c.baseline(b.subject)}件くらい。`);
        const small = b.thisWeek < MIN_COUNT && b.average < MIN_COUNT;
        if (outage) {
          const stopped = t`${partOfWeek(outage.startDay, "ja")}は、ハニーポット（${mdText(outage.honeypot.label)}）が止まっていたこともありますが（${c.downtime(outage.honeypot.name)}）、`;
          paragraph.push(stopped + (outage.few ? t`${port}番ポートへの接続はたったの${count}件です。` : t`${port}番ポートへの接続は${count}件です。`));
          paragraph.push(
            small
              ? t`件数が少ないので、増えたとも減ったとも言えません。`
              : b.verdict === "below"
                ? t`平均以下ですが、止まっていた分を考えると、そこまで減ってはいないのかもしれません。`
                : b.verdict === "above"
                  ? t`止まっていた時間があっても、平均以上ですね。`
                  : t`止まっていた時間があっても、平均とほぼ同じですね。`,
          );
        } else if (small) {
          paragraph.push(t`対して、今週の${port}番ポートへの接続は${count}件。件数が少ないので、増えたとも減ったとも言えません。`);
        } else {
          paragraph.push(t`対して、今週の${port}番ポートへの接続[^count]は${count}件なので、${portVerdict(b.verdict)}。`);
        }
        out.push(paragraph.join(""));
      }
      if (!b && outage) {
        out.push(t`なお、${partOfWeek(outage.startDay, "ja")}はハニーポット（${mdText(outage.honeypot.label)}）が止まっていました（${c.downtime(outage.honeypot.name)}）。`);
      }

      const top = p.top;
      if (top?.now) {
        if (top.changed) {
          out.push(t`国別に見ると、大きな違いがありました。${before()}では最多アクセスは${c.prevtopcountry(port)}だったのですが、今週の最多アクセスは${c.topcountry(port)}となっています。`);
        } else if (top.differs) {
          out.push(t`今週の最多アクセスは${c.topcountry(port)}でした（${before()}は${c.prevtopcountry(port)}でしたが、件数が少ないので入れ替わったとまでは言えません）。`);
        } else if (top.before) {
          out.push(t`最多アクセスは、${before()}と同じく${c.topcountry(port)}でした。`);
        } else {
          out.push(t`今週の最多アクセスは${c.topcountry(port)}でした。`);
        }
      }
      return out.join("\n\n");
    },

    cve(plan, cve: CveFocus) {
      const out = [`## ${cveTopic(cve)}の状況`];
      out.push(t`今週、Suricataが${cve.id}に関係するとしてアラートを出したのは${c.alerts(cve.id)}件でした[^alerts]。`);
      out.push(exploitParagraph(plan, cve));
      return out.join("\n\n");
    },

    changes(plan) {
      const ch = plan.changes;
      const lines: string[] = [];
      if (plan.history.firstWeek) lines.push(t`- 今回が最初の記録なので、前の週との比較はまだありません。`);
      else if (plan.history.missing.length) lines.push(`- ${missingNote(plan)}`);
      if (ch.overall) {
        lines.push(t`- ハニーポット全体のイベントは${trend(ch.overall.verdict)}でした${baselinePair(ch.overall)}。`);
      }
      for (const { ref, baseline } of ch.honeypots) {
        lines.push(t`- ${mdText(ref.label)}宛のイベントは${trend(baseline.verdict)}でした${baselinePair(baseline)}。`);
      }
      if (ch.topCountry?.changed) {
        lines.push(t`- 全体の最多アクセス国が、${c.prevtopcountry("all")}から${c.topcountry("all")}に変わりました。`);
      }
      for (const change of ch.changes) lines.push(changeLine(plan, change));
      for (const { ref, downtime } of ch.downtime) {
        lines.push(t`- ${mdText(ref.label)}が${c.downtime(downtime.outage.honeypot)}止まっていました。`);
      }
      const out = ["## 今週の変化"];
      out.push(lines.filter(Boolean).length ? lines.filter(Boolean).join("\n") : t`特に目立った変化はありませんでした。`);
      ch.novelties.forEach((n, i) => out.push(noveltyBlock(n, i)));
      return out.join("\n\n");
    },

    tables: () =>
      [
        "## 今週の詳しい記録",
        "### ログインに使われたユーザー名とパスワード",
        c.table("credentials"),
        "### 入力されたコマンド",
        c.table("commands"),
        "### ダウンロードされたファイル",
        c.table("downloads"),
        "### Suricataのアラート",
        c.table("signatures"),
      ].join("\n\n"),

    closing: () => ["## 終わりに", t`今週は以上です。`, "<!-- ここに今週の感想を書きます -->"].join("\n\n"),

    footnote: (label) => footnotes[label],
  };
}
