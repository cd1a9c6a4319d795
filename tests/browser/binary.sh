# Sourced by the browser runners: sets TOLKEREGISTER_BIN to the server binary. scripts/test hands
# over the binary its `cargo test` just built; a plain `cargo build` here would resolve features
# without the dev-dependencies and compile a second copy of the workspace (gigabytes on CI).
# Expects $root to be the repository root.
if [ -z "${TOLKEREGISTER_BIN:-}" ] || [ ! -x "$TOLKEREGISTER_BIN" ]; then
    cargo build --quiet --manifest-path "$root/Cargo.toml" --bin tolkeregister
    export TOLKEREGISTER_BIN="$root/target/debug/tolkeregister"
fi
