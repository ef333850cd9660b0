#!/usr/bin/env python3
"""Times nnj against its peers, numpy and PyTorch, side by side in one session.

For each configuration it alternates the programs RUNS times (so that all see the same machine
load), takes from each run the median epoch time after the first (warm-up) epoch, and prints the
median over the runs, each peer's time over nnj's (above 1: nnj is faster), and the GFLOP/s nnj
achieves on the real work (the first layer's multiply-adds counted over the non-zero pixels only)
beside the machine's nominal peak.

The peers, as the project's issues prescribe:
  numpy    ../shared/bench/nielsen_ref.py --mode matrix (chapter 1) and toolkit_ref.py (the
           800-unit network), with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for that command
           only, so that OpenBLAS uses its native kernels;
  PyTorch  ../shared/bench/nielsen_torch.py and network3_torch.py under /usr/bin/python3 (Debian's
           python3-torch; install libopenblas0-pthread too, so that it runs on OpenBLAS rather
           than the reference BLAS), float32, two threads, OPENBLAS_NUM_THREADS=1 (with both pools
           at two threads they fight over two cores).
A peer that is not there (no script, no torch) is left out and said so.

Usage: bench/compare.py [--runs 3] [--epochs 4] [--data DIR] [--shared DIR] [--only NAMES]
  --only ch1-30,ch1-100,ch1-100-m100,relu800,conv2   (default: all but conv2, which takes minutes)
The data directory defaults to nnj's MNIST cache (run ./nnj datasets fetch first).
"""
import argparse, gzip, json, os, re, statistics, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TORCH_PYTHON = "/usr/bin/python3"


class Configuration:
    def __init__(self, name, sizes, batch, kind):
        self.name, self.sizes, self.batch, self.kind = name, sizes, batch, kind

    def label(self):
        if self.kind == "conv2":
            return "ch6 conv-conv-FC100 ReLU m=10"
        extra = " ReLU/softmax Adam" if self.kind == "relu800" else ""
        return f"[{self.sizes}]{extra} m={self.batch}"


CONFIGURATIONS = [
    Configuration("ch1-30", "784,30,10", 10, "ch1"),
    Configuration("ch1-100", "784,100,10", 10, "ch1"),
    Configuration("ch1-100-m100", "784,100,10", 100, "ch1"),
    Configuration("relu800", "784,800,10", 128, "relu800"),
    Configuration("conv2", None, 10, "conv2"),
]


def epoch_times(output):
    """Seconds of each epoch from lines such as 'Epoch 3: 9512 / 10000 (1.23 s)'."""
    return [float(t) for t in re.findall(r"^[Ee]poch \d+: .*?\(([0-9.]+) s", output, re.M)]


def after_warm_up(times):
    if len(times) < 2:
        raise RuntimeError(f"expected two epochs or more, got {times}")
    return statistics.median(times[1:])


def run(command, env=None):
    return subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout


def native_blas_env():
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    return env


def torch_env():
    env = dict(os.environ)
    env["OPENBLAS_NUM_THREADS"] = "1"
    return env


def nnj_spec(config, epochs):
    if config.kind == "relu800":
        path = os.path.join(ROOT, "examples", "experiments", "relu-800-adam.json")
    else:
        path = os.path.join(ROOT, "examples", "experiments", "ch6-conv-conv-fc100-relu.json")
    with open(path) as f:
        spec = json.load(f)
    spec["epochs"] = epochs
    handle, copy = tempfile.mkstemp(suffix=".json")
    with os.fdopen(handle, "w") as f:
        json.dump(spec, f)
    return copy


def nnj_seconds(config, epochs, data, precision="double"):
    if config.kind == "ch1":
        out = run([os.path.join(ROOT, "nnj"), "bench", "--sizes", config.sizes, "--batch",
                   str(config.batch), "--epochs", str(epochs), "--data", data,
                   "--precision", precision])
        return float(out.strip().splitlines()[-1].split()[2]) / 1000.0  # ms, after warm-up
    spec = nnj_spec(config, epochs)
    try:
        return after_warm_up(epoch_times(run([os.path.join(ROOT, "nnj"), "train", spec,
                                              "--data", data, "--precision", precision])))
    finally:
        os.remove(spec)


def numpy_seconds(shared, config, epochs, data):
    if config.kind == "ch1":
        command = [sys.executable, os.path.join(shared, "nielsen_ref.py"), data, "--mode",
                   "matrix", "--sizes", config.sizes, "--batch", str(config.batch)]
    elif config.kind == "relu800":
        command = [sys.executable, os.path.join(shared, "toolkit_ref.py"), data, "--sizes",
                   config.sizes, "--batch", str(config.batch), "--eta", "0.001",
                   "--hidden-act", "relu", "--out", "softmax", "--cost", "loglik",
                   "--init", "he", "--opt", "adam", "--eval", "test"]
    else:
        return None  # no numpy convolution peer
    return after_warm_up(epoch_times(run(command + ["--epochs", str(epochs)],
                                         native_blas_env())))


def torch_seconds(shared, config, epochs, data):
    if config.kind == "conv2":
        command = [TORCH_PYTHON, os.path.join(shared, "network3_torch.py"), "--model",
                   "conv2-relu", "--epochs", "2"]
    else:
        model = "ch1" if config.kind == "ch1" else "relu800"
        command = [TORCH_PYTHON, os.path.join(shared, "nielsen_torch.py"), "--model", model,
                   "--sizes", config.sizes, "--batch", str(config.batch),
                   "--epochs", str(epochs)]
    command += ["--threads", "2", "--dtype", "float32", data]
    return after_warm_up(epoch_times(run(command, torch_env())))


def have_torch():
    if not os.path.exists(TORCH_PYTHON):
        return False
    return subprocess.run([TORCH_PYTHON, "-c", "import torch"], capture_output=True).returncode == 0


