/**
 * A username/password pair as one ranking key. Both halves are attacker-chosen and may hold any
 * character (NUL included), so the key is the JSON array ["user","password"]: unambiguous, and
 * still a plain string for TopList keys.
 */
export function pairKey(username: string, password: string): string {
  return JSON.stringify([username, password]);
}

export function splitPair(key: string): [username: string, password: string] {
  try {
    const v = JSON.parse(key) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string") return [v[0], v[1]];
  } catch {
    // not a pair key
  }
  return [key, ""];
}
