//! Disclosure control for published tables, as a pure rule: counts below a threshold are hidden
//! (primary suppression), then more cells so that no hidden count can be worked out from the
//! totals (secondary suppression). No storage, no words: the services say what a hidden cell means.
//!
//! Languages can reveal ethnic origin, so a public language × county table must not single out
//! one or two interpreters. The rule, for any table whose dimensions may carry a `total`
//! category (the sum of the others):
//!
//! 1. **Primary:** every interior count `n` with `0 < n < threshold` is hidden. Zeros stay
//!    visible; margins (a language's national total, a county's total) are counts of one
//!    variable that other tables publish anyway, so they are hidden only by step 2.
//! 2. **Secondary:** every *line* (the cells along one dimension with the others fixed, plus
//!    its `total` cell) is an equation `sum of members = total`. A line with exactly one hidden
//!    cell would give it away, so another cell of the line is hidden: the smallest non-zero
//!    member, else the line's total. Zeros are never hidden: counts cannot be negative, so
//!    hidden cells that must add up to 0 would all be known. This repeats until no line has
//!    exactly one hidden cell; then the whole system of equations is checked (Gaussian
//!    elimination) and a hidden count still determined by a combination of lines gets a
//!    partner too.
//!
//! In a two-way table with margins that leaves, for every hidden count, another table of
//! non-negative counts that differs from it by ±1 in some hidden cells and agrees on every
//! published one (the tests search for it). The rule sees one table at a time: a figure
//! published unprotected in another table (say a language's national total) is not known here.
//!
//! Cells that are not counts ([`Value::Number`]) are never hidden, and lines containing one are
//! not equations (shares do not add up).

use super::table::{Suppression, Table, Value};
use super::tables::TOTAL;

/// The default threshold (issue 12): counts of 1 and 2 are hidden.
pub const DEFAULT_THRESHOLD: u64 = 3;

/// One equation of a table: the `members` add up to `total` (flat offsets).
#[derive(Debug, Clone)]
struct Line {
    members: Vec<usize>,
    total: usize,
}

impl Line {
    fn cells(&self) -> impl Iterator<Item = usize> + '_ {
        self.members.iter().copied().chain([self.total])
    }
}

/// Every line of `table` along every dimension that has a `total` category.
fn lines(table: &Table) -> Vec<Line> {
    let mut out = Vec::new();
    for (d, dimension) in table.dimensions.iter().enumerate() {
        let Some(total_at) = dimension.codes.iter().position(|c| c == TOTAL) else {
            continue;
        };
        for offset in 0..table.values.len() {
            let positions = table.positions(offset);
            if positions[d] != total_at {
                continue;
            }
            let members = (0..dimension.codes.len())
                .filter(|p| *p != total_at)
                .map(|p| {
                    let mut at = positions.clone();
                    at[d] = p;
                    table.offset(&at)
                })
                .collect();
            let line = Line { members, total: offset };
            if line.cells().all(|i| !matches!(table.values[i], Value::Number(_))) {
                out.push(line);
            }
        }
    }
    out
}

/// Whether the cell at `offset` lies on no dimension's `total` category.
fn is_interior(table: &Table, offset: usize) -> bool {
    table
        .positions(offset)
        .iter()
        .zip(&table.dimensions)
        .all(|(p, d)| d.codes[*p] != TOTAL)
}

fn is_hidden(v: Value) -> bool {
    matches!(v, Value::Suppressed(_) | Value::Missing)
}

/// The cell of `line` to hide next to a lone hidden one: the smallest non-zero visible member,
/// else the line's total; `None` if there is none.
///
/// Zeros are never hidden: counts cannot be negative, so hidden cells known to add up to 0
/// would all be known to be 0 (and whatever they were hidden with recovered). With every hidden
/// count at least 1, any other solution of the line equations that moves the hidden cells by
/// ±1 is a possible table too.
fn partner(values: &[Value], line: &Line) -> Option<usize> {
    let non_zero = |i: &usize| matches!(values[*i], Value::Count(n) if n > 0);
    line.members
        .iter()
        .copied()
        .filter(non_zero)
        .min_by_key(|i| (count(values, *i), *i))
        .or_else(|| Some(line.total).filter(non_zero))
}

