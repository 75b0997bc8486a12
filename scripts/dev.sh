#!/usr/bin/env bash
# Set up a fresh machine and serve the guide, or run its tests.
#
#   bash scripts/dev.sh serve   # install Python packages, serve at http://127.0.0.1:8000
#                               # (GUIDE_ADDRESS=host:port serves elsewhere)
#   bash scripts/dev.sh test    # also install Chromium, nginx and npm packages, run pytest
#
# Everything is installed from pinned versions: Python packages into .venv,
# npm packages into node_modules, system packages with apt-get (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1 PIP_DISABLE_PIP_VERSION_CHECK=1

venv=.venv
python=${PYTHON:-python3}

setup_python() {  # $1: requirements file
  [ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
  "$venv/bin/pip" install -q -r "$1"
  # The project's own packages (macros, checker), editable: hooks, scripts and
  # tests import them from this folder. Installed again only when the venv
  # imports them from elsewhere (a moved or copied folder).
  local here
  here=$(pwd -P)
  if ! (cd / && "$here/$venv/bin/python" -I -c "import macros, checker, os, sys
sys.exit(0 if all(os.path.realpath(m.__file__).startswith(sys.argv[1] + os.sep) for m in (macros, checker)) else 1)" \
        "$here") 2>/dev/null; then
    "$venv/bin/pip" install -q --no-deps -e .
  fi
}

setup_system() {  # Debian packages the tests drive: a real browser and a real web server
  local need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
  command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)  # opens the 批注版 in the annotate tests
  command -v node >/dev/null 2>&1 || need+=(nodejs)  # npm (below) runs on it; the checker itself runs in V8 through mini-racer
  ls /usr/lib/libreoffice/program/libsclo.so >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)  # 台账对数 tests: ledgers saved by LibreOffice Calc
  [ -f package.json ] && ! command -v npm >/dev/null 2>&1 && need+=(npm)  # pinned axe-core for the accessibility tests
  # open-gram's model and the tool that prints it: the word-pair table of the checker is derived from them
  # and a test derives it again (tests/test_open_gram.py)
  ls /usr/lib/*/sunpinyin/data/lm_sc.t3g >/dev/null 2>&1 || need+=(sunpinyin-data)
  command -v tslminfo >/dev/null 2>&1 || need+=(sunpinyin-utils)
  [ ${#need[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${need[*]} with apt-get"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${need[@]}"
}

setup_node() {  # pinned npm packages (package-lock.json), if the project has any
  [ -f package.json ] || return 0
  command -v npm >/dev/null 2>&1 || { echo "npm is needed: apt-get install -y npm" >&2; exit 1; }
  npm ci --no-audit --no-fund --loglevel=error
}

case "${1:-}" in
  serve)
    setup_python requirements.txt
    exec "$venv/bin/python" -m mkdocs serve -a "${GUIDE_ADDRESS:-127.0.0.1:8000}"
    ;;
  test)
    setup_python requirements-test.txt
    setup_system
    setup_node
    shift
    exec "$venv/bin/python" -m pytest "$@"
    ;;
  *)
    sed -n '2,10p' "$0"
    exit 2
    ;;
esac
