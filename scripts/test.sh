#!/usr/bin/env bash
# Runs the whole test suite (unit, conformance, corpus and CLI tests). Tests that need ../shared skip
# with a notice when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build --build-tests
swift test --skip-build
