import { test } from "uvu";
import * as assert from "uvu/assert";
import { approx, atLeast, exact, percent, roundSignificant } from "../../scripts/draft/numbers.ts";
import { dayRange, hourAt, monthDay, partOfWeek, weekIdRange, zonePhrase } from "../../scripts/draft/dates.ts";
import { countryInProse, countryName, joinNames } from "../../scripts/draft/countries.ts";
import { jaText, mdText, punctuate, yamlString } from "../../scripts/draft/text.ts";

test("approx: 万 in Japanese, grouped digits in English, 2 significant figures", () => {
  const cases: Array<[number, string, string]> = [
    [109876, "11万", "110,000"],
    [104512, "10万", "100,000"],
    [12345, "1.2万", "12,000"],
    [1234567, "120万", "1,200,000"],
    [123456789, "1.2億", "120,000,000"],
    [99999, "10万", "100,000"],
    [420, "420", "420"],
    [423.5, "420", "420"],
    [4249, "4,200", "4,200"],
    [13.5, "14", "14"],
    [8, "8", "8"],
    [0, "0", "0"],
  ];
  for (const [n, ja, en] of cases) {
    assert.is(approx(n, "ja"), ja, `ja ${n}`);
    assert.is(approx(n, "en"), en, `en ${n}`);
  }
});

test("atLeast rounds down, for 'over …'", () => {
  assert.is(atLeast(104512, "ja"), "10万");
  assert.is(atLeast(104512, "en"), "100,000");
  assert.is(atLeast(119999, "ja"), "11万");
  assert.is(atLeast(420, "en"), "420");
  assert.is(atLeast(429, "en"), "420");
  assert.is(atLeast(99.9, "en"), "99");
});

test("exact, percent and significant rounding", () => {
  assert.is(exact(109876, "ja"), "109,876");
  assert.is(exact(109876, "en"), "109,876");
  assert.is(percent(104512, 109876), "95%");
  assert.is(percent(1, 0), "0%");
  assert.is(roundSignificant(420, 2, "floor"), 420);
  assert.is(roundSignificant(-1234), -1200);
});

test("dates and hours in prose", () => {
  assert.is(monthDay("2019-06-24", "ja"), "6/24");
  assert.is(monthDay("2019-06-24", "en"), "Jun 24");
  assert.is(dayRange("2019-06-24", "2019-06-30", "ja"), "6/24-6/30");
  assert.is(dayRange("2019-06-24", "2019-06-30", "en"), "Jun 24–30");
  assert.is(dayRange("2019-07-29", "2019-08-04", "en"), "Jul 29–Aug 4");
  assert.is(hourAt("2019-06-29T09:00:00+09:00", "ja"), "6/29の9時");
  assert.is(hourAt("2019-06-29T09:00:00+09:00", "en"), "9:00 on Jun 29");
  assert.is(weekIdRange("2019-W25", "Asia/Tokyo", "ja"), "6/17-6/23");
  assert.is(zonePhrase("Asia/Tokyo", "ja"), "日本時間");
  assert.is(zonePhrase("Asia/Tokyo", "en"), "Japan time");
  assert.is(zonePhrase("UTC", "ja"), "UTC");
  assert.is(partOfWeek(0, "ja"), "今週初め");
  assert.is(partOfWeek(3, "en"), "in the middle of the week");
  assert.is(partOfWeek(6, "ja"), "週末");
});

test("country names in the post's language; unknown for ZZ and junk", () => {
  assert.is(countryName("CN", "ja"), "中国");
  assert.is(countryName("ID", "ja"), "インドネシア");
  assert.is(countryName("ID", "en"), "Indonesia");
  assert.is(countryName("ZZ", "ja"), "不明");
  assert.is(countryName("<b>", "en"), "unknown");
  assert.is(countryInProse("NL", "en"), "the Netherlands");
  assert.is(countryInProse("NL", "ja"), "オランダ");
  assert.is(joinNames(["オランダ", "ロシア"], "ja"), "オランダとロシア");
  assert.is(joinNames(["A", "B", "C"], "ja", "japanese"), "A、B、C");
  assert.is(joinNames(["A", "B", "C"], "en"), "A, B and C");
});

test("punctuation: the author's ASCII style or Japanese; inserted values untouched", () => {
  assert.is(punctuate("今週は、以上です。（たぶん）？", "ascii"), "今週は,以上です.(たぶん)?");
  assert.is(punctuate("今週は、以上です。", "japanese"), "今週は、以上です。");
  const t = jaText("ascii");
  assert.is(t`A、${"値、そのまま"}。`, "A,値、そのまま.");
});

test("settings text is inert in Markdown and Nunjucks; YAML strings round-trip", () => {
  assert.is(mdText("Oracle WebLogic"), "Oracle WebLogic");
  assert.is(mdText("*x* {% y %} <b>"), "&#42;x&#42; &#123;&#37; y &#37;&#125; &#60;b&#62;");
  assert.is(JSON.parse(yamlString('a "b": c\u2028')), 'a "b": c\u2028');
});

test.run();
