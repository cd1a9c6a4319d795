// Reads a JSON-stat file with the jsonstat-toolkit client and prints what a reader sees, as
// JSON: dimensions, every cell (value and status) and the cells asked for by code.
// Usage: node read.mjs dataset.json [queries.json]   (queries: [{"dimension id": "code", ...}])
import { readFileSync } from "node:fs";
import JSONstat from "jsonstat-toolkit";

const ds = JSONstat(JSON.parse(readFileSync(process.argv[2], "utf8")));
if (ds.class !== "dataset" || ds.error) {
  console.error(`not a JSON-stat dataset: ${ds.error ?? ds.class}`);
  process.exit(1);
}
const queries = process.argv[3] ? JSON.parse(readFileSync(process.argv[3], "utf8")) : [];
const dimensions = ds.id.map((id) => {
  const d = ds.Dimension(id);
  return {
    id,
    label: d.label,
    role: d.role ?? null,
    codes: d.id,
    labels: d.id.map((code) => d.Category(code).label),
  };
});
const cells = [];
for (let i = 0; i < ds.n; i++) {
  const cell = ds.Data(i);
  cells.push({ value: cell.value, status: cell.status ?? null });
}
const lookups = queries.map((q) => {
  const cell = ds.Data(q);
  return cell === null ? null : { value: cell.value, status: cell.status ?? null };
});
console.log(
  JSON.stringify({
    label: ds.label,
    updated: ds.updated,
    note: ds.note ?? null,
    size: ds.size,
    dimensions,
    cells,
    lookups,
  }),
);
