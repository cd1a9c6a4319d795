//! End-to-end test of `tolkeregister serve`: both listeners start on the embedded default with
//! fixture data, answer their probes, and turn bad input into 4xx answers with a message.

use crate::support;

/// Starts `serve` on free ports over a fresh embedded database in `dir`.
fn start(dir: &std::path::Path) -> (support::Server, String, String) {
    let env = [
        ("DATABASE_URL", format!("sqlite:{}", dir.join("r.db").display())),
        ("TOLKEREGISTER_INDEX_DIR", dir.join("index").display().to_string()),
    ];
    let args = ["serve", "--public-addr", "127.0.0.1:0", "--admin-addr", "127.0.0.1:0"];
    let (server, addrs) = support::start(dir, &args, &env, &["Offentlig tjeneste", "Saksbehandlertjeneste"]);
    (server, addrs[0].clone(), addrs[1].clone())
}

#[test]
fn serve_starts_both_listeners_and_rejects_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, public, admin) = start(dir.path());
    for addr in [&public, &admin] {
        assert_eq!(support::get(addr, "/healthz").0, 200, "{addr} /healthz");
        // The public service answers "starting" (503) until its index is built; that can take
        // a moment on a loaded machine, so ready is waited for rather than expected at once.
        let ready = support::within(std::time::Duration::from_secs(60), || {
            support::get(addr, "/readyz").0 == 200
        });
        assert!(ready.is_some(), "{addr} /readyz: {}", support::get(addr, "/readyz").1);
    }
    let (status, body) = support::get(&public, "/api/v1/verify/10001");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"listed\""), "{body}");
    assert!(!body.contains("national_id"));

    let bad: [(&str, u16, &str); 4] = [
        ("/api/v1/verify/12ab", 400, "tolkenummer"),
        ("/api/v1/verify/0001", 400, "tolkenummer"),
        ("/api/v1/languages/XQZ", 404, "XQZ"),
        ("/finnes-ikke", 404, ""),
    ];
    for (path, expected, message) in bad {
        let (status, body) = support::get(&public, path);
        assert_eq!(status, expected, "{path}: {body}");
        assert!(body.contains(message), "{path}: {body}");
    }
    let (status, _) = support::get(&public, "/api/v1/verify/9999999");
    assert!(
        status == 200 || status == 404,
        "an unknown number is not an error of the service"
    );
}
