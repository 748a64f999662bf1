import { test } from "uvu";
import * as assert from "uvu/assert";
import { MIN_COUNT, SAME_PERCENT, relativeChange, verdictOf } from "../../scripts/compare/verdict.ts";

test("the documented constants", () => {
  assert.is(MIN_COUNT, 20);
  assert.is(SAME_PERCENT, 10);
});

test("the seed post's RDP week is below average (420 → 334)", () => {
  assert.is(verdictOf(334, 420), "below");
});

test("within ±10 % is the same, edges included", () => {
  assert.is(verdictOf(462, 420), "same"); // +10 % exactly
  assert.is(verdictOf(378, 420), "same"); // −10 % exactly
  assert.is(verdictOf(110, 100), "same");
  assert.is(verdictOf(90, 100), "same");
  assert.is(verdictOf(420, 420), "same");
});

test("just past ±10 % is above or below", () => {
  assert.is(verdictOf(463, 420), "above");
  assert.is(verdictOf(377, 420), "below");
  assert.is(verdictOf(111, 100), "above");
  assert.is(verdictOf(89, 100), "below");
});

test("both under the minimum count is the same, whatever the ratio", () => {
  assert.is(verdictOf(8, 13.5), "same");
  assert.is(verdictOf(19, 1), "same");
  assert.is(verdictOf(0, 19.5), "same");
  assert.is(verdictOf(0, 0), "same");
});

test("one side at the minimum count makes the ratio count again", () => {
  assert.is(verdictOf(20, 1), "above");
  assert.is(verdictOf(1, 20), "below");
  assert.is(verdictOf(25, 0), "above");
});

test("relative change, and none against a zero average", () => {
  assert.is(relativeChange(334, 420)!.toFixed(3), "-0.205");
  assert.is(relativeChange(5, 0), null);
});

test.run();
