#!/usr/bin/env bash
# ID authentication under load, as a relying party sees it: seeds N synthetic residents, onboards a partner with
# its own openssl certificate, starts `civitas serve` with SMS going to the driver's stand-in gateway, then runs the
# driver (demographic and OTP authentication over HTTP). Figures go to bench/README.md ("Authentication").
#
#   bash bench/Civitas.Benchmarks.Authentication/run.sh [residents=100000] [connection string; empty = SQLite] [driver options...]
#   e.g. bash bench/Civitas.Benchmarks.Authentication/run.sh 100000 "Host=127.0.0.1;Port=5432;Username=postgres;Database=civitas_bench"
# BENCH_DATA=<directory> keeps the data directory (SQLite file, keys, residents list) between runs: a directory that
# already holds demo-residents.csv is not seeded again (seeding 1,000,000 residents takes a while). With PostgreSQL,
# keep the same database with it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
count="${1:-100000}"
connection="${2:-}"
shift $(( $# > 2 ? 2 : $# ))
port=5081
sms_port=5099
work="$(mktemp -d)"
data="${BENCH_DATA:-$work/data}"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release -v q --nologo "$root/src/Civitas.Cli" >/dev/null
dotnet build -c Release -v q --nologo "$root/bench/Civitas.Benchmarks.Authentication" >/dev/null
civitas=(dotnet "$root/src/Civitas.Cli/bin/Release/net10.0/civitas.dll")
settings=("--Civitas:DataDirectory=$data" "--ConnectionStrings:Civitas=$connection" "--Logging:LogLevel:Default=Warning")

if [[ -f "$data/demo-residents.csv" ]]; then
  echo "== reusing $(($(wc -l <"$data/demo-residents.csv") - 1)) residents in $data"
else
  echo "== seeding $count residents"
  time "${civitas[@]}" demo seed --count "$count" --without-pins "${settings[@]}" | tail -n 1
fi

openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=bench-partner/O=Civitas bench" \
  -keyout "$work/partner-key.pem" -out "$work/partner-cert.pem" 2>/dev/null
"${civitas[@]}" partner onboard --name "bench-$(date +%s)" --kind ekyc --certificate "$work/partner-cert.pem" \
  --auth-types demo,otp,otp-request --kyc-attributes fullName --base-url "http://127.0.0.1:$port" \
  --output "$work/partner.json" "${settings[@]}" >/dev/null

"${civitas[@]}" serve --urls "http://127.0.0.1:$port" "${settings[@]}" \
  --Civitas:Notifications:Sms:Transport=HttpSmsGateway \
  "--Civitas:Notifications:Sms:Gateway:UrlTemplate=http://127.0.0.1:$sms_port/sms?to={number}" \
  '--Civitas:Notifications:Sms:Gateway:BodyTemplate={"text":"{message}"}' >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  sleep 1
done

echo "== driver"
dotnet "$root/bench/Civitas.Benchmarks.Authentication/bin/Release/net10.0/Civitas.Benchmarks.Authentication.dll" \
  --partner "$work/partner.json" --key "$work/partner-key.pem" --residents "$data/demo-residents.csv" \
  --sms-port "$sms_port" --server-pid "$server" "$@"

if grep -qiE "fail|exception" "$work/server.log"; then
  echo "== server log (first problems)"
  grep -iE -m 10 -A 3 "fail|exception" "$work/server.log"
fi