def mean_non_zero_pixels(data):
    """The training images' mean count of non-zero pixels (of 784)."""
    for name in ("train-images-idx3-ubyte", "train-images-idx3-ubyte.gz"):
        path = os.path.join(data, name)
        if os.path.exists(path):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rb") as f:
                pixels = f.read()[16:]
            images = len(pixels) // 784
            return (len(pixels) - pixels.count(0)) / images
    return None


def real_gflop(config, non_zero, examples=50000):
    """Multiply-adds of an epoch's training, counted as 2 FLOP each: forward and weight gradient
    of every layer (the first over the non-zero pixels only), and the errors carried back
    through every layer but the first."""
    if config.kind == "conv2":
        # conv 20x5x5 on 28x28 (576 positions), conv 40x(20x5x5) on 12x12 (64), FC 640x100, 100x10
        conv1 = 576 * 20 * 25
        conv2 = 64 * 40 * 500
        dense = 640 * 100 + 100 * 10
        macs = 2 * conv1 + 3 * conv2 + 3 * dense  # the first layer carries no errors back
        return 2.0 * macs * examples / 1e9
    sizes = [int(n) for n in config.sizes.split(",")]
    first = (non_zero or sizes[0]) * sizes[1]
    rest = sum(a * b for a, b in zip(sizes[1:-1], sizes[2:]))
    macs = 2 * first + 3 * rest
    return 2.0 * macs * examples / 1e9


def nominal_peak():
    """Cores x clock x double-precision FLOP per cycle (two FMA units of 8 lanes with AVX-512,
    4 with AVX2): the ceiling that no program reaches, printed to give the GFLOP/s a scale."""
    try:
        with open("/proc/cpuinfo") as f:
            info = f.read()
    except OSError:
        return None, ""
    flags = re.search(r"^flags\s*:(.*)$", info, re.M)
    mhz = re.search(r"^cpu MHz\s*:\s*([0-9.]+)", info, re.M)
    model = re.search(r"^model name\s*:\s*(.*)$", info, re.M)
    if not flags or not mhz:
        return None, ""
    flags = flags.group(1).split()
    lanes = 8 if "avx512f" in flags else 4 if "avx2" in flags else 2
    cores = os.cpu_count() or 1
    peak = cores * float(mhz.group(1)) / 1000.0 * 2 * lanes * 2
    vectors = "AVX-512" if lanes == 8 else "AVX2" if lanes == 4 else "SSE"
    return peak, f"{model.group(1) if model else '?'}, {cores} cores, {vectors}, {mhz.group(1)} MHz"


def main():
    default_data = os.environ.get("NNJ_DATA") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "nnj", "mnist")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--data", default=default_data)
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared", "bench"),
                        help="where nielsen_ref.py, toolkit_ref.py and the torch scripts are")
    parser.add_argument("--precision", choices=["double", "float"], default="double",
                        help="nnj's parameters: double (the book's) or float")
    parser.add_argument("--only", default="ch1-30,ch1-100,ch1-100-m100,relu800")
    args = parser.parse_args()
    if args.epochs < 2:
        parser.error("--epochs must be at least 2: the first is warm-up")
    names = args.only.split(",")
    unknown = [n for n in names if n not in {c.name for c in CONFIGURATIONS}]
    if unknown:
        parser.error(f"unknown configuration(s) {unknown}; known: "
                     + ", ".join(c.name for c in CONFIGURATIONS))
    numpy_there = os.path.exists(os.path.join(args.shared, "nielsen_ref.py"))
    torch_there = have_torch() and os.path.exists(os.path.join(args.shared, "nielsen_torch.py"))
    if not numpy_there:
        print(f"(no numpy peer under {args.shared}: left out)")
    if not torch_there:
        print(f"(no PyTorch under {TORCH_PYTHON} or no torch scripts: left out; "
              "apt-get install -y python3-torch libopenblas0-pthread)")
    peak, machine = nominal_peak()
    print(f"machine: {machine}; nominal peak {peak:.0f} GFLOP/s in double" if peak else
          "machine: unknown")
    non_zero = mean_non_zero_pixels(args.data)
    print(f"{'configuration':<38} {'nnj s':>8} {'numpy s':>8} {'torch s':>8}"
          f" {'numpy/nnj':>9} {'torch/nnj':>9} {'GFLOP/s':>8}"
          f"   (medians of {args.runs} alternating runs, epochs after the first)")
    for config in CONFIGURATIONS:
        if config.name not in names:
            continue
        ours, numpy, torch = [], [], []
        epochs = 2 if config.kind == "conv2" else args.epochs
        for _ in range(args.runs):
            ours.append(nnj_seconds(config, epochs, args.data, args.precision))
            if numpy_there:
                seconds = numpy_seconds(args.shared, config, epochs, args.data)
                if seconds is not None:
                    numpy.append(seconds)
            if torch_there:
                torch.append(torch_seconds(args.shared, config, epochs, args.data))
        mine = statistics.median(ours)
        cell = lambda xs: f"{statistics.median(xs):>8.3f}" if xs else f"{'—':>8}"
        ratio = lambda xs: f"{statistics.median(xs) / mine:>8.2f}x" if xs else f"{'—':>9}"
        print(f"{config.label():<38} {mine:>8.3f} {cell(numpy)} {cell(torch)} {ratio(numpy)}"
              f" {ratio(torch)} {real_gflop(config, non_zero) / mine:>8.1f}")
        rounded = lambda xs: "[" + ", ".join(f"{x:.3f}" for x in xs) + "]"
        print(f"{'':<38} runs: nnj {rounded(ours)} numpy {rounded(numpy)} torch {rounded(torch)}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
