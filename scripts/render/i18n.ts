/**
 * The site's own words (navigation, page titles, table headers) in Japanese and English. Charts
 * keep theirs in scripts/charts/strings.ts. Templates use them through the `t` filter:
 * `{{ "archive" | t }}` (the page's language) or `{{ "archive" | t("en") }}`.
 */
import type { Lang } from "../charts/names.ts";

const ja = {
  home: "ホーム",
  siteNav: "サイト内のページ",
  archive: "アーカイブ",
  tags: "タグ",
  about: "このサイトについて",
  feed: "フィード",
  latestPost: "最新の記事",
  allPosts: "記事一覧",
  noPosts: "まだ記事はありません.",
  readMore: "続きを読む",
  postedOn: "公開",
  week: "対象期間",
  previousPost: "前の記事",
  nextPost: "次の記事",
  postsTagged: "タグ",
  byMonth: "月別",
  byTag: "タグ別",
  notFoundTitle: "ページが見つかりません",
  notFoundText: "お探しのページは見つかりませんでした. 移動したか, 削除された可能性があります.",
  backHome: "ホームへ戻る",
  draft: "下書き",
  draftNote: "この記事は下書きです. 本番のビルドには含まれません.",
  showData: "データを表で見る",
  chartNoScript: "図はスクリプトなしでも表示されます.",
  weeklyTrend: "これまでの推移",
  skipToContent: "本文へ移動",
  rank: "#",
  username: "ユーザー名",
  password: "パスワード",
  attempts: "試行回数",
  command: "コマンド",
  count: "回数",
  url: "URL (無害化済み)",
  sha256: "SHA-256",
  downloads: "ダウンロード数",
  signature: "シグネチャ",
  sid: "SID",
  alerts: "アラート数",
  cve: "CVE",
  port: "宛先ポート",
  service: "サービス",
  connections: "接続数",
  uniqueSources: "送信元IP数",
  topCountry: "最多の国",
  country: "国",
  events: "イベント数",
  share: "割合",
  others: "その他",
  notListed: "表にないもの",
  distinctInAll: "全{n}種類",
  noRows: "この週のデータはありません.",
  emptyValue: "(空)",
  tableCaptionCredentials: "ユーザー名とパスワードの組み合わせ",
  tableCaptionUsernames: "ユーザー名",
  tableCaptionPasswords: "パスワード",
  tableCaptionCommands: "入力されたコマンド",
  tableCaptionDownloads: "ダウンロードされようとしたファイル",
  tableCaptionSignatures: "Suricataのアラート (シグネチャ別)",
  tableCaptionCves: "アラートに含まれるCVE",
  tableCaptionPorts: "宛先ポート",
  tableCaptionCountries: "送信元の国",
  untrustedNote: "攻撃者が送った文字列です. 表示用に無害化・短縮しています.",
  geoipAttribution: "IPアドレスの位置情報",
  generatedBy: "honeyweekで生成",
};

type Strings = typeof ja;
export type StringKey = keyof Strings;

const en: Strings = {
  home: "Home",
  siteNav: "Site",
  archive: "Archive",
  tags: "Tags",
  about: "About",
  feed: "Feed",
  latestPost: "Latest post",
  allPosts: "All posts",
  noPosts: "No posts yet.",
  readMore: "Read more",
  postedOn: "Published",
  week: "Week",
  previousPost: "Previous post",
  nextPost: "Next post",
  postsTagged: "Tagged",
  byMonth: "By month",
  byTag: "By tag",
  notFoundTitle: "Page not found",
  notFoundText: "The page you were looking for is not here. It may have moved or been removed.",
  backHome: "Back to the home page",
  draft: "Draft",
  draftNote: "This post is a draft. Production builds leave it out.",
  showData: "Show the data as a table",
  chartNoScript: "Charts also display without scripts.",
  weeklyTrend: "Trend so far",
  skipToContent: "Skip to content",
  rank: "#",
  username: "Username",
  password: "Password",
  attempts: "Attempts",
  command: "Command",
  count: "Count",
  url: "URL (defanged)",
  sha256: "SHA-256",
  downloads: "Downloads",
  signature: "Signature",
  sid: "SID",
  alerts: "Alerts",
  cve: "CVE",
  port: "Destination port",
  service: "Service",
  connections: "Connections",
  uniqueSources: "Source IPs",
  topCountry: "Top country",
  country: "Country",
  events: "Events",
  share: "Share",
  others: "Others",
  notListed: "Not listed",
  distinctInAll: "{n} distinct in all",
  noRows: "No data for this week.",
  emptyValue: "(empty)",
  tableCaptionCredentials: "Username and password pairs",
  tableCaptionUsernames: "Usernames",
  tableCaptionPasswords: "Passwords",
  tableCaptionCommands: "Commands entered",
  tableCaptionDownloads: "Files the attackers tried to download",
  tableCaptionSignatures: "Suricata alerts by signature",
  tableCaptionCves: "CVEs named in alerts",
  tableCaptionPorts: "Destination ports",
  tableCaptionCountries: "Source countries",
  untrustedNote: "Strings sent by attackers, neutralised and shortened for display.",
  geoipAttribution: "IP geolocation",
  generatedBy: "Generated with honeyweek",
};

const STRINGS: Record<Lang, Strings> = { ja, en };

export function isLang(value: unknown): value is Lang {
  return value === "ja" || value === "en";
}

/**
 * The string for `key` in `lang`, with `{name}` placeholders filled from `values`; an unknown key
 * is returned as is (visible, not fatal).
 */
export function t(key: string, lang: Lang, values: Record<string, string | number> = {}): string {
  const table = STRINGS[lang];
  const text = Object.hasOwn(table, key) ? table[key as StringKey] : key;
  return text.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}
