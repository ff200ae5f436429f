#!/usr/bin/env bash
# HTTP throughput of /v1/keymanager decrypt, jwtSign and jwtVerify with wrk against a Release host on 127.0.0.1.
# Usage: bash bench/Civitas.Benchmarks.Keys/wrk/run.sh [seconds=15] [connections=16]
# Each route's first answer is checked for "errors": null before the load, so business errors cannot pass as speed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
SECONDS_PER_ROUTE="${1:-15}"
CONNECTIONS="${2:-16}"
PORT="${PORT:-5097}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/civitas-keys-wrk.XXXXXX)"
LUA="$PWD/bench/Civitas.Benchmarks.Keys/wrk/post.lua"

dotnet build -c Release src/Civitas.Host >/dev/null
dotnet src/Civitas.Host/bin/Release/net10.0/Civitas.Host.dll --urls "$BASE" --Civitas:DataDirectory="$WORK/data" \
  --Logging:LogLevel:Default=Warning >"$WORK/host.log" 2>&1 &
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

for route in decrypt jwtSign jwtVerify; do
  call "/v1/keymanager/$route" "$WORK/$route.json" | json '"ok" if d["errors"] is None else sys.exit("errors: %s" % d["errors"])' >/dev/null
  printf '%-10s ' "$route"
  BODY_FILE="$WORK/$route.json" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_ROUTE}s" -s "$LUA" "$BASE/v1/keymanager/$route" | grep '^RESULT'
done
