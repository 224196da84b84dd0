#!/usr/bin/env bash
# The three runs of issue 18's Table 2 ablation: the shipped recipe by iterations (12,803 = what the shipped 85-minute
# run reached), identical but for the ablated part. Each run resumes from its saved state, so this script can be
# started again after an interruption and carries on; a finished run is only re-evaluated if its eval.json is missing.
#   nohup bash tools/train/ablation-runs.sh > /tmp/ablation-runs.log 2>&1 &
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3
COMMON="--data dataset-train-a --iters 12803 --batch 2 --lr 1e-3 --warmup 200 --train-sizes 384,416,448,480 --resume"
for v in ${VARIANTS:-roipool softmax baseline}; do
  case $v in
    roipool) extra="--pooler roi_pool" ;;
    softmax) extra="--mask-activation softmax" ;;
    baseline) extra="" ;;
  esac
  out=tools/train/runs/$v
  # nice 19: the machine is also used for browser tests; the run yields to them and its result is unchanged.
  nice -n 19 $PY tools/train/train.py $COMMON $extra --out $out >> /tmp/train-$v.log 2>&1
  [ -f $out/eval.json ] || nice -n 19 $PY tools/train/evaluate.py --weights $out/model.pt --data dataset-val \
    --out $out/eval.json > /tmp/eval-$v.log 2>&1
done
