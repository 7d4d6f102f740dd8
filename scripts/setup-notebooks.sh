#!/usr/bin/env bash
# Sets up headless notebook execution: Debian's jupyter-nbconvert and python3-ipykernel (the
# Jupyter machinery; installed with apt-get when missing, which needs root), and the Deno kernel
# from the project's own `deno` dev dependency (`deno jupyter --install`, re-run every time so the
# kernel points at this checkout's node_modules). Safe to run again.
set -euo pipefail
export PYDEVD_DISABLE_FILE_VALIDATION=1
cd "$(dirname "$0")/.."

if ! command -v jupyter-nbconvert >/dev/null 2>&1 || ! python3 -c 'import ipykernel' >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup-notebooks: jupyter-nbconvert and python3-ipykernel are missing; install them with" >&2
    echo "  sudo apt-get install -y jupyter-nbconvert python3-ipykernel" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends jupyter-nbconvert jupyter-client python3-ipykernel >/dev/null
fi

if [ ! -x node_modules/.bin/deno ]; then
  echo "setup-notebooks: node_modules/.bin/deno is missing; run npm ci first" >&2
  exit 1
fi
node_modules/.bin/deno jupyter --install --force >/dev/null 2>&1 \
  || node_modules/.bin/deno jupyter --install >/dev/null
kernels=$(jupyter kernelspec list 2>/dev/null)
grep -q '^ *deno ' <<<"$kernels" || { echo "setup-notebooks: the Deno kernel did not register" >&2; exit 1; }
echo "setup-notebooks: jupyter-nbconvert $(jupyter-nbconvert --version) with $(node_modules/.bin/deno --version | head -1)"
