#!/usr/bin/env bash
# HTTP throughput of OTP generate, OTP validate (fresh OTPs, each must succeed) and UIN allocation with wrk
# against the bench host (`serve` mode: real host on 127.0.0.1, pool prefilled, OTPs generated beforehand).
# Usage: bash bench/Civitas.Benchmarks.Kernel/wrk/run.sh [seconds=10] [connections=32] [db connection string]
# Environment: WARMUP=seconds of unmeasured load per route (default 8: the route measured first otherwise pays for
# the JIT's tiered recompilation), OTPS=how many OTPs to generate first
# (default 60000: enough for warm-up and the run at the rates seen so far), ROUTES="generate validate uin".
# Besides requests/s it prints the CPU time per request of the host and of wrk (from /proc and GNU time): on a
# machine shared with other jobs the rate measures the queue for a core, CPU time per request measures the code.
# With a PostgreSQL connection string it also prints pg_cpu_us, the CPU per request of the PostgreSQL server on
# this machine: the backends connected to the benchmark's database and the WAL writer (PG_PID=postmaster pid,
# found with pgrep when not given). serve runs VACUUM ANALYZE before the load, so autovacuum rarely runs during it.
set -euo pipefail
cd "$(dirname "$0")/../../.."
SECONDS_PER_ROUTE="${1:-10}"
CONNECTIONS="${2:-32}"
DB="${3:-}"
WARMUP="${WARMUP:-8}"
PORT="${PORT:-5793}"
WORK="$(mktemp -d /tmp/civitas-kernel-wrk.XXXXXX)"
export LUA_DIR="$PWD/bench/Civitas.Benchmarks.Kernel/wrk"
export THREADS=2
B=bench/Civitas.Benchmarks.Kernel/bin/Release/net10.0/Civitas.Benchmarks.Kernel.dll

dotnet "$B" serve --port "$PORT" --db "$DB" --otps "${OTPS:-60000}" >"$WORK/serve.out" 2>&1 &
HOST_PID=$!
trap 'kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 600); do grep -q '^otps: ' "$WORK/serve.out" && break; sleep 1; done
export TOKEN=$(sed -n 's/^token: //p' "$WORK/serve.out")
OTP_FILE=$(sed -n 's/^otps: //p' "$WORK/serve.out")
# Warm-up and measured run each get their own OTPs.
WARM_LINES=$(( $(wc -l <"$OTP_FILE") / 4 ))
head -n "$WARM_LINES" "$OTP_FILE" >"$WORK/warm.txt"
tail -n +"$((WARM_LINES + 1))" "$OTP_FILE" >"$WORK/run.txt"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
PG_PID="${PG_PID:-}"
if [ -n "$DB" ] && [ -z "$PG_PID" ]; then PG_PID=$(pgrep -o -x postgres || true); fi
PG_DB=$(sed -nE 's/.*Database=([^;]+).*/\1/p' <<<"$DB")
pg_ticks() {
  [ -n "$PG_PID" ] || { echo 0; return; }
  for child in $(pgrep -P "$PG_PID"); do
    case "$({ tr '\0' ' ' <"/proc/$child/cmdline"; } 2>/dev/null)" in
      *walwriter*|*" $PG_DB "*) awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || true ;;
    esac
  done | awk '{ sum += $1 } END { print sum + 0 }'
}
# Commits in the benchmark's database (pg_stat_database; psql, when installed): requests per commit is the
# group size the kernel's batching achieved.
pg_field() { sed -nE "s/.*(^|;)$1=([^;]+).*/\\2/p" <<<"$DB"; }
pg_commits() {
  if [ -z "$DB" ] || ! command -v psql >/dev/null; then echo 0; return; fi
  local port; port=$(pg_field Port)
  psql -h "$(pg_field Host)" -p "${port:-5432}" -U "$(pg_field Username)" -d "$PG_DB" -Atc \
    "SELECT pg_stat_force_next_flush(); SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()" 2>/dev/null | tail -n 1 || echo 0
}
TICK_US=$((1000000 / $(getconf CLK_TCK)))
BASE="http://127.0.0.1:$PORT"
path() { case "$1" in generate) echo /v1/otpmanager/otp/generate ;; validate) echo /v1/otpmanager/otp/validate ;; uin) echo /v1/idgenerator/uin ;; esac; }

for route in ${ROUTES:-generate validate uin}; do
  RUN="warm$RANDOM" OTPS="$WORK/warm.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$LUA_DIR/$route.lua" "$BASE$(path "$route")" >/dev/null
  printf '%-9s ' "$route"
  HOST_BEFORE=$(cpu_ticks "$HOST_PID"); PG_BEFORE=$(pg_ticks); COMMITS_BEFORE=$(pg_commits); LOAD=$(cut -d' ' -f1 /proc/loadavg)
  RUN="run$RANDOM" OTPS="$WORK/run.txt" /usr/bin/env time -f '%U %S' -o "$WORK/wrk.cpu" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_ROUTE}s" -s "$LUA_DIR/$route.lua" "$BASE$(path "$route")" >"$WORK/wrk.out"
  HOST_AFTER=$(cpu_ticks "$HOST_PID"); PG_AFTER=$(pg_ticks); COMMITS_AFTER=$(pg_commits)
  RESULT=$(grep '^RESULT' "$WORK/wrk.out")
  REQUESTS=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$RESULT")
  WRK_CPU=$(awk '{print $1 + $2}' "$WORK/wrk.cpu")
  echo "$RESULT" | sed 's/^RESULT //' | tr '\n' ' '
  awk -v h=$(((HOST_AFTER - HOST_BEFORE) * TICK_US)) -v w="$WRK_CPU" -v n="$REQUESTS" \
    -v p=$(((PG_AFTER - PG_BEFORE) * TICK_US)) -v pg="$PG_PID" -v load="$LOAD" -v c=$((COMMITS_AFTER - COMMITS_BEFORE)) \
    'BEGIN { printf "host_cpu_us=%.0f wrk_cpu_us=%.0f%s%s load=%s\n", h / n, w * 1e6 / n, pg ? sprintf(" pg_cpu_us=%.0f", p / n) : "",
      (c > 0 ? sprintf(" requests_per_commit=%.1f", n / c) : ""), load }'
done
