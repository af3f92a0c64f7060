#!/usr/bin/env bash
# Installs what statecraft needs from Debian 12 packages (only what is missing), then
# configures and builds it in ./build. Sourced by scripts/demo and scripts/check.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
packages=(cmake make clang libclang-rt-14-dev libyaml-cpp-dev nlohmann-json3-dev libcli11-dev
          libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev libgmp-dev python3
          lrslib libxml2-utils chromium fonts-dejavu-core python3-jsonschema)
# lrslib: lrsnash, the tests' oracle for every extreme equilibrium; libxml2-utils: xmllint, to
# check the SVG charts; chromium: the browser the brief's pages are opened in by the tests, with
# the font its charts are measured for; python3-jsonschema: the validator of every JSON output
# against its schema in docs/schema/.

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "statecraft setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# A build folder configured with another compiler cannot be switched in place.
cache="$root/build/CMakeCache.txt"
if [ -f "$cache" ] && ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++' "$cache"; then
  rm -rf "$cache" "$root/build/CMakeFiles"
fi

# clang builds everything so that the libFuzzer target (fuzz/) builds alongside the tests.
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++ \
      -DSTATECRAFT_FUZZ=ON >/dev/null
cmake --build "$root/build" -j "$(nproc)" >&2
