#!/bin/sh
# The web image's start: writes what depends on the environment into WEB_RUNTIME_DIR (a writable
# /tmp under a read-only root filesystem), then runs the command (nginx with ops/nginx/web.conf).
#   config.json  what the browser reads at /config.json: where to report errors, or nothing
#   sentry.conf  $sentry_connect_src, the DSN's origin that web.conf adds to the CSP's connect-src
# The same variables and checks as the services' configuration (SENTRY_DSN, SENTRY_ENVIRONMENT,
# SENTRY_RELEASE); a bad value stops the container with exit code 78, as the services do.
set -eu

dir="${WEB_RUNTIME_DIR:-/tmp/runtime}"
release_file="${WEB_RELEASE_FILE:-/etc/nginx/auction/release}"
mkdir -p "$dir"

refuse() {
  echo "web: $1" >&2
  exit 78
}

matches() {
  printf '%s' "$1" | grep -Eqx "$2"
}

dsn="${SENTRY_DSN:-}"
if [ -z "$dsn" ]; then
  config='{"sentry":null}'
  connect_src=''
else
  # Only characters that need no quoting in JSON or in nginx's configuration get through.
  matches "$dsn" 'https?://([A-Za-z0-9._~%+-]+@)?[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%+-]*)*' ||
    refuse 'SENTRY_DSN: not a DSN (https://<key>@<host>/<project>)'
  environment="${SENTRY_ENVIRONMENT:-production}"
  matches "$environment" '[A-Za-z0-9._-]{1,64}' || refuse 'SENTRY_ENVIRONMENT: letters, digits, dot, dash or underscore (at most 64)'
  release="${SENTRY_RELEASE:-$(cat "$release_file" 2>/dev/null || echo auction-platform)}"
  matches "$release" '[A-Za-z0-9@._+-]{1,200}' || refuse 'SENTRY_RELEASE: letters, digits and @ . _ + - (at most 200)'
  scheme="${dsn%%://*}"
  authority="${dsn#*://}"
  authority="${authority%%/*}"
  config="{\"sentry\":{\"dsn\":\"$dsn\",\"environment\":\"$environment\",\"release\":\"$release\"}}"
  connect_src=" $scheme://${authority#*@}"
fi

printf '%s\n' "$config" >"$dir/config.json"
printf 'map $host $sentry_connect_src {\n  default "%s";\n}\n' "$connect_src" >"$dir/sentry.conf"

exec "$@"
