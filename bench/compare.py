#!/usr/bin/env python3
"""Times nnj against the numpy restatement of Nielsen's chapter 1, side by side in one run.

For each configuration it alternates the two programs RUNS times (so that both see the same
machine load), takes from each run the median epoch time after the first (warm-up) epoch, and
prints the median over the runs and the ratio numpy / nnj.

Usage: bench/compare.py [--runs 3] [--epochs 4] [--data DIR] [--reference PATH]
The reference is ../shared/bench/nielsen_ref.py beside this repository unless --reference says
otherwise; without it only nnj is timed. The data directory defaults to nnj's MNIST cache
(run ./nnj datasets fetch first).
"""
import argparse, os, re, statistics, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIGURATIONS = [("784,30,10", 10), ("784,100,10", 10), ("784,100,10", 100)]


def nnj_seconds(sizes, batch, epochs, data):
    out = subprocess.run(
        [os.path.join(ROOT, "nnj"), "bench", "--sizes", sizes, "--batch", str(batch),
         "--epochs", str(epochs), "--data", data],
        check=True, capture_output=True, text=True).stdout
    row = out.strip().splitlines()[-1].split()
    return float(row[2]) / 1000.0  # ms per epoch, median of the epochs after the first


def numpy_seconds(reference, sizes, batch, epochs, data):
    out = subprocess.run(
        [sys.executable, reference, data, "--mode", "matrix", "--sizes", sizes,
         "--batch", str(batch), "--epochs", str(epochs)],
        check=True, capture_output=True, text=True).stdout
    times = [float(t) for t in re.findall(r"\(([0-9.]+) s\)", out)]
    return statistics.median(times[1:])


def main():
    default_data = os.environ.get("NNJ_DATA") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "nnj", "mnist")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--data", default=default_data)
    parser.add_argument("--reference",
                        default=os.path.join(ROOT, "..", "shared", "bench", "nielsen_ref.py"))
    args = parser.parse_args()
    if args.epochs < 2:
        parser.error("--epochs must be at least 2: the first is warm-up")
    have_reference = os.path.exists(args.reference)
    if not have_reference:
        print(f"(no reference at {args.reference}: timing nnj only)")

    print(f"{'sizes':<12} {'m':>4} {'nnj s/epoch':>12} {'numpy s/epoch':>14} {'numpy/nnj':>10}"
          f"   (medians of {args.runs} runs, each the median of epochs 2..{args.epochs})")
    for sizes, batch in CONFIGURATIONS:
        ours, theirs = [], []
        for _ in range(args.runs):
            ours.append(nnj_seconds(sizes, batch, args.epochs, args.data))
            if have_reference:
                theirs.append(numpy_seconds(args.reference, sizes, batch, args.epochs, args.data))
        nnj_median = statistics.median(ours)
        if have_reference:
            numpy_median = statistics.median(theirs)
            print(f"{sizes:<12} {batch:>4} {nnj_median:>12.3f} {numpy_median:>14.3f}"
                  f" {numpy_median / nnj_median:>9.2f}x")
        else:
            print(f"{sizes:<12} {batch:>4} {nnj_median:>12.3f}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
