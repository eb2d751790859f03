#!/usr/bin/env bash
# Load check of h1resp-proxy: wrk straight to nginx and through the proxy, in the same run, and
# the proxy's resident memory before and after well over 100,000 requests through it.
#
#   examples/proxy/load_check.sh [BUILD_DIR]       (default: build/)
#
# Environment: DURATION (10s), THREADS (2), CONNECTIONS (50), BODY_BYTES (2048, the page size),
# PROXY_ARGS (extra proxy options), MAX_RSS_GROWTH_KB (2048).
#
# Runs: a short warm-up through the proxy; wrk to nginx; wrk through the proxy twice. Memory is
# bounded when the second proxied run (as many requests again) does not grow VmRSS beyond
# MAX_RSS_GROWTH_KB. Everything runs on loopback, in a temporary directory removed at the end.
# Exit status: 0 when every request succeeded, at least 100,000 went through the proxy, and
# memory stayed bounded.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${1:-${BUILD:-$ROOT/build}}
PROXY=$BUILD/examples/proxy/h1resp-proxy
DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-50}
BODY_BYTES=${BODY_BYTES:-2048}
MAX_RSS_GROWTH_KB=${MAX_RSS_GROWTH_KB:-2048}
PROXY_ARGS=${PROXY_ARGS:-}

die() { echo "load_check: $*" >&2; exit 1; }
[ -x "$PROXY" ] || die "no proxy at $PROXY (build it: cmake --build $BUILD --target h1resp_proxy)"
NGINX=$(command -v nginx || true)
[ -n "$NGINX" ] || NGINX=$(ls /usr/sbin/nginx 2>/dev/null || true)
[ -n "$NGINX" ] || die "nginx not found (Debian nginx-light)"
command -v wrk >/dev/null || die "wrk not found (Debian wrk)"

DIR=$(mktemp -d "${TMPDIR:-/tmp}/h1resp-load-XXXXXX")
NGINX_PID=
PROXY_PID=
# shellcheck disable=SC2317  # called by the trap
cleanup() {
  # Only the processes this script started, by their ids.
  local pid
  for pid in "$PROXY_PID" "$NGINX_PID"; do
    if [ -z "$pid" ] || ! kill "$pid" 2>/dev/null; then continue; fi
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$DIR"
}
trap cleanup EXIT

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A free port for nginx (which cannot report the one it got): try random ones until one is free.
NGINX_PORT=
for _ in $(seq 50); do
  p=$((20000 + RANDOM % 40000))
  listening "$p" || { NGINX_PORT=$p; break; }
done
[ -n "$NGINX_PORT" ] || die "no free port"

mkdir -p "$DIR/www"
head -c "$BODY_BYTES" /dev/zero | tr '\0' 'x' > "$DIR/www/index.html"
# One nginx process (master_process off), as in the end-to-end tests: nothing left behind, and
# as root it reads the private temporary directory. No access log: it would be the bottleneck.
cat > "$DIR/nginx.conf" <<EOF
master_process off;
daemon off;
pid $DIR/nginx.pid;
error_log $DIR/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $DIR/tmp-body; proxy_temp_path $DIR/tmp-proxy;
  fastcgi_temp_path $DIR/tmp-fastcgi; uwsgi_temp_path $DIR/tmp-uwsgi; scgi_temp_path $DIR/tmp-scgi;
  types { text/html html; }
  keepalive_requests 10000000;
  keepalive_timeout 120s;
  server { listen 127.0.0.1:$NGINX_PORT; root $DIR/www; }
}
EOF
"$NGINX" -p "$DIR" -c "$DIR/nginx.conf" -e "$DIR/error.log" > "$DIR/nginx.out" 2>&1 &
NGINX_PID=$!
for _ in $(seq 100); do listening "$NGINX_PORT" && break; sleep 0.05; done
listening "$NGINX_PORT" || { cat "$DIR/error.log" >&2; die "nginx did not start"; }

# shellcheck disable=SC2086  # PROXY_ARGS is a list of options
"$PROXY" --listen 127.0.0.1:0 --upstream "127.0.0.1:$NGINX_PORT" $PROXY_ARGS \
  > "$DIR/proxy.out" 2> "$DIR/proxy.err" &
PROXY_PID=$!
PROXY_PORT=
for _ in $(seq 100); do
  PROXY_PORT=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$DIR/proxy.out")
  [ -n "$PROXY_PORT" ] && break
  sleep 0.05
