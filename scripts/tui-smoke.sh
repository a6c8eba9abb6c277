#!/usr/bin/env bash
# Smoke test of `cesuan tui` in a real terminal: run the built binary inside tmux (80×24), open
# 工伤保险参保人数 on the Zhengzhou model, type 2.5 (%) for its growth assumption, and check that the
# new 2025 projection 186.5 × 1.025^5 ≈ 211.01 appears; draw its year-by-year chart (v: axis 2020…2025,
# the target 210 as a line); quit and check the terminal is restored. Then open four scenarios side by
# side (cesuan tui a.yaml b.yaml c.yaml d.yaml) at 200×50 and check each one's name heads a column.
#
#   scripts/tui-smoke.sh            (needs tmux: apt-get install -y tmux, or brew install tmux)
set -euo pipefail

if ! command -v tmux >/dev/null 2>&1; then
  echo "tui-smoke: tmux is not installed; install it with 'apt-get install -y tmux' (Debian/Ubuntu) or 'brew install tmux' (macOS)" >&2
  exit 2
fi

cd "$(dirname "$0")/.."
[ -f dist/cli.cjs ] || npm run build >/dev/null

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

keys -l 'v'              # the year-by-year chart
wait_for '● 当前路径'
wait_for '┄ 目标 ≥210'
if ! screen | grep -qE '^ +2020 +2021 +2022 +2023 +2024 +2025'; then
  echo "tui-smoke: FAIL — the chart's year axis 2020…2025 is not on the screen:" >&2
  screen >&2
  exit 1
fi
echo "tui-smoke: the chart shows the years 2020…2025 and the target line"

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

# several scenarios side by side with the published model
session2="cesuan-smoke2-$$"
trap 'cleanup; tmux kill-session -t "$session2" 2>/dev/null || true' EXIT
tmux -u new-session -d -s "$session2" -x 200 -y 50 \
  "env -u CI LANG=C.UTF-8 LC_ALL=C.UTF-8 node bin/cesuan.js tui scenarios/zhengzhou-slower-insurance.yaml scenarios/zhengzhou-growth-cut.yaml scenarios/zhengzhou-faster-talent.yaml scenarios/zhengzhou-provincial-revised.yaml; echo \"cesuan-exit=\$?\"; sleep 10"
session="$session2"
wait_for '发布模型'
for name in 社保扩面放缓 增速普遍下调两成 人才加速集聚 省定目标调整; do
  wait_for "$name"
done
echo "tui-smoke: four scenarios side by side:"
screen | sed -n 3p
keys -l 'q'
wait_for 'cesuan-exit=0'
echo "tui-smoke: OK (compare of 4 scenarios, quit with exit code 0)"
