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
//!    member, else a zero member, else the line's total. This repeats until no line has exactly
//!    one hidden cell; then the whole system of equations is checked (Gaussian elimination) and
//!    a hidden count that is still determined by a combination of lines gets a partner too.
//!
//! Cells that are not counts ([`Value::Number`]) are never hidden, and lines containing one are
//! not equations (shares do not add up).

use super::table::{Suppression, Table, Value};
use super::tables::TOTAL;

/// The threshold IMDi publishes with: counts of 1 and 2 are hidden.
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
/// else a zero member, else the line's total; `None` if every cell is hidden already.
fn partner(values: &[Value], line: &Line) -> Option<usize> {
    let visible = |i: &usize| matches!(values[*i], Value::Count(_));
    let count = |i: usize| match values[i] {
        Value::Count(n) => n,
        _ => 0,
    };
    let non_zero = line
        .members
        .iter()
        .copied()
        .filter(|i| visible(i) && count(*i) > 0)
        .min_by_key(|i| (count(*i), *i));
    let zero = || line.members.iter().copied().find(|i| visible(i));
    let total = || Some(line.total).filter(visible);
    non_zero.or_else(zero).or_else(total)
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
        let mut changed = false;
        for line in &lines {
            let hidden: Vec<usize> = line.cells().filter(|i| is_hidden(out.values[*i])).collect();
            if let [only] = hidden[..]
                && matches!(out.values[only], Value::Suppressed(_))
                && let Some(p) = partner(&out.values, line)
            {
                out.values[p] = Value::Suppressed(Suppression::Secondary);
                changed = true;
            }
        }
        if changed {
            continue;
        }
        // Every line has zero or several hidden cells; combinations of lines may still pin
        // a cell down. Give the first such cell the cheapest partner on any of its lines.
        let pinned = determined(&out.values, &lines);
        let next = pinned.iter().find_map(|cell| {
            lines
                .iter()
                .filter(|l| l.cells().any(|i| i == *cell))
                .filter_map(|l| partner(&out.values, l))
                .min_by_key(|p| {
                    (
                        !is_interior(table, *p),
                        out.values[*p].number().unwrap_or(0.0) as u64,
                        *p,
                    )
                })
        });
        match next {
            Some(p) => out.values[p] = Value::Suppressed(Suppression::Secondary),
            // Nothing left to hide next to the pinned cells: every line through them is hidden.
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

    #[test]
    fn a_table_without_small_counts_is_published_as_it_is() {
        let t = with_margins(&[&[3, 0, 10], &[4, 5, 0]]);
        assert_eq!(protect(&t, DEFAULT_THRESHOLD), t);
    }

    #[test]
    fn one_small_count_hides_a_rectangle_of_four() {
        let t = with_margins(&[&[1, 10, 12], &[5, 20, 30], &[7, 8, 9]]);
        let p = protect(&t, DEFAULT_THRESHOLD);
        assert_eq!(
            grid(&p),
            vec![
                vec![P, S, c(12), c(23)],
                vec![S, S, c(30), c(55)],
                vec![c(7), c(8), c(9), c(24)],
                vec![c(13), c(38), c(51), c(102)],
            ]
        );
    }

    #[test]
    fn a_lone_count_in_its_row_takes_a_zero_with_it() {
        // r0 has one interpreter in c0 and no one elsewhere: hiding 1 alone would leave it
        // equal to the row total, so a zero of the row is hidden too.
        let t = with_margins(&[&[2, 0, 0], &[5, 6, 7], &[8, 9, 10]]);
        let p = protect(&t, DEFAULT_THRESHOLD);
        let g = grid(&p);
        assert_eq!(g[0][0], P);
        assert_eq!(g[0][1], S, "{g:?}");
        assert_eq!(g[0][3], c(2), "the language's total stays published");
    }

    #[test]
    fn a_single_row_hides_the_column_totals_it_equals() {
        let t = with_margins(&[&[1, 5, 6]]);
        let g = grid(&protect(&t, DEFAULT_THRESHOLD));
        assert_eq!(g[0][..2], [P, S]);
        assert_eq!(g[1][..2], [S, S], "the totals row repeats the only row");
        assert_eq!((g[0][3], g[1][3]), (c(12), c(12)));
    }

    #[test]
    fn the_threshold_is_a_parameter() {
        let t = with_margins(&[&[3, 4], &[5, 6]]);
        assert_eq!(protect(&t, 3), t);
        assert_eq!(protect(&t, 1), t);
        let g = grid(&protect(&t, 4));
        assert_eq!(g[0][..2], [P, S]);
        assert_eq!(g[1][..2], [S, S]);
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
        for round in 0..400 {
            let rows = rng.random_range(1..=4);
            let columns = rng.random_range(1..=4);
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
                    Value::Suppressed(Suppression::Secondary) => {}
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