done
[ -n "$PROXY_PORT" ] || { cat "$DIR/proxy.err" >&2; die "the proxy did not start"; }

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$PROXY_PID/status"; }
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$PROXY_PID/status"; }

# Runs wrk; prints "requests req/s errors non2xx" for the run and keeps its report.
run_wrk() {  # NAME URL DURATION
  local out=$DIR/wrk-$1.txt
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "$3" --latency "$2" > "$out" 2>&1 || true
  local requests rps errors non2xx
  requests=$(awk '/requests in/ {print $1}' "$out")
  rps=$(awk '/^Requests\/sec/ {print $2}' "$out")
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$out")
  echo "${requests:-0} ${rps:-0} ${errors:-0} ${non2xx:-0}"
}

echo "== h1resp-proxy load check: wrk -t$THREADS -c$CONNECTIONS -d$DURATION," \
  "a $BODY_BYTES-byte page"
echo "   $(nproc) CPUs shared by wrk, nginx and the proxy (one thread): figures are indicative"
curl -fsS -o /dev/null "http://127.0.0.1:$PROXY_PORT/index.html" 2>/dev/null ||
  wrk -t1 -c1 -d1s "http://127.0.0.1:$PROXY_PORT/index.html" > /dev/null
RSS_IDLE=$(rss_kb)
read -r WARM_N _ _ _ < <(run_wrk warmup "http://127.0.0.1:$PROXY_PORT/index.html" 3s)
RSS_WARM=$(rss_kb)
read -r DIRECT_N DIRECT_RPS DIRECT_ERR DIRECT_NON2XX < \
  <(run_wrk direct "http://127.0.0.1:$NGINX_PORT/index.html" "$DURATION")
read -r PROXY1_N PROXY1_RPS PROXY1_ERR PROXY1_NON2XX < \
  <(run_wrk proxy1 "http://127.0.0.1:$PROXY_PORT/index.html" "$DURATION")
RSS_AFTER1=$(rss_kb)
read -r PROXY2_N PROXY2_RPS PROXY2_ERR PROXY2_NON2XX < \
  <(run_wrk proxy2 "http://127.0.0.1:$PROXY_PORT/index.html" "$DURATION")
RSS_AFTER2=$(rss_kb)
HWM=$(hwm_kb)
THROUGH=$((WARM_N + PROXY1_N + PROXY2_N))
REFUSED=$(grep -c -E 'refused|aborted' "$DIR/proxy.err" || true)

printf '%-22s %12s %12s %8s %8s\n' run requests req/s errors non-2xx
printf '%-22s %12s %12s %8s %8s\n' "nginx direct" "$DIRECT_N" "$DIRECT_RPS" "$DIRECT_ERR" \
  "$DIRECT_NON2XX"
printf '%-22s %12s %12s %8s %8s\n' "through proxy (1)" "$PROXY1_N" "$PROXY1_RPS" "$PROXY1_ERR" \
  "$PROXY1_NON2XX"
printf '%-22s %12s %12s %8s %8s\n' "through proxy (2)" "$PROXY2_N" "$PROXY2_RPS" "$PROXY2_ERR" \
  "$PROXY2_NON2XX"
echo "proxy VmRSS: idle ${RSS_IDLE} kB, after warm-up (${WARM_N} requests) ${RSS_WARM} kB," \
  "after $((WARM_N + PROXY1_N)) ${RSS_AFTER1} kB, after ${THROUGH} ${RSS_AFTER2} kB;" \
  "peak (VmHWM) ${HWM} kB"
echo "proxy log lines refusing or aborting a response: $REFUSED"

status=0
for e in "$DIRECT_ERR" "$PROXY1_ERR" "$PROXY2_ERR" "$DIRECT_NON2XX" "$PROXY1_NON2XX" \
  "$PROXY2_NON2XX" "$REFUSED"; do
  [ "$e" = 0 ] || { echo "FAIL: errors or non-2xx responses" >&2; status=1; break; }
done
if [ "$THROUGH" -lt 100000 ]; then
  echo "FAIL: only $THROUGH requests through the proxy" >&2
  status=1
fi
GROWTH=$((RSS_AFTER2 - RSS_AFTER1))
if [ "$GROWTH" -gt "$MAX_RSS_GROWTH_KB" ]; then
  echo "FAIL: VmRSS grew by $GROWTH kB over the second proxied run" >&2
  status=1
else
  echo "memory bounded: VmRSS changed by $GROWTH kB while the request count went from" \
    "$((WARM_N + PROXY1_N)) to $THROUGH"
fi
exit $status
