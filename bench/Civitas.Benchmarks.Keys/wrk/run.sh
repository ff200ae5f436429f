#!/usr/bin/env bash
# HTTP throughput of /v1/keymanager decrypt, jwtSign and jwtVerify with wrk against a Release host on 127.0.0.1.
# Usage: bash bench/Civitas.Benchmarks.Keys/wrk/run.sh [seconds=15] [connections=16]
# Before each route is measured it is loaded in 5 s slices, at least 6 (the JIT's tiering reaches optimised code
# only after tens of seconds on a loaded machine, with plateaus on the way) and then until the host's CPU time per
# request settles (two slices within 10 %, at most WARMUP_SLICES=16): otherwise the first route measured pays for it.
# Environment: ROUTES="decrypt jwtSign jwtVerify", RAW=0 to skip the raw all-core rates (BenchmarkDotNet project,
# --cpu mode on every core) run after the host has stopped, STORE=pkcs11 to run the host on a SoftHSM2 token
# created in the temp directory (ROOT, masters and KERNEL/SIGN in the token; decrypt uses an IDA base key, a
# software key wrapped by the token-held IDA master, so only jwtSign reaches the token per request).
# Each route's first answer is checked for "errors": null before the load, so business errors cannot pass as speed.
# Besides requests/s it prints the CPU time per request of the host and of wrk (from /proc and bash's `times`):
# on a machine shared with other jobs the rate measures the queue for a core, CPU time per request measures the code.
set -euo pipefail
cd "$(dirname "$0")/../../.."
SECONDS_PER_ROUTE="${1:-15}"
CONNECTIONS="${2:-16}"
PORT="${PORT:-5097}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/civitas-keys-wrk.XXXXXX)"
LUA="$PWD/bench/Civitas.Benchmarks.Keys/wrk/post.lua"

STORE_ARGS=()
if [ "${STORE:-software}" = pkcs11 ]; then
  mkdir -p "$WORK/tokens"
  printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' "$WORK/tokens" >"$WORK/softhsm2.conf"
  export SOFTHSM2_CONF="$WORK/softhsm2.conf"
  softhsm2-util --init-token --free --label civitas-bench --so-pin 5678 --pin 1234 >/dev/null
  export Civitas__Keys__Pkcs11__Pin=1234
  STORE_ARGS=(--Civitas:Keys:Store=Pkcs11 --Civitas:Keys:Pkcs11:TokenLabel=civitas-bench)
fi

dotnet build -c Release src/Civitas.Host >/dev/null
dotnet src/Civitas.Host/bin/Release/net10.0/Civitas.Host.dll --urls "$BASE" --Civitas:DataDirectory="$WORK/data" \
  --Logging:LogLevel:Default=Warning "${STORE_ARGS[@]}" >"$WORK/host.log" 2>&1 &
HOST_PID=$!
trap 'kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/health/live" >/dev/null && break; sleep 1; done

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
CLIENT_ID=$(json 'd["client_id"]' <"$WORK/data/bootstrap-admin.json")
CLIENT_SECRET=$(json 'd["client_secret"]' <"$WORK/data/bootstrap-admin.json")
export TOKEN=$(curl -sf "$BASE/connect/token" -d grant_type=client_credentials -d "client_id=$CLIENT_ID" -d "client_secret=$CLIENT_SECRET" | json 'd["access_token"]')

call() { curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary @"$2" "$BASE$1"; }
envelope() { printf '{"id":"bench","version":"1.0","requesttime":"2026-11-24T00:00:00.000Z","request":%s}' "$1"; }

PLAIN=$(python3 -c "import base64,os; print(base64.urlsafe_b64encode(os.urandom(1024)).decode().rstrip('='))")
envelope "{\"applicationId\":\"IDA\",\"referenceId\":\"BENCH\",\"data\":\"$PLAIN\"}" >"$WORK/encrypt.json"
CIPHER=$(call /v1/keymanager/encrypt "$WORK/encrypt.json" | json 'd["response"]["data"]')
envelope "{\"applicationId\":\"IDA\",\"referenceId\":\"BENCH\",\"data\":\"$CIPHER\"}" >"$WORK/decrypt.json"
CLAIMS=$(python3 -c "import base64; print(base64.urlsafe_b64encode(b'{\"sub\":\"4000000001\",\"name\":\"Ada\",\"iat\":1700000000}').decode().rstrip('='))")
envelope "{\"dataToSign\":\"$CLAIMS\",\"applicationId\":\"KERNEL\",\"referenceId\":\"SIGN\",\"includePayload\":true,\"includeCertificate\":false}" >"$WORK/jwtSign.json"
JWT=$(call /v1/keymanager/jwtSign "$WORK/jwtSign.json" | json 'd["response"]["jwtSignedData"]')
envelope "{\"jwtSignatureData\":\"$JWT\",\"applicationId\":\"KERNEL\",\"referenceId\":\"SIGN\",\"validateTrust\":false}" >"$WORK/jwtVerify.json"

# utime + stime of a process in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))

for route in ${ROUTES:-decrypt jwtSign jwtVerify}; do
  call "/v1/keymanager/$route" "$WORK/$route.json" | json '"ok" if d["errors"] is None else sys.exit("errors: %s" % d["errors"])' >/dev/null
  PREVIOUS=0
  for SLICE in $(seq 1 "${WARMUP_SLICES:-16}"); do
    BEFORE=$(cpu_ticks "$HOST_PID")
    N=$(BODY_FILE="$WORK/$route.json" wrk -t2 -c"$CONNECTIONS" -d5s -s "$LUA" "$BASE/v1/keymanager/$route" | sed -nE 's/^RESULT requests=([0-9]+).*/\1/p')
    N=${N:-0}
    PER_REQUEST=$((($(cpu_ticks "$HOST_PID") - BEFORE) * TICK_US / (N > 0 ? N : 1)))
    if [ "$SLICE" -ge 6 ] && [ "$PREVIOUS" -gt 0 ] && [ $((10 * (PER_REQUEST - PREVIOUS))) -lt "$PER_REQUEST" ] && [ $((10 * (PREVIOUS - PER_REQUEST))) -lt "$PER_REQUEST" ]; then
      break
    fi
    PREVIOUS=$PER_REQUEST
  done
  printf '%-10s warmup=%ss ' "$route" $((5 * SLICE))
  HOST_BEFORE=$(cpu_ticks "$HOST_PID")
  BODY_FILE="$WORK/$route.json" /usr/bin/env time -f '%U %S' -o "$WORK/wrk.cpu" \
    wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_ROUTE}s" -s "$LUA" "$BASE/v1/keymanager/$route" >"$WORK/wrk.out"
  HOST_AFTER=$(cpu_ticks "$HOST_PID")
  RESULT=$(grep '^RESULT' "$WORK/wrk.out")
  REQUESTS=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$RESULT")
  WRK_CPU=$(awk '{print $1 + $2}' "$WORK/wrk.cpu")
  echo "$RESULT" | sed 's/^RESULT //' | tr '\n' ' '
  awk -v h=$(((HOST_AFTER - HOST_BEFORE) * TICK_US)) -v w="$WRK_CPU" -v n="$REQUESTS" \
    'BEGIN { printf "host_cpu_us=%.0f wrk_cpu_us=%.0f\n", h / n, w * 1e6 / n }'
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "${RAW:-1}" != 0 ]; then
  # The raw single-operation rates on all cores, in the same run, with the host stopped.
  kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true
  dotnet run -c Release --project bench/Civitas.Benchmarks.Keys -- --cpu 5 all KeysBenchmarks. | grep -E '^\||load|threads'
fi
