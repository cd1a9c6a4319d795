# Sourced by the browser runners: runs a node test script in a process group of its own and ends
# the whole group (the script and any server it started) however the script ends — a failed
# browser launch or an exception must never leave a server holding the test command's pipe open.
# Usage: run_guarded node script.mjs [args…]; returns the script's exit status.
run_guarded() {
    setsid "$@" &
    local leader=$!
    trap "kill -TERM -- -$leader 2>/dev/null; exit 130" INT TERM
    local status=0
    wait "$leader" || status=$?
    kill -TERM -- "-$leader" 2>/dev/null || true
    trap - INT TERM
    return "$status"
}
