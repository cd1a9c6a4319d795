# Sourced by scripts/test and by each browser runner: makes sure headless Chromium is there, or
# stops at once with one line saying what to install. Where the machine allows it (root with
# apt-get, as on CI), installs Debian's package itself; the install is bounded in time so the
# test command can never hang on it.
browser_bin="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$browser_bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Chromium is missing: installing Debian's chromium package (at most 10 minutes)…"
    timeout 600 bash -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium' \
        >/dev/null 2>&1 || true
fi
if [ ! -x "$browser_bin" ]; then
    echo "Browser tests need Chromium: install it with 'apt-get install chromium' (or set CHROMIUM=/path/to/chromium)." >&2
    return 2 2>/dev/null || exit 2
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "Browser tests need Node.js and npm: install them with 'apt-get install nodejs npm'." >&2
    return 2 2>/dev/null || exit 2
fi
export CHROMIUM="$browser_bin"