/// Hidden counts that the published cells and the line equations determine exactly: those whose
/// unit vector lies in the row space of the equations restricted to the hidden cells.
fn determined(values: &[Value], lines: &[Line]) -> Vec<usize> {
    let unknowns: Vec<usize> = {
        let mut u: Vec<usize> = lines
            .iter()
            .flat_map(Line::cells)
            .filter(|i| is_hidden(values[*i]))
            .collect();
        u.sort_unstable();
        u.dedup();
        u
    };
    let column = |offset: usize| unknowns.binary_search(&offset).ok();
    let mut rows: Vec<Vec<f64>> = lines
        .iter()
        .filter_map(|line| {
            let mut row = vec![0.0; unknowns.len()];
            let mut any = false;
            for (i, sign) in line.members.iter().map(|i| (*i, 1.0)).chain([(line.total, -1.0)]) {
                if let Some(c) = column(i) {
                    row[c] += sign;
                    any = true;
                }
            }
            any.then_some(row)
        })
        .collect();
    // Reduced row echelon form; the coefficients are 0 and ±1 and stay small, so a tolerance
    // separates zero from non-zero safely.
    const EPS: f64 = 1e-9;
    let mut pivots = Vec::new();
    let mut r = 0;
    for c in 0..unknowns.len() {
        if r == rows.len() {
            break;
        }
        let Some(best) = (r..rows.len()).max_by(|a, b| rows[*a][c].abs().total_cmp(&rows[*b][c].abs())) else {
            break;
        };
        if rows[best][c].abs() < EPS {
            continue;
        }
        rows.swap(r, best);
        let p = rows[r][c];
        rows[r].iter_mut().for_each(|x| *x /= p);
        let pivot_row = rows[r].clone();
        for (k, row) in rows.iter_mut().enumerate() {
            if k != r && row[c].abs() > EPS {
                let f = row[c];
                row.iter_mut().zip(&pivot_row).for_each(|(x, y)| *x -= f * y);
            }
        }
        pivots.push((r, c));
        r += 1;
    }
    pivots
        .into_iter()
        .filter(|(r, c)| rows[*r].iter().enumerate().all(|(k, x)| k == *c || x.abs() < EPS))
        .map(|(_, c)| unknowns[c])
        .filter(|i| matches!(values[*i], Value::Suppressed(_)))
        .collect()
}

fn count(values: &[Value], i: usize) -> u64 {
    match values[i] {
        Value::Count(n) => n,
        _ => 0,
    }
}

/// A cell to hide when every line through the pinned cell is hidden or zero apart from it: the
/// smallest non-zero visible cell on any line with a hidden cell whose hiding frees `pinned`.
fn farther_partner(values: &[Value], lines: &[Line], pinned: usize) -> Option<usize> {
    let mut candidates: Vec<usize> = lines
        .iter()
        .filter(|l| l.cells().any(|i| is_hidden(values[i])))
        .flat_map(Line::cells)
        .filter(|i| matches!(values[*i], Value::Count(n) if n > 0))
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    candidates.sort_by_key(|i| (count(values, *i), *i));
    candidates.into_iter().find(|c| {
        let mut trial = values.to_vec();
        trial[*c] = Value::Suppressed(Suppression::Secondary);
        !determined(&trial, lines).contains(&pinned)
    })
}

