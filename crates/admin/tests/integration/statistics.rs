//! The statistician's workspace on the fixture register: the annual report's figures for a
//! chosen day, unsuppressed cells, the series and the flows; bad days get a clear 400 and staff
//! without the statistics role a 403.

use crate::admin_story;
use crate::common::TestApp;
use admin::auth::Role;
use axum::http::StatusCode;
use register::generator::{self, Options};

/// The cells of the table row headed `heading` in the table with `id`.
fn row(body: &str, id: &str, heading: &str) -> Vec<String> {
    let table = body
        .split(&format!("<table id=\"{id}\""))
        .nth(1)
        .and_then(|t| t.split("</table>").next())
        .unwrap_or_else(|| panic!("no table {id}"));
    let start = format!("<th scope=\"row\">{heading}</th>");
    let cells = table
        .split(&start)
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .unwrap_or_else(|| panic!("no row {heading} in {id}"));
    cells
        .split("<td>")
        .skip(1)
        .map(|c| c.trim_end_matches("</td>").to_string())
        .collect()
}

async fn statistician_sees_any_day(app: TestApp) {
    let generated = generator::generate(app.state.store.catalogue(), Options::default());
    generator::load(&app.state.store, generated.changes, 5_000)
        .await
        .unwrap();
    let ingrid = app.session_for(Role::Statistician);

    let page = app.get("/statistikk?dag=2023-12-31", Some(&ingrid)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let body = &page.body;
    // IMDi's table 3-4-1 for 2023, the sign-language interpreters, the persons.
    assert_eq!(
        row(body, "categories", "talespråktolk")[..6],
        ["92", "483", "43", "997", "1167", "2782"]
    );
    assert_eq!(row(body, "categories", "tegnspråktolk")[5], "268");
    assert!(body.contains("<dt>Unike personer</dt><dd>2338</dd>"), "{body}");
    assert!(body.contains("<dt>Personer med to eller flere språk</dt><dd>599</dd>"));
    assert!(body.contains("Oppføringer per 31. desember 2023"));
    assert!(
        body.contains("name=\"dag\" value=\"2023-12-31\""),
        "the chooser keeps the day"
    );
    assert_eq!(row(body, "language-category", "ukrainsk (UKR)").last().unwrap(), "134");
    // Unsuppressed: cells of one or two in language × county are shown as numbers.
    let county_table = body.split("<table id=\"language-county\"").nth(1).unwrap();
    assert!(county_table.contains("<td>1</td>"), "small cells shown");
    assert!(body.contains("Tallene er ikke skjermet"));
    // The series and the flows (years 2020 onwards, so 2023 is the fourth column).
    assert_eq!(row(body, "series", "31. desember 2022")[5], "2245");
    assert_eq!(row(body, "flows", "Nye statsautorisasjoner (bevillinger)")[3], "18");
    assert_eq!(row(body, "flows", "Språk med nye statsautorisasjoner")[3], "6");
    assert_eq!(
        row(body, "flows", "Nye i kategori E ved tospråktest og TAO (oppføringer)")[3],
        "185"
    );
    // The workspace's menu, with the tip figures.
    assert!(body.contains("href=\"/statistikk/varsler\""));

    let earlier = app.get("/statistikk?dag=2020-12-31", Some(&ingrid)).await;
    assert_eq!(
        row(&earlier.body, "categories", "talespråktolk")[..6],
        ["18", "217", "43", "745", "630", "1653"]
    );
    let norwegian = app.get("/statistikk?dag=31.12.2021", Some(&ingrid)).await;
    assert_eq!(row(&norwegian.body, "categories", "talespråktolk")[5], "1948");
    let today = app.get("/statistikk", Some(&ingrid)).await;
    assert_eq!(today.status, StatusCode::OK);

    let tomorrow = register::Timestamp::now().date().next_day().unwrap();
    let bad = [
        ("2023-02-30", "30. februar 2023 finnes ikke"),
        ("i fjor", "skriv en gyldig dato"),
        ("2019-12-31", "Statistikken begynner 1. januar 2020"),
        (&tomorrow.to_string(), "Dagen ligger fram i tid"),
    ];
    for (day, message) in bad {
        let reply = app
            .get(&format!("/statistikk?dag={}", day.replace(' ', "+")), Some(&ingrid))
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{day}");
        assert!(reply.body.contains(message), "{day}: {}", reply.body);
    }

    let kari = app.session_for(Role::Caseworker);
    let refused = app.get("/statistikk?dag=2023-12-31", Some(&kari)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(!refused.body.contains("2782"));
}
admin_story!(statistician_sees_any_day_on, super::statistician_sees_any_day);
