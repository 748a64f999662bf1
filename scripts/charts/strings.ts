/**
 * Every word a chart shows (captions, axis titles, legends, empty-state messages) in the two
 * languages the site speaks. Captions follow the blog's own ("6/24-6/30のハニーポットの記録").
 */
import type { Lang } from "./names.ts";

export interface ChartStrings {
  events: string;
  connections: string;
  honeypot: string;
  other: string;
  country: string;
  port: string;
  day: string;
  week: string;
  period: string;
  uniqueSourcesPerHour: string;
  share: string;
  noData: string;
  noEvents: string;
  noConnections: string;
  noCountries: string;
  timeAxis(timeZone: string): string;
  hourlyCaption(range: string): string;
  dailyCaption(range: string): string;
  countriesCaption(range: string, n: number): string;
  worldCaption(range: string): string;
  portsCaption(range: string, n: number): string;
  portDayCaption(range: string): string;
  portWeeksCaption(port: number, service: string | undefined, before: string, range: string): string;
  portWeeksNoPort(portLabel: string): string;
  thisWeek(range: string): string;
  previousWeeks(range: string, n: number): string;
  missingWeek: string;
  countryPortCaption(range: string): string;
  weeklyTotalsCaption: string;
  weekStart: string;
  eventsPerWeek(n: number): string;
}

function zoneName(timeZone: string, lang: Lang): string {
  if (timeZone === "Asia/Tokyo") return lang === "ja" ? "日本時間" : "JST";
  return timeZone;
}

const ja: ChartStrings = {
  events: "イベント数",
  connections: "接続数",
  honeypot: "ハニーポット",
  other: "その他",
  country: "国",
  port: "宛先ポート",
  day: "日付",
  week: "週",
  period: "期間",
  uniqueSourcesPerHour: "送信元IP数 (1時間平均)",
  share: "割合",
  noData: "この週のデータはありません.",
  noEvents: "この週に記録されたイベントはありません.",
  noConnections: "この週に記録された接続はありません.",
  noCountries: "送信元の国が分かるイベントはありません.",
  timeAxis: (tz) => `日時 (${zoneName(tz, "ja")})`,
  hourlyCaption: (range) => `${range}のハニーポットの記録`,
  dailyCaption: (range) => `${range}の日別イベント数と送信元IP数`,
  countriesCaption: (range, n) => `${range}の送信元の国 (上位${n}か国)`,
  worldCaption: (range) => `${range}の送信元の国 (地図)`,
  portsCaption: (range, n) => `${range}の宛先ポート (上位${n})`,
  portDayCaption: (range) => `${range}の宛先ポート別・日別の接続数`,
  portWeeksCaption: (port, service, before, range) => `${port}番ポート${service ? ` (${service})` : ""}への接続: ${before}と${range}`,
  portWeeksNoPort: (port) => `${port}番ポートへの接続はこの期間に記録されていません.`,
  thisWeek: (range) => `今週 (${range})`,
  previousWeeks: (range, n) => `前の${n}週間 (${range})`,
  missingWeek: "データなし",
  countryPortCaption: (range) => `${range}の国別・宛先ポート別の接続数`,
  weeklyTotalsCaption: "週ごとのイベント数",
  weekStart: "週の初日",
  eventsPerWeek: (n) => `${n}件`,
};

const en: ChartStrings = {
  events: "Events",
  connections: "Connections",
  honeypot: "Honeypot",
  other: "Other",
  country: "Country",
  port: "Destination port",
  day: "Day",
  week: "Week",
  period: "Period",
  uniqueSourcesPerHour: "Source IPs (mean per hour)",
  share: "Share",
  noData: "No data for this week.",
  noEvents: "No events were recorded this week.",
  noConnections: "No connections were recorded this week.",
  noCountries: "No event with a known source country.",
  timeAxis: (tz) => `Time (${zoneName(tz, "en")})`,
  hourlyCaption: (range) => `Honeypot events, ${range}`,
  dailyCaption: (range) => `Events and source IPs per day, ${range}`,
  countriesCaption: (range, n) => `Top ${n} source countries, ${range}`,
  worldCaption: (range) => `Source countries on the map, ${range}`,
  portsCaption: (range, n) => `Top ${n} destination ports, ${range}`,
  portDayCaption: (range) => `Connections per destination port and day, ${range}`,
  portWeeksCaption: (port, service, before, range) => `Connections to port ${port}${service ? ` (${service})` : ""}: ${before} and ${range}`,
  portWeeksNoPort: (port) => `No connection to port ${port} was recorded in this period.`,
  thisWeek: (range) => `This week (${range})`,
  previousWeeks: (range, n) => `Previous ${n} weeks (${range})`,
  missingWeek: "no data",
  countryPortCaption: (range) => `Connections by source country and destination port, ${range}`,
  weeklyTotalsCaption: "Events per week",
  weekStart: "Week starting",
  eventsPerWeek: (n) => `${n} events`,
};

export function chartStrings(lang: Lang): ChartStrings {
  return lang === "ja" ? ja : en;
}
