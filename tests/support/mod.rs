//! Running the real `tolkeregister` binary in end-to-end tests: start it on free ports, read the
//! addresses it prints, and talk plain HTTP/1.1 to it without a client library.

#![allow(dead_code)] // each test file uses a different part

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub mod own_postgres;

/// A running service, stopped when dropped.
pub struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the binary with `args` and `env` in `dir` and waits until it has printed an address
/// for each of `labels` (e.g. "Offentlig tjeneste"); returns the addresses in that order.
pub fn start(dir: &std::path::Path, args: &[&str], env: &[(&str, String)], labels: &[&str]) -> (Server, Vec<String>) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tolkeregister"));
    command
        .args(args)
        .env("RUST_LOG", "warn")
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().expect("binary starts");
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut found: Vec<Option<String>> = vec![None; labels.len()];
    let mut printed = String::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("stdout");
        printed.push_str(&line);
        printed.push('\n');
        for (label, slot) in labels.iter().zip(found.iter_mut()) {
            if line.contains(label) {
                *slot = line
                    .split("http://")
                    .nth(1)
                    .map(|rest| rest.split('/').next().unwrap_or("").to_string());
            }
        }
        if found.iter().all(Option::is_some) {
            break;
        }
    }
    let addrs: Option<Vec<String>> = found.into_iter().collect();
    let Some(addrs) = addrs else {
        panic!("addresses not printed:\n{printed}")
    };
    (server, addrs)
}

/// A minimal HTTP/1.1 GET asking for JSON: status and body.
pub fn get(addr: &str, path: &str) -> (u16, String) {
    get_with(addr, path, &[])
}

/// A GET with extra header lines (e.g. `("Cookie", "…")`): status and body.
pub fn get_with(addr: &str, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let extra: String = headers.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/json\r\n{extra}Connection: close\r\n\r\n"
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

/// Asks `check` every 50 ms until it holds, for at most `limit`; how long it took, or `None`.
pub fn within(limit: Duration, mut check: impl FnMut() -> bool) -> Option<Duration> {
    let start = std::time::Instant::now();
    while start.elapsed() < limit {
        if check() {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

/// A minimal HTTP/1.1 request with extra header lines (`Name: value`) and a form body when
/// `form` is given: status, the header block as text, and the body.
pub fn request(addr: &str, method: &str, path: &str, headers: &[String], form: Option<&str>) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for h in headers {
        head.push_str(h);
        head.push_str("\r\n");
    }
    if let Some(body) = form {
        head.push_str(&format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    head.push_str("\r\n");
    head.push_str(form.unwrap_or(""));
    s.write_all(head.as_bytes()).unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).expect("response");
    let status = raw.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let (headers, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    (status, headers.to_string(), body.to_string())
}

/// The value of header `name` in a header block from [`request`].
pub fn header<'a>(headers: &'a str, name: &str) -> Option<&'a str> {
    headers.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}
