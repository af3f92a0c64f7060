#!/usr/bin/env bash
# Installs what statecraft needs from Debian 12 packages (only what is missing), then
# configures and builds it. Run by scripts/check (everything, in ./build) and, with
# --program-only, by scripts/demo (the program alone, in ./build-program: fewer packages and a
# fraction of the build).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
program_only=false
[ "${1:-}" = --program-only ] && program_only=true

packages=(cmake make clang libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev libgmp-dev libglpk-dev libpugixml-dev libsqlite3-dev libssl-dev)
if ! $program_only; then
  packages+=(libclang-rt-14-dev libgtest-dev libgmock-dev libbenchmark-dev python3
             lrslib libxml2-utils chromium fonts-dejavu-core graphviz zsh python3-jsonschema
             pybind11-dev python3-pybind11 python3-dev python3-pandas python3-pytest libopenmpi-dev openmpi-bin)
fi
# For the tests: lrslib: lrsnash, the oracle for every extreme equilibrium; libxml2-utils:
# xmllint, to check the SVG charts; chromium: the browser the brief's pages are opened in, with
# the font its charts are measured for; graphviz: dot, which stability --graph FILE.svg runs;
# zsh, to parse the zsh completion; python3-jsonschema: the validator of every JSON output
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

build="$root/build"
$program_only && build="$root/build-program"

# A build folder configured with another compiler cannot be switched in place.
cache="$build/CMakeCache.txt"
if [ -f "$cache" ] && ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++' "$cache"; then
  rm -rf "$cache" "$build/CMakeFiles"
fi

# clang builds everything so that the libFuzzer target (fuzz/) builds alongside the tests.
if $program_only; then
  options=(-DSTATECRAFT_TESTS=OFF -DSTATECRAFT_FUZZ=OFF)
else
  options=(-DSTATECRAFT_TESTS=ON -DSTATECRAFT_FUZZ=ON)
fi
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++ "${options[@]}" >/dev/null
cmake --build "$build" -j "$(nproc)" >&2
