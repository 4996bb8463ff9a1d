#!/bin/bash
# Stop the services that start.sh DIR started: only the PIDs listed in DIR/pids.
# Usage: stop.sh DIR
set -uo pipefail
DIR=${1:?usage: stop.sh DIR}
PIDS=$DIR/pids
[ -f "$PIDS" ] || { echo "stop.sh: no $PIDS"; exit 0; }

mapfile -t pids < <(awk '{print $1}' "$PIDS")
# Memory the services hold now (RSS) and held at most (peak, VmHWM), for the record.
total=0; peak=0
while read -r pid name; do
  read -r kb hwm < <(awk '/^VmRSS:/{r=$2} /^VmHWM:/{h=$2} END{print r+0, h+0}' "/proc/$pid/status" 2>/dev/null || echo "0 0")
  [ "$kb" -gt 0 ] || continue
  total=$((total + kb)); peak=$((peak + hwm))
  printf 'stop.sh: %-16s pid %-7s RSS %4d MiB, peak %4d MiB\n' "$name" "$pid" $((kb / 1024)) $((hwm / 1024))
done < "$PIDS"
echo "stop.sh: all services: RSS $((total / 1024)) MiB, sum of peaks $((peak / 1024)) MiB"
for pid in "${pids[@]}"; do
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null
done
# wait up to 10 s, then SIGKILL whatever is left
for _ in $(seq 50); do
  alive=0
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
  [ $alive = 0 ] && break
  sleep 0.2
done
for pid in "${pids[@]}"; do
  if kill -0 "$pid" 2>/dev/null; then
    echo "stop.sh: $pid ignored SIGTERM, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null
  fi
done
mv "$PIDS" "$PIDS.stopped"
echo "stop.sh: stopped ${#pids[@]} processes"
