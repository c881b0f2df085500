#!/usr/bin/env bash
# Times `swift build` and `bash .ci/test` from fresh clones of each revision given, one after the other on this
# machine, with ../shared beside each clone as CI has it. Nothing else should run meanwhile.
#
#   bash Benchmarks/scripts/clean_clone_timing.sh REV [REV ...]     (e.g. 521f514 HEAD)
#
# Prints `REV build|test exit=N seconds=S` per measurement; the clones live under ${WORK:-/tmp/wangge-timing}.
set -uo pipefail
cd "$(dirname "$0")/../.."
repository="$PWD"
shared="$(cd .. && pwd)/shared"
work="${WORK:-/tmp/wangge-timing}"
for rev in "$@"; do
    commit="$(git rev-parse --short "$rev")"
    for what in build test; do
        root="$work/$commit-$what"
        rm -rf "$root"
        mkdir -p "$root"
        git clone -q "$repository" "$root/main" && (cd "$root/main" && git checkout -q "$commit")
        ln -s "$shared" "$root/shared"
        start=$(date +%s.%N)
        if [ "$what" = build ]; then
            (cd "$root/main" && swift build > "$root/log.txt" 2>&1)
        else
            (cd "$root/main" && bash .ci/test > "$root/log.txt" 2>&1)
        fi
        status=$?
        end=$(date +%s.%N)
        printf '%s %s exit=%s seconds=%.1f\n' "$commit" "$what" "$status" "$(python3 -c "print($end - $start)")"
        rm -rf "$root/main/.build"
    done
done
