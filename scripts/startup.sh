#!/usr/bin/env bash
# Start-up to the first frame: starts the editor on a file and returns once
# its window is shown (eframe shows the window after painting the first
# frame), then closes it. Time it with farm-bench, under X (Xvfb :99):
#   DISPLAY=:99 farm-bench -n 10 -- scripts/startup.sh target/release/servuction FILE
set -euo pipefail
bin=${1:-target/release/servuction}
file=${2:-}
export XDG_DATA_HOME=${XDG_DATA_HOME:-/tmp/servuction-startup/data}
export XDG_CONFIG_HOME=${XDG_CONFIG_HOME:-/tmp/servuction-startup/config}
"$bin" ${file:+"$file"} &
pid=$!
xdotool search --sync --onlyvisible --pid "$pid" >/dev/null
kill "$pid"
wait "$pid" 2>/dev/null || true