/// Hides partners until no line has exactly one hidden cell that is suppressed.
fn pair_lone_cells(values: &mut [Value], lines: &[Line]) {
    loop {
        let mut changed = false;
        for line in lines {
            let hidden: Vec<usize> = line.cells().filter(|i| is_hidden(values[*i])).collect();
            if let [only] = hidden[..]
                && matches!(values[only], Value::Suppressed(_))
                && let Some(p) = partner(values, line)
            {
                values[p] = Value::Suppressed(Suppression::Secondary);
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}

/// The table as it may be published: counts `0 < n < threshold` off the margins hidden as
/// [`Suppression::Primary`], and as many more cells hidden as [`Suppression::Secondary`] as it
/// takes for no hidden count to be recoverable from the line totals (see the module comment).
/// Visible cells keep their values; a table without `total` categories gets primary
/// suppression only, since nothing adds up to anything there.
pub fn protect(table: &Table, threshold: u64) -> Table {
    let mut out = table.clone();
    for i in 0..out.values.len() {
        if let Value::Count(n) = out.values[i]
            && n > 0
            && n < threshold
            && is_interior(table, i)
        {
            out.values[i] = Value::Suppressed(Suppression::Primary);
        }
    }
    if !out.values.iter().any(|v| matches!(v, Value::Suppressed(_))) {
        return out;
    }
    let lines = lines(table);
    loop {
        pair_lone_cells(&mut out.values, &lines);
        // Every line has zero or several hidden cells; combinations of lines may still pin
        // a cell down. Give the first such cell the cheapest partner on any of its lines, or
        // farther away when its lines have nothing left to hide.
        let pinned = determined(&out.values, &lines);
        let Some(&first) = pinned.first() else { break };
        let next = pinned
            .iter()
            .find_map(|cell| {
                lines
                    .iter()
                    .filter(|l| l.cells().any(|i| i == *cell))
                    .filter_map(|l| partner(&out.values, l))
                    .min_by_key(|p| (!is_interior(table, *p), count(&out.values, *p), *p))
            })
            .or_else(|| farther_partner(&out.values, &lines, first));
        match next {
            Some(p) => out.values[p] = Value::Suppressed(Suppression::Secondary),
            // Nothing left whose hiding frees the pinned cell: every count near it is hidden.
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    use super::*;
    use crate::statistics::table::Dimension;

    const P: Value = Value::Suppressed(Suppression::Primary);
    const S: Value = Value::Suppressed(Suppression::Secondary);

    /// A rows × columns table from its interior counts, with both margins added.
    fn with_margins(interior: &[&[u64]]) -> Table {
        let rows = interior.len();
        let columns = interior.first().map_or(0, |r| r.len());
        let row_codes = (0..rows).map(|r| format!("r{r}")).chain([TOTAL.to_string()]);
        let column_codes = (0..columns).map(|c| format!("c{c}")).chain([TOTAL.to_string()]);
        let mut t = Table::new(
            "t",
            None,
            vec![Dimension::new("row", row_codes), Dimension::new("column", column_codes)],
        );
        let w = columns + 1;
        for r in 0..=rows {
            for c in 0..=columns {
                let n: u64 = match (r == rows, c == columns) {
                    (false, false) => interior[r][c],
                    (false, true) => interior[r].iter().sum(),
                    (true, false) => interior.iter().map(|row| row[c]).sum(),
                    (true, true) => interior.iter().flat_map(|row| row.iter()).sum(),
                };
                t.values[r * w + c] = Value::Count(n);
            }
        }
        t
    }

    fn grid(t: &Table) -> Vec<Vec<Value>> {
        let w = t.dimensions[1].codes.len();
        t.values.chunks(w).map(<[Value]>::to_vec).collect()
    }

    fn c(n: u64) -> Value {
        Value::Count(n)
    }

    /// A grid written row by row (`/` between rows): `P` primary, `S` secondary, else a count.
    fn spec(text: &str) -> Vec<Vec<Value>> {
        text.split('/')
            .map(|row| {
                row.split_whitespace()
                    .map(|cell| match cell {
                        "P" => P,
                        "S" => S,
                        n => c(n.parse().unwrap()),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn hidden_cells_in_small_tables() {
        let cases: &[(&str, &[&[u64]], u64, &str)] = &[
            (
                "no count below the threshold: published as it is",
                &[&[3, 0, 10], &[4, 5, 0]],
                3,
                "3 0 10 13 / 4 5 0 9 / 7 5 10 22",
            ),
            (
                "one small count hides a rectangle of four, the smallest partners",
                &[&[1, 10, 12], &[5, 20, 30], &[7, 8, 9]],
                3,
                "P S 12 23 / S S 30 55 / 7 8 9 24 / 13 38 51 102",
            ),
            (
                "a lone count in its row hides the row total, never the zeros beside it",
                &[&[2, 0, 0], &[5, 6, 7], &[8, 9, 10]],
                3,
                "P 0 0 S / S S 7 S / S S 10 27 / 15 15 17 47",
            ),
            (
                "a single row hides the column totals that repeat it",
                &[&[1, 5, 6]],
                3,
                "P S 6 12 / S S 6 12",
            ),
            (
                "small counts everywhere: the margins stay, no cell can be told",
                &[&[1, 1], &[1, 1]],
                3,
                "P P 2 / P P 2 / 2 2 4",
            ),
            (
                "a chain through rows and columns around zeros",
                &[&[0, 4, 9], &[2, 0, 0], &[6, 0, 12]],
                3,
                "0 4 S S / P 0 0 S / S 0 S 18 / 8 4 21 33",
            ),
            (
                "the threshold is a parameter: 1 hides nothing",
                &[&[1, 4], &[5, 6]],
                1,
                "1 4 5 / 5 6 11 / 6 10 16",
            ),
            (
                "the threshold is a parameter: 4 hides a 3",
                &[&[3, 4], &[5, 6]],
                4,
                "P S 7 / S S 11 / 8 10 18",
            ),
        ];
        for (why, interior, threshold, expected) in cases {
            let p = protect(&with_margins(interior), *threshold);
            assert_eq!(grid(&p), spec(expected), "{why}");
        }
    }

    #[test]
    fn shares_and_tables_without_totals_get_primary_suppression_only() {
        let mut t = Table::new(
            "persons",
            None,
            vec![
                Dimension::new("day", ["2023-12-31"]),
                Dimension::new("measure", ["unique_persons", "highly_qualified_share"]),
            ],
        );
        t.values = vec![c(2), Value::Number(0.5)];
        assert_eq!(protect(&t, 3).values, vec![P, Value::Number(0.5)]);
    }

    /// Whether some other table with the same published cells differs at `cell`: a change of
    /// ±1 in the hidden cells that keeps every line's sum and no count negative.
    fn has_alternative(t: &Table, lines: &[Line], hidden: &[usize], original: &[u64], cell: usize) -> bool {
        let k = hidden.iter().position(|h| *h == cell).unwrap();
        let n = hidden.len();
        let mut delta = vec![0i64; t.values.len()];
        // The cell itself moves by +1 or -1 (the lowest digit), every other hidden cell by -1, 0 or +1.
        (0..2 * 3usize.pow(n as u32 - 1)).any(|code| {
            let mut code = code;
            let own = if code % 2 == 0 { 1 } else { -1 };
            code /= 2;
            for (j, h) in hidden.iter().enumerate() {
                delta[*h] = if j == k {
                    own
                } else {
                    let d = (code % 3) as i64 - 1;
                    code /= 3;
                    d
                };
            }
            hidden.iter().all(|h| original[*h] as i64 + delta[*h] >= 0)
                && lines
                    .iter()
                    .all(|l| l.members.iter().map(|i| delta[*i]).sum::<i64>() == delta[l.total])
        })
    }

    #[test]
    fn no_hidden_count_can_be_recovered_in_random_tables() {
        let mut rng = ChaCha8Rng::seed_from_u64(12);
        let mut checked_exactly = 0;
        for round in 0..800 {
            let rows = rng.random_range(1..=6);
            let columns = rng.random_range(1..=6);
            let interior: Vec<Vec<u64>> = (0..rows)
                .map(|_| {
                    (0..columns)
                        .map(|_| match rng.random_range(0..10) {
                            0..=2 => 0,
                            3..=4 => 1,
                            5 => 2,
                            _ => rng.random_range(3..40),
                        })
                        .collect()
                })
                .collect();
            let slices: Vec<&[u64]> = interior.iter().map(Vec::as_slice).collect();
            let t = with_margins(&slices);
            let p = protect(&t, DEFAULT_THRESHOLD);
            let original: Vec<u64> = t.values.iter().map(|v| v.number().unwrap() as u64).collect();
            let lines = lines(&t);
            for (i, v) in p.values.iter().enumerate() {
                match v {
                    Value::Count(n) => assert_eq!(*n, original[i], "round {round}: a published count changed"),
                    Value::Suppressed(Suppression::Primary) => {
                        assert!(original[i] > 0 && original[i] < DEFAULT_THRESHOLD && is_interior(&t, i))
                    }
                    Value::Suppressed(Suppression::Secondary) => {
                        assert!(original[i] > 0, "round {round}: a zero is hidden")
                    }
                    other => panic!("round {round}: {other:?}"),
                }
                if is_interior(&t, i) && original[i] > 0 && original[i] < DEFAULT_THRESHOLD {
                    assert_eq!(*v, P, "round {round}: a small count is published");
                }
            }
            // No row or column equation has a hidden cell as its only unknown.
            for l in &lines {
                let hidden = l.cells().filter(|i| is_hidden(p.values[*i])).count();
                assert_ne!(hidden, 1, "round {round}: {interior:?} -> {:?}", grid(&p));
            }
            assert!(determined(&p.values, &lines).is_empty(), "round {round}");
            // And no combination of them: another table agrees on every published cell.
            let hidden: Vec<usize> = (0..p.values.len()).filter(|i| is_hidden(p.values[*i])).collect();
            if !hidden.is_empty() && hidden.len() <= 8 {
                checked_exactly += 1;
                for cell in &hidden {
                    assert!(
                        has_alternative(&t, &lines, &hidden, &original, *cell),
                        "round {round}: cell {cell} is recoverable in {interior:?} -> {:?}",
                        grid(&p)
                    );
                }
            }
        }
        assert!(checked_exactly > 100, "only {checked_exactly} tables checked exactly");
    }

    #[test]
    fn cells_pinned_by_a_combination_of_lines_get_a_partner_too() {
        // After pairing lone cells every row and column has 0 or 2+ hidden cells, yet rows 0
        // and 2 and columns 2 and 3 together give r0c0 away; the audit hides one more cell.
        let t = with_margins(&[&[1, 0, 19, 1], &[21, 10, 31, 37], &[0, 0, 1, 1]]);
        let lines = lines(&t);
        let mut paired = t.values.clone();
        for i in [0, 3, 12, 13] {
            paired[i] = P;
        }
        pair_lone_cells(&mut paired, &lines);
        assert_eq!(determined(&paired, &lines), vec![0]);
        let protected = protect(&t, DEFAULT_THRESHOLD);
        assert!(
            determined(&protected.values, &lines).is_empty(),
            "{:?}",
            grid(&protected)
        );
        let extra = protected.values.iter().filter(|v| is_hidden(**v)).count();
        assert!(extra > paired.iter().filter(|v| is_hidden(**v)).count());
    }

    /// A language × county table the size of the register's: 150 languages, 15 counties, most
    /// languages small and spread thin.
    #[test]
    fn a_register_sized_table_leaves_nothing_recoverable() {
        let mut rng = ChaCha8Rng::seed_from_u64(2023);
        let interior: Vec<Vec<u64>> = (0..150)
            .map(|language| {
                let size = if language < 15 { 40 } else { 4 };
                (0..15)
                    .map(|_| {
                        if rng.random_range(0..3) == 0 {
                            0
                        } else {
                            rng.random_range(0..size)
                        }
                    })
                    .collect()
            })
            .collect();
        let slices: Vec<&[u64]> = interior.iter().map(Vec::as_slice).collect();
        let t = with_margins(&slices);
        let p = protect(&t, DEFAULT_THRESHOLD);
        let lines = lines(&t);
        assert!(p.values.contains(&P));
        assert!(
            lines
                .iter()
                .all(|l| l.cells().filter(|i| is_hidden(p.values[*i])).count() != 1)
        );
        assert!(determined(&p.values, &lines).is_empty());
    }

    #[test]
    fn the_linear_audit_finds_cells_pinned_by_several_lines() {
        // Hidden: r0c0, r0c1, r1c0 — each line has two, yet r0c1 + r1c0 are not enough:
        // row 0 gives r0c0 + r0c1, column 0 gives r0c0 + r1c0, and row 1 gives r1c0 alone.
        let t = with_margins(&[&[1, 4], &[5, 6]]);
        let mut values = t.values.clone();
        for i in [0, 1, 3] {
            values[i] = P;
        }
        assert_eq!(determined(&values, &lines(&t)), vec![0, 1, 3]);
        values[4] = S;
        assert!(determined(&values, &lines(&t)).is_empty());
    }
}
