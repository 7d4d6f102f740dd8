#!/usr/bin/env bash
# Executes the notebooks headlessly on the Deno kernel and fails when any cell raises.
#
#   npm run notebooks                        every notebooks/*.ipynb, full size, outputs saved in place
#   npm run notebooks -- notebooks/trust.ipynb   only the ones named
#   DRAAGVLAK_QUICK=1 npm run notebooks      quick mode: small runs, executed into a temporary folder,
#                                            the committed notebooks (and their outputs) untouched
#
# Needs the built library (dist/, `npm run build`) and scripts/setup-notebooks.sh (run here).
set -euo pipefail
export PYDEVD_DISABLE_FILE_VALIDATION=1
cd "$(dirname "$0")/.."

bash scripts/setup-notebooks.sh
[ -f dist/src/index.js ] || npm run build

if [ "$#" -gt 0 ]; then notebooks=("$@"); else notebooks=(notebooks/*.ipynb); fi

quick="${DRAAGVLAK_QUICK:-}"
if [ "$quick" = "1" ]; then
  target=(--output-dir "$(mktemp -d "${TMPDIR:-/tmp}/draagvlak-notebooks.XXXXXX")")
  timeout=300
else
  target=(--inplace)
  timeout=1800
fi

status=0
total_start=$(date +%s)
for nb in "${notebooks[@]}"; do
  start=$(date +%s)
  # record_timing off: re-running changes only what the model computed, not timestamps.
  if jupyter nbconvert --to notebook --execute "${target[@]}" \
      --ExecutePreprocessor.kernel_name=deno \
      --ExecutePreprocessor.timeout="$timeout" \
      --ExecutePreprocessor.record_timing=False \
      "$nb" >/tmp/draagvlak-nbconvert.$$.log 2>&1; then
    echo "notebooks: ${nb} ok ($(( $(date +%s) - start )) s${quick:+, quick})"
  else
    status=1
    echo "notebooks: ${nb} FAILED ($(( $(date +%s) - start )) s${quick:+, quick})" >&2
    # the cell that failed and its error, without nbconvert's own traceback
    if grep -q 'An error occurred while executing' /tmp/draagvlak-nbconvert.$$.log; then
      sed -n '/An error occurred while executing/,$p' /tmp/draagvlak-nbconvert.$$.log | head -60 >&2
    else
      tail -40 /tmp/draagvlak-nbconvert.$$.log >&2
    fi
  fi
done
rm -f /tmp/draagvlak-nbconvert.$$.log
echo "notebooks: ${#notebooks[@]} notebook(s) in $(( $(date +%s) - total_start )) s${quick:+; executed copies in ${target[1]}}"
exit "$status"
