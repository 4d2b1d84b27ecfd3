#!/usr/bin/env bash
# pbvote developer entry point: ./dev.sh run | test | setup | screenshots
#   run    set up, then start the kiosk app on the bundled sample election (SQLite);
#          with no display, run the headless 'pbvote demo' instead
#   test   set up, then run the whole test suite (incl. a real PostgreSQL server)
# Setup installs what a fresh Debian/Ubuntu machine lacks (apt, as root or via sudo)
# and a virtual environment in .venv with pbvote installed in editable mode.
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(
  python3 python3-venv python3-pip            # the interpreter and venv
  libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0  # Qt runtime (offscreen too)
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0  # Qt on X11 (kiosk window)
  fonts-noto-cjk fonts-arphic-uming           # Traditional Chinese on screen (Noto) and in PDFs (AR PL UMing)
  fonts-dejavu-core                           # PDFs: Latin beyond WinAnsi (Polish project names: Ł, ń, ę)
  postgresql                                  # server binaries for the PostgreSQL tests
  poppler-utils                               # pdftoppm: receipts and reports read back as images
)

log() { printf '\033[1m[dev]\033[0m %s\n' "$*" >&2; }

setup_system() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      log "missing system packages: ${missing[*]} (run as root or install sudo)"; return 1; fi
  fi
  log "installing system packages: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pick_python() {
  for py in python3.13 python3.12 python3.11 python3; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      echo "$py"; return 0; fi
  done
  log "pbvote needs Python >= 3.11"; return 1
}

setup_venv() {
  local stamp=.venv/.pbvote-installed
  if [ ! -x .venv/bin/python ]; then
    log "creating .venv"
    "$(pick_python)" -m venv .venv
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    log "installing pbvote and its test tools into .venv"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[pg,serve,test]'
    touch "$stamp"
  fi
}

setup() { setup_system; setup_venv; }

case "${1:-}" in
  setup) setup ;;
  run)
    setup
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x .venv/bin/pbvote-kiosk ]; then
      exec .venv/bin/pbvote-kiosk "${@:2}"
    fi
    log "no display found (DISPLAY and WAYLAND_DISPLAY are unset): running the headless demo instead"
    log "  (.venv/bin/pbvote demo --out pbvote-demo; on a desktop, ./dev.sh run opens the kiosk app)"
    exec .venv/bin/pbvote demo --out pbvote-demo
    ;;
  test)
    setup
    export QT_QPA_PLATFORM=offscreen
    exec .venv/bin/python -m pytest "${@:2}"
    ;;
  *)
    echo "usage: ./dev.sh run | test [pytest args] | setup" >&2; exit 2 ;;
esac
