//! Sortable, paginated tables for the staff lists, without JavaScript: a column heading is a
//! link that sorts by it (again: the other way), and pages are links. Each table keeps its state
//! under its own keys in the query string (`my-tips.sort=due&my-tips.page=2`), so the work list
//! can hold several tables that sort and page independently; every link keeps the others' state.
//! Nonsense in the query (an unknown column, page 0 or 999) falls back to the default or the
//! nearest page instead of failing: these are bookmarks and shared links, not user input to reject.

use std::cmp::Ordering;

use maud::{Markup, html};

/// The query string of a page, as pairs in their order.
#[derive(Debug, Clone, Default)]
pub struct PageQuery(Vec<(String, String)>);

impl PageQuery {
    /// Reads a raw query string; malformed parts are dropped.
    pub fn parse(raw: Option<&str>) -> PageQuery {
        PageQuery(serde_urlencoded::from_str(raw.unwrap_or("")).unwrap_or_default())
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// `?…` with `changes` set (an empty value removes the key), everything else kept.
    fn with(&self, changes: &[(String, String)]) -> String {
        let mut pairs: Vec<(String, String)> = self
            .0
            .iter()
            .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
            .cloned()
            .collect();
        pairs.extend(changes.iter().filter(|(_, v)| !v.is_empty()).cloned());
        format!("?{}", serde_urlencoded::to_string(&pairs).unwrap_or_default())
    }
}

/// How two rows compare for a sortable column.
type Order<'a, T> = Box<dyn Fn(&T, &T) -> Ordering + 'a>;
/// What a row shows as its `data-case`.
type RowCase<'a, T> = Box<dyn Fn(&T) -> String + 'a>;

/// Hidden fields for a filter form above table `id`, so sending the filter keeps the table's
/// sort order (and starts again at its first page).
pub fn kept_order(query: &PageQuery, id: &str) -> Markup {
    let keys = [format!("{id}.sort"), format!("{id}.order")];
    html! {
        @for key in &keys {
            @if let Some(value) = query.get(key) {
                input type="hidden" name=(key) value=(value);
            }
        }
    }
}

/// One column: its heading, its cell and, for a sortable column, how two rows compare.
pub struct Column<'a, T> {
    key: &'static str,
    title: &'static str,
    cell: Box<dyn Fn(&T) -> Markup + 'a>,
    order: Option<Order<'a, T>>,
}

impl<'a, T> Column<'a, T> {
    /// A column that is shown but not sorted by.
    pub fn plain(title: &'static str, cell: impl Fn(&T) -> Markup + 'a) -> Self {
        Column {
            key: "",
            title,
            cell: Box::new(cell),
            order: None,
        }
    }

    /// A column sorted by `by` (ascending means smallest first), named `key` in the query.
    pub fn sorted<K: Ord>(
        key: &'static str,
        title: &'static str,
        cell: impl Fn(&T) -> Markup + 'a,
        by: impl Fn(&T) -> K + 'a,
    ) -> Self {
        Column {
            key,
            title,
            cell: Box::new(cell),
            order: Some(Box::new(move |a, b| by(a).cmp(&by(b)))),
        }
    }
}

/// A table of `T` rows, sorted and cut into pages by what its query keys say.
pub struct Table<'a, T> {
    /// The table's `id`, the prefix of its query keys and the fragment its links return to.
    pub id: &'static str,
    /// What a row is, singular and plural ("varselsak", "varselsaker"), for the caption and
    /// the page navigation.
    pub noun: (&'static str, &'static str),
    pub columns: Vec<Column<'a, T>>,
    /// The column sorted by when the query names none, and whether descending; `""` keeps the
    /// order the rows come in, which `default_order` then describes ("Åpne saker står først").
    pub default_sort: (&'static str, bool),
    pub default_order: &'static str,
    pub page_size: usize,
    /// The case each row is about, as the row's `data-case` (read by tests and scripts).
    pub row_case: Option<RowCase<'a, T>>,
}

/// The state one table reads from the query.
#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    sort: &'static str,
    descending: bool,
    page: usize,
}

