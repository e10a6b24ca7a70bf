#!/usr/bin/env bash
# Headless Chromium for the HTML-report test (tests/test_diff.py). Best effort: where it
# cannot be installed (not root, no apt-get), that one test is skipped and says why.
set -u
for b in chromium chromium-browser google-chrome; do
  command -v "$b" >/dev/null 2>&1 && exit 0
done
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: no Chromium and no root apt-get; the browser test will be skipped" >&2
  exit 0
fi
echo "install-browser: installing Debian's chromium for the HTML report test" >&2
if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium) >/tmp/kwaldossier-browser.log 2>&1; then
  echo "install-browser: apt-get failed (see /tmp/kwaldossier-browser.log); the browser test will be skipped" >&2
fi
exit 0
