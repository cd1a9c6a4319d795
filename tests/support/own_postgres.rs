//! A PostgreSQL server of a test's own, in a temporary directory on a free port, that the test
//! may stop and start again (the shared server at 5432 must never be stopped). Made with
//! `initdb` and `pg_ctl` from /usr/lib/postgresql/*/bin; as root they run as the `postgres`
//! user, since initdb refuses root.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A running server, stopped (immediately) and removed when dropped.
pub struct OwnPostgres {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    /// The user the server runs as, when the test runs as root.
    run_as: Option<String>,
}

fn required() -> bool {
    std::env::var("TOLKEREGISTER_REQUIRE_POSTGRES").is_ok_and(|v| v == "1")
}

/// Skips (with a message) or, when PostgreSQL is required, fails.
fn unavailable(why: String) -> Option<OwnPostgres> {
    if required() {
        panic!("PostgreSQL is required (TOLKEREGISTER_REQUIRE_POSTGRES=1) but a test server cannot run: {why}");
    }
    eprintln!("skipping test with its own PostgreSQL server: {why}");
    None
}

/// The newest installed server binaries.
fn bin_dir() -> Option<PathBuf> {
    let mut dirs: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| {
            let e = e.ok()?;
            let version: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    dirs.sort();
    dirs.pop().map(|(_, b)| b)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn uid_gid(user: &str) -> Option<(u32, u32)> {
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        (fields.first() == Some(&user)).then(|| Some((fields.get(2)?.parse().ok()?, fields.get(3)?.parse().ok()?)))?
    })
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl OwnPostgres {
    /// Creates and starts a server, or `None` (skip) when none can run here.
    pub fn start() -> Option<OwnPostgres> {
        let Some(bin) = bin_dir() else {
            return unavailable("no initdb under /usr/lib/postgresql/*/bin".into());
        };
        let dir = tempfile::tempdir().expect("temp dir");
        let run_as = if is_root() {
            let user = "postgres";
            let Some((uid, gid)) = uid_gid(user) else {
                return unavailable("running as root and there is no postgres user to run initdb as".into());
            };
            std::os::unix::fs::chown(dir.path(), Some(uid), Some(gid)).expect("hand the temp dir to postgres");
            Some(user.to_string())
        } else {
            None
        };
        let server = OwnPostgres {
            dir,
            bin,
            port: free_port(),
            run_as,
        };
        let data = server.data();
        let init = server.run(
            "initdb",
            &["-D", &data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"],
        );
        if let Err(e) = init {
            return unavailable(format!("initdb failed: {e}"));
        }
        if let Err(e) = server.start_again() {
            return unavailable(format!("pg_ctl start failed: {e}"));
        }
        Some(server)
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs one of the server's programs (as the server's user), returning its output on failure.
    fn run(&self, program: &str, args: &[&str]) -> Result<(), String> {
        let exe = self.bin.join(program);
        let mut command = match &self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(&exe);
                c
            }
            None => Command::new(&exe),
        };
        let out = command
            .args(args)
            .current_dir(self.path())
            .output()
            .map_err(|e| format!("{}: {e}", exe.display()))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "{program} exited with {}: {}{}",
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    }

    /// The URL of database `name` on this server.
    pub fn url(&self, name: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    /// Starts the (stopped) server and waits until it accepts connections.
    pub fn start_again(&self) -> Result<(), String> {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
            self.port,
            self.path().display()
        );
        let log = self.path().join("server.log").display().to_string();
        self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data(),
                "-o",
                &options,
                "-l",
                &log,
                "-w",
                "-t",
                "30",
                "start",
            ],
        )
    }

    /// Stops the server as an operator would for maintenance (`-m fast`: sessions are ended).
    pub fn stop(&self) {
        self.run("pg_ctl", &["-D", &self.data(), "-m", "fast", "-w", "stop"])
            .expect("pg_ctl stop");
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        let _ = self.run("pg_ctl", &["-D", &self.data(), "-m", "immediate", "-w", "stop"]);
    }
}
