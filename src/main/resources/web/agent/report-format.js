// Pure formatting for the reports page (unit-tested in the browser: src/test/resources/web-tests/report-format-test.html).

/** "12 秒", "3 分 5 秒", "1 小时 2 分"; "—" for null. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return "—";
  const s = Math.round(seconds);
  if (s < 60) return `${s} 秒`;
  if (s < 3600) return `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
  return `${Math.floor(s / 3600)} 小时 ${Math.floor((s % 3600) / 60)} 分`;
}

/** "87.5%"; "—" for null. */
export function percent(rate) {
  if (rate === null || rate === undefined) return "—";
  return `${Math.round(rate * 1000) / 10}%`;
}

/** Rows with {label, value, text, max?} get their bar's fraction: of max when given, else of the largest value. */
export function barRows(rows) {
  const largest = Math.max(0, ...rows.map((r) => r.value));
  return rows.map((r) => ({ ...r, fraction: (r.max || largest) > 0 ? r.value / (r.max || largest) : 0 }));
}
