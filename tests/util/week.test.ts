import { test } from "uvu";
import * as assert from "uvu/assert";
import { weekWindow, lastCompleteWeek, shiftWeek, weekContaining, WeekIdError } from "../../scripts/util/week.ts";

test("2019-W26 in Japan time is 6/24 00:00 JST to 7/1 00:00 JST (the seed post's week)", () => {
  const w = weekWindow("2019-W26", "Asia/Tokyo");
  assert.is(w.start, "2019-06-24T00:00:00+09:00");
  assert.is(w.end, "2019-07-01T00:00:00+09:00");
  assert.equal(w.days, ["2019-06-24", "2019-06-25", "2019-06-26", "2019-06-27", "2019-06-28", "2019-06-29", "2019-06-30"]);
  assert.is(w.startMs, Date.UTC(2019, 5, 23, 15));
  assert.is(w.endMs - w.startMs, 7 * 24 * 3600 * 1000);
});

test("ISO week-numbering year differs from the calendar year at New Year", () => {
  assert.is(weekContaining(Date.UTC(2024, 11, 30, 12), "UTC").id, "2025-W01");
  assert.is(weekWindow("2025-W01", "UTC").days[0], "2024-12-30");
  assert.is(weekWindow("2020-W53", "UTC").days[0], "2020-12-28");
});

test("malformed and impossible week ids are refused with a clear message", () => {
  assert.throws(() => weekWindow("2019-26", "UTC"), (e: Error) => e instanceof WeekIdError && /YYYY-Www/.test(e.message));
  assert.throws(() => weekWindow("2019-W53", "UTC"), (e: Error) => e instanceof WeekIdError && /52 ISO weeks/.test(e.message));
  assert.throws(() => weekWindow("2019-W00", "UTC"), (e: Error) => e instanceof WeekIdError);
});

test("last complete week is the one before the current week, in the site zone", () => {
  // Monday 2019-07-01 00:30 JST is still Sunday in UTC: the last complete JST week is W26.
  const now = Date.UTC(2019, 5, 30, 15, 30);
  assert.is(lastCompleteWeek(now, "Asia/Tokyo").id, "2019-W26");
  assert.is(lastCompleteWeek(now, "UTC").id, "2019-W25");
});

test("shiftWeek crosses years", () => {
  assert.is(shiftWeek("2020-W01", 1, "UTC"), "2019-W52");
  assert.is(shiftWeek("2019-W26", 2, "Asia/Tokyo"), "2019-W24");
});

test("a week with a DST change has 167 local hours", () => {
  const w = weekWindow("2019-W13", "Europe/Berlin"); // clocks go forward on 2019-03-31
  assert.is((w.endMs - w.startMs) / 3600000, 167);
});

test.run();
