#!/usr/bin/env bash
# Installs what Docket needs on a fresh Debian machine (root). Idempotent: installs only what is missing.
#   scripts/setup.sh build   - C libraries for building (cmark-gfm, libxml2, pkg-config)
#   scripts/setup.sh test    - plus the real readers the tests use (LibreOffice Writer and its Python UNO
#                              bridge for PDF output, pandoc, poppler) and a Python venv (.venv) with
#                              icalendar, vobject, jsonschema, python-docx, pypdf
#   scripts/setup.sh bench   - plus the venv tools the benchmarks compare against
set -euo pipefail
cd "$(dirname "$0")/.."
level=${1:-build}

need=()
want() { dpkg -s "$1" >/dev/null 2>&1 || need+=("$1"); }
want libcmark-gfm-dev; want libcmark-gfm-extensions-dev; want libxml2-dev; want pkg-config; want libsqlite3-dev
if [ "$level" != build ]; then
  want libreoffice-writer-nogui; want python3-uno; want pandoc; want poppler-utils; want python3-venv; want fonts-dejavu-core; want time
  want chromium; want chromium-driver
fi
if [ ${#need[@]} -gt 0 ]; then
  if dpkg -s libreoffice-writer >/dev/null 2>&1; then
    # A full LibreOffice Writer is as good as the -nogui flavour.
    need=("${need[@]/libreoffice-writer-nogui}")
  fi
  echo "setup: installing ${need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends ${need[*]} >/dev/null
fi

if [ "$level" != build ]; then
  py=python3
  if [ ! -x .venv/bin/python ]; then
    $py -m venv .venv
  fi
  pkgs=(icalendar vobject jsonschema python-docx holidays selenium axe-selenium-python pypdf)
  [ "$level" = bench ] && pkgs+=(docxtpl jsonschema-rs)
  missing=()
  for p in "${pkgs[@]}"; do .venv/bin/pip show -q "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: pip installing ${missing[*]} into .venv"
    .venv/bin/pip install -q --disable-pip-version-check "${missing[@]}"
  fi
fi
