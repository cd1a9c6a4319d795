//! End-to-end test of `tolkeregister serve`: both listeners start on the embedded default with
//! fixture data, answer their probes, and turn bad input into 4xx answers with a message.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the binary on free ports and returns it with the public and admin addresses it
/// printed.
fn start(dir: &std::path::Path) -> (Server, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tolkeregister"))
        .args(["serve", "--public-addr", "127.0.0.1:0", "--admin-addr", "127.0.0.1:0"])
        .env("DATABASE_URL", format!("sqlite:{}", dir.join("r.db").display()))
        .env("TOLKEREGISTER_INDEX_DIR", dir.join("index"))
        .env("RUST_LOG", "warn")
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("binary starts");
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut public = None;
    let mut admin = None;
    let mut printed = String::new();
    let mut lines = BufReader::new(stdout).lines();
    for line in lines.by_ref() {
        let line = line.expect("stdout");
        printed.push_str(&line);
        printed.push('\n');
        let addr = |l: &str| {
            l.split("http://")
                .nth(1)
                .map(|rest| rest.split('/').next().unwrap_or("").to_string())
        };
        if line.contains("Offentlig tjeneste") {
            public = addr(&line);
        }
        if line.contains("Saksbehandlertjeneste") {
            admin = addr(&line);
        }
        if public.is_some() && admin.is_some() {
            break;
        }
    }
    let (Some(p), Some(a)) = (public, admin) else {
        panic!("addresses not printed:\n{printed}")
    };
    (server, p, a)
}

/// A minimal HTTP/1.1 GET, so the test needs no client library: status and body.
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/json\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).expect("response");
    let status = raw.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = raw
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn serve_starts_both_listeners_and_rejects_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, public, admin) = start(dir.path());
    for addr in [&public, &admin] {
        assert_eq!(get(addr, "/healthz").0, 200, "{addr} /healthz");
        let (status, body) = get(addr, "/readyz");
        assert_eq!(status, 200, "{addr} /readyz: {body}");
    }
    let (status, body) = get(&public, "/api/v1/verify/10001");
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
        let (status, body) = get(&public, path);
        assert_eq!(status, expected, "{path}: {body}");
        assert!(body.contains(message), "{path}: {body}");
    }
    let (status, _) = get(&public, "/api/v1/verify/9999999");
    assert!(
        status == 200 || status == 404,
        "an unknown number is not an error of the service"
    );
}
