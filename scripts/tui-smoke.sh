#!/usr/bin/env bash
# Smoke test of `cesuan tui` in a real terminal: run the built binary inside tmux (80×24), open
# 工伤保险参保人数 on the Zhengzhou model, type 2.5 (%) for its growth assumption, and check that the
# new 2025 projection 186.5 × 1.025^5 ≈ 211.01 appears; then quit and check the terminal is restored.
#
#   scripts/tui-smoke.sh            (needs tmux: apt-get install -y tmux, or brew install tmux)
set -euo pipefail

if ! command -v tmux >/dev/null 2>&1; then
  echo "tui-smoke: tmux is not installed; install it with 'apt-get install -y tmux' (Debian/Ubuntu) or 'brew install tmux' (macOS)" >&2
  exit 2
fi

cd "$(dirname "$0")/.."
[ -f dist/cli.js ] || npm run build >/dev/null

session="cesuan-smoke-$$"
expected="$(node -e 'console.log((186.5 * 1.025 ** 5).toFixed(2))')"   # closed form of 测算依据2 at 2.5%
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; }
trap cleanup EXIT

screen() { tmux capture-pane -p -t "$session"; }
# wait until the screen shows a text (fixed string), or fail with the screen
wait_for() {
  local text="$1" tries=0
  until screen | grep -qF -- "$text"; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ]; then
      echo "tui-smoke: FAIL — \"$text\" did not appear; the screen was:" >&2
      screen >&2
      exit 1
    fi
    sleep 0.1
  done
}
keys() { tmux send-keys -t "$session" "$@"; sleep 0.15; }

# ink draws only a final frame when it believes it runs in CI: unset CI for the app
tmux -u new-session -d -s "$session" -x 80 -y 24 \
  "env -u CI LANG=C.UTF-8 LC_ALL=C.UTF-8 node bin/cesuan.js tui models/zhengzhou-hrss-14th.yaml; echo \"cesuan-exit=\$?\"; sleep 10"

wait_for '工伤保险参保人数'
keys -l '/'
keys -l 'injury_insured'
keys Enter
keys Enter
wait_for 'injury_insured ·'
keys -l '2.5'
keys Enter
wait_for "预测 ${expected}*"
echo "tui-smoke: the 2025 projection changed to ${expected} on the screen:"
screen | grep -F "预测 ${expected}*"

keys -l 'q'              # unsaved changes: asks first
wait_for '有未保存的改动'
keys -l 'q'
wait_for 'cesuan-exit=0'
if screen | grep -qF '总览'; then
  echo "tui-smoke: FAIL — the TUI is still on the screen after quitting" >&2
  screen >&2
  exit 1
fi
echo "tui-smoke: OK (quit with exit code 0, terminal restored)"