impl<T> Table<'_, T> {
    fn key(&self, name: &str) -> String {
        format!("{}.{name}", self.id)
    }

    fn state(&self, query: &PageQuery, rows: usize) -> State {
        let named = query.get(&self.key("sort"));
        let column = self.columns.iter().find(|c| c.order.is_some() && Some(c.key) == named);
        let (sort, descending) = match column {
            Some(c) => (c.key, query.get(&self.key("order")) == Some("desc")),
            None => self.default_sort,
        };
        let pages = rows.div_ceil(self.page_size).max(1);
        let page = query
            .get(&self.key("page"))
            .and_then(|p| p.parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, pages);
        State { sort, descending, page }
    }

    fn link(&self, query: &PageQuery, changes: &[(&str, String)]) -> String {
        let changes: Vec<(String, String)> = changes.iter().map(|(k, v)| (self.key(k), v.clone())).collect();
        format!("{}#{}", query.with(&changes), self.id)
    }

    /// The rows of the asked-for page, in the asked-for order.
    fn page<'r>(&self, state: &State, rows: &'r [T]) -> Vec<&'r T> {
        let mut sorted: Vec<&T> = rows.iter().collect();
        if let Some(order) = self
            .columns
            .iter()
            .find(|c| c.key == state.sort)
            .and_then(|c| c.order.as_ref())
        {
            // Stable: rows that compare equal keep the order they came in.
            sorted.sort_by(|a, b| {
                let o = order(a, b);
                if state.descending { o.reverse() } else { o }
            });
        }
        sorted
            .into_iter()
            .skip((state.page - 1) * self.page_size)
            .take(self.page_size)
            .collect()
    }

    /// The table for `rows`, with sortable headings and, when there is more than one page,
    /// links to the others.
    pub fn render(&self, query: &PageQuery, rows: &[T]) -> Markup {
        let state = self.state(query, rows.len());
        let shown = self.page(&state, rows);
        let first = (state.page - 1) * self.page_size + 1;
        let pages = rows.len().div_ceil(self.page_size).max(1);
        html! {
            table id=(self.id) {
                caption class="hint" {
                    @if pages > 1 {
                        "Viser " (first) "–" (first + shown.len() - 1) " av " (rows.len()) " " (self.noun.1) "."
                    } @else {
                        (crate::labels::count(rows.len(), self.noun.0, self.noun.1)) "."
                    }
                    " " (self.sorted_by(&state))
                }
                thead { tr { @for c in &self.columns { (self.heading(query, &state, c)) } } }
                tbody {
                    @for row in shown {
                        tr data-case=[self.row_case.as_ref().map(|case| case(row))] {
                            @for c in &self.columns { td { ((c.cell)(row)) } }
                        }
                    }
                }
            }
            @if pages > 1 { (self.pager(query, &state, pages)) }
        }
    }

    fn sorted_by(&self, state: &State) -> String {
        match self.columns.iter().find(|c| c.order.is_some() && c.key == state.sort) {
            Some(c) => format!(
                "Sortert etter {}, {}.",
                c.title.to_lowercase(),
                if state.descending { "synkende" } else { "stigende" }
            ),
            None => self.default_order.to_string(),
        }
    }

    fn heading(&self, query: &PageQuery, state: &State, c: &Column<T>) -> Markup {
        if c.order.is_none() {
            return html! { th scope="col" { (c.title) } };
        }
        let active = c.key == state.sort;
        let next_desc = active && !state.descending;
        let href = self.link(
            query,
            &[
                ("sort", c.key.to_string()),
                ("order", if next_desc { "desc" } else { "asc" }.to_string()),
                ("page", String::new()),
            ],
        );
        let aria_sort = active.then_some(if state.descending { "descending" } else { "ascending" });
        html! {
            th scope="col" aria-sort=[aria_sort] {
                a class="sort" href=(href) {
                    (c.title)
                    @if active { span aria-hidden="true" { @if state.descending { " ▼" } @else { " ▲" } } }
                    span class="visually-hidden" {
                        @if next_desc { ", sorter synkende" } @else { ", sorter stigende" }
                    }
                }
            }
        }
    }

    fn pager(&self, query: &PageQuery, state: &State, pages: usize) -> Markup {
        let to = |page: usize| self.link(query, &[("page", page.to_string())]);
        html! {
            nav class="pager" aria-label={ "Sider av " (self.noun.1) } {
                @if state.page > 1 { a href=(to(state.page - 1)) rel="prev" { "Forrige side" } }
                span { "Side " (state.page) " av " (pages) }
                @if state.page < pages { a href=(to(state.page + 1)) rel="next" { "Neste side" } }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table<'a>() -> Table<'a, (u32, &'static str)> {
        Table {
            id: "t",
            noun: ("sak", "saker"),
            columns: vec![
                Column::sorted("n", "Nummer", |r: &(u32, &str)| html! { (r.0) }, |r| r.0),
                Column::sorted("name", "Navn", |r: &(u32, &str)| html! { (r.1) }, |r| r.1),
                Column::plain("Merknad", |_: &(u32, &str)| html! { "–" }),
            ],
            default_sort: ("n", false),
            default_order: "",
            page_size: 2,
            row_case: Some(Box::new(|r: &(u32, &str)| r.0.to_string())),
        }
    }

    const ROWS: [(u32, &str); 5] = [(3, "c"), (1, "e"), (5, "a"), (2, "d"), (4, "b")];

    fn shown(raw: &str) -> Vec<u32> {
        let t = table();
        let q = PageQuery::parse(Some(raw));
        let state = t.state(&q, ROWS.len());
        t.page(&state, &ROWS).into_iter().map(|r| r.0).collect()
    }

    #[test]
    fn rows_sort_by_the_named_column_either_way_and_page_in_that_order() {
        assert_eq!(shown(""), vec![1, 2]);
        assert_eq!(shown("t.page=2"), vec![3, 4]);
        assert_eq!(shown("t.page=3"), vec![5]);
        assert_eq!(shown("t.sort=name"), vec![5, 4]);
        assert_eq!(shown("t.sort=name&t.order=desc"), vec![1, 2]);
        assert_eq!(shown("t.sort=n&t.order=desc&t.page=3"), vec![1]);
    }

    #[test]
    fn nonsense_in_the_query_falls_back_instead_of_failing() {
        assert_eq!(
            shown("t.sort=Merknad"),
            vec![1, 2],
            "an unsortable column sorts by the default"
        );
        assert_eq!(shown("t.sort=nope&t.page=x"), vec![1, 2]);
        assert_eq!(shown("t.page=0"), vec![1, 2]);
        assert_eq!(shown("t.page=99"), vec![5], "past the end shows the last page");
        assert_eq!(
            shown("other.sort=name&other.page=3"),
            vec![1, 2],
            "another table's keys"
        );
    }

    #[test]
    fn heading_links_turn_the_order_and_keep_other_tables_state() {
        let html = table()
            .render(&PageQuery::parse(Some("other.page=2&t.page=2")), &ROWS)
            .into_string();
        // The active column links to the other direction, back to page 1, keeping other.page.
        assert!(
            html.contains(r##"href="?other.page=2&amp;t.sort=n&amp;t.order=desc#t""##),
            "{html}"
        );
        assert!(
            html.contains(r##"href="?other.page=2&amp;t.sort=name&amp;t.order=asc#t""##),
            "{html}"
        );
        assert!(html.contains(r#"aria-sort="ascending""#));
        assert!(html.contains("Viser 3–4 av 5 saker."), "{html}");
        assert!(html.contains(r#"data-case="3""#));
        assert!(
            html.contains(r##"href="?other.page=2&amp;t.page=1#t" rel="prev""##),
            "{html}"
        );
        assert!(
            html.contains(r##"href="?other.page=2&amp;t.page=3#t" rel="next""##),
            "{html}"
        );
    }

    #[test]
    fn one_row_is_counted_in_the_singular() {
        let html = table().render(&PageQuery::default(), &ROWS[..1]).into_string();
        assert!(html.contains("1 sak. Sortert etter nummer, stigende."), "{html}");
    }

    #[test]
    fn a_filter_form_keeps_the_sort_order_but_not_the_page() {
        let q = PageQuery::parse(Some("t.sort=name&t.order=desc&t.page=3&other.sort=n"));
        let html = kept_order(&q, "t").into_string();
        assert!(html.contains(r#"name="t.sort" value="name""#), "{html}");
        assert!(html.contains(r#"name="t.order" value="desc""#), "{html}");
        assert!(!html.contains("t.page") && !html.contains("other."), "{html}");
    }

    #[test]
    fn one_page_has_no_page_navigation() {
        let rows = &ROWS[..2];
        let html = table().render(&PageQuery::default(), rows).into_string();
        assert!(!html.contains("Neste side"));
        assert!(html.contains("2 saker. Sortert etter nummer, stigende."), "{html}");
    }
}
