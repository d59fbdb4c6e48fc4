"""Synthesis benchmark (issue 4, section 3): how sweeps of 10 to 10,000 trials scale.

Each case is a function ``build_and_synth(size) -> documents written`` run by :func:`measure` in a
fresh Python process per size, so that start-up and peak memory are those of one synthesis.
For each size it reports the process's wall time, the time spent inside the case function, the
peak resident memory of Python and of its node (jsii) children together, documents per second
and the ratio of the wall time to the PyYAML baseline of the same size, measured in the same run.

Cases: ``pyyaml`` (the baseline: the same documents as plain dicts, ``yaml.safe_dump_all``),
``pyyaml-c`` (the same with libyaml's ``CSafeDumper``, for reference) and ``library`` (the
documents emitted with cdk8s ``ApiObject`` in one chart, ``app.synth()`` to files, as
``cdk8s synth`` does). Until the Sweep construct exists, ``library`` emits one Run per trial of
:func:`constructs_lib.sampling.expand`; replace :func:`library` with a real sweep when it does.

Usage: ``./dev bench [--sizes 10,100,1000] [--quick] [--repeat N]``. Linux only (reads /proc).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script, bench/ and not the project is on sys.path
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
os.environ.setdefault("JSII_RUNTIME_PACKAGE_CACHE_ROOT", str(ROOT / ".cache" / "jsii"))

SIZES = (10, 100, 1000, 10_000)
QUICK_SIZES = (10, 100)
SEED = 20_240_601
EXPERIMENT = "bench"
BASELINE = "pyyaml"
MIB = 1024 * 1024


@dataclass(frozen=True)
class Measurement:
    """One case at one size. Times in seconds, memory in bytes."""

    label: str
    size: int
    documents: int
    wall: float
    """The whole process: interpreter start, imports, the case, exit (node's shutdown included)."""
    work: float
    """Inside the case function only (imports it makes included)."""
    python_peak: int
    node_peak: int

    @property
    def peak(self) -> int:
        """Python's peak plus its node children's: an upper bound of their peak together."""
        return self.python_peak + self.node_peak

    @property
    def documents_per_second(self) -> float:
        """Documents written per second of wall time."""
        return self.documents / self.wall


def measure(label: str, build_and_synth: Callable[[int], int], sizes: Sequence[int],
            repeat: int = 1) -> list[Measurement]:
    """Run ``build_and_synth(size)`` in a fresh process for each of ``sizes``.

    :param build_and_synth: a module-level function (it is pickled by reference) that builds
        and writes ``size`` trials and returns the number of documents it wrote.
    :param repeat: runs per size; the fastest is kept. Default: 1.
    """
    return [min((_run_once(label, build_and_synth, size) for _ in range(repeat)), key=lambda m: m.wall)
            for size in sizes]


def _run_once(label: str, build_and_synth: Callable[[int], int], size: int) -> Measurement:
    context = multiprocessing.get_context("spawn")  # a new interpreter: nothing inherited or pre-imported
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, build_and_synth, size), name=f"{label}-{size}")
    start = time.perf_counter()
    process.start()
    sender.close()
    try:
        result = receiver.recv()
    except EOFError:  # the child died before sending; its traceback is on stderr
        result = None
    process.join()
    wall = time.perf_counter() - start
    if process.exitcode != 0 or result is None:
        raise RuntimeError(f"{label} at {size} trials failed with exit code {process.exitcode}")
    documents, work, python_peak, node_peak = result
    return Measurement(label, size, documents, wall, work, python_peak, node_peak)


def _child(sender: Connection, build_and_synth: Callable[[int], int], size: int) -> None:
    start = time.perf_counter()
    documents = build_and_synth(size)
    work = time.perf_counter() - start
    # VmHWM is each process's own high-water mark of resident memory, so reading it once, here,
    # gives the peaks over the whole synthesis. It must be read now: the jsii node processes (a
    # wrapper and its worker, children of this process) end when Python exits. After they exit,
    # getrusage(RUSAGE_CHILDREN) would not do: it reports the largest single descendant, not a
    # sum, and only for children that were waited for.
    python_peak = _high_water_mark(os.getpid())
    node_peak = sum(_high_water_mark(pid) for pid in _descendants(os.getpid()))
    sender.send((documents, work, python_peak, node_peak))
    sender.close()


def _high_water_mark(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (FileNotFoundError, ProcessLookupError):  # exited since it was listed
        pass
    return 0


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])  # field 4, after "(comm)"
            except (FileNotFoundError, ProcessLookupError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, pending = [], list(children.get(root, []))
    while pending:
        pid = pending.pop()
        found.append(pid)
        pending.extend(children.get(pid, []))
    return found


# --- the documents and the cases ------------------------------------------------------------

def _import_sampling_only() -> types.ModuleType:
    """``constructs_lib.sampling`` without running ``constructs_lib/__init__.py``.

    The package's ``__init__`` imports the constructs and so cdk8s, which would start node in the
    PyYAML baseline and charge it the library's fixed costs. A bare package object stands in for
    it when nothing has imported the real one yet.
    """
    if "constructs_lib" not in sys.modules:
        package = types.ModuleType("constructs_lib")
        package.__path__ = [str(ROOT / "constructs_lib")]
        sys.modules["constructs_lib"] = package
    import constructs_lib.sampling

    return constructs_lib.sampling


def run_documents(size: int) -> list[dict[str, Any]]:
    """``size`` Run objects of a random sweep over four parameters, as plain dicts."""
    sampling = _import_sampling_only()
    from constructs_lib.api_group import ApiGroup
    from constructs_lib.labels import EXPERIMENT as EXPERIMENT_LABEL, PART_OF, PART_OF_VALUE, SWEEP
    from constructs_lib.search_space import Scale, SearchParameter, Strategy, StrategyType

    space = (
        SearchParameter.double("learning_rate", 1e-5, 1e-1, scale=Scale.LOG),
        SearchParameter.double("dropout", 0.0, 0.5),
        SearchParameter.int("layers", 1, 12),
        SearchParameter.categorical("optimizer", ["adam", "adamw", "sgd", "rmsprop"]),
    )
    trials = sampling.expand(space, Strategy(type=StrategyType.RANDOM, max_runs=size, seed=SEED))
    group = ApiGroup()
    labels = {group.key(EXPERIMENT_LABEL): EXPERIMENT, group.key(SWEEP): EXPERIMENT, PART_OF: PART_OF_VALUE}
    return [{
        "apiVersion": group.api_version,
        "kind": "Run",
        "metadata": {"name": f"{EXPERIMENT}-{trial.key}", "labels": labels},
        "spec": {"experiment": EXPERIMENT, "parameters": dict(trial.parameters), "job": EXPERIMENT,
                 "jobIndex": index},
    } for index, trial in enumerate(trials)]


def pyyaml(size: int) -> int:
    """The baseline: plain dicts written with ``yaml.safe_dump_all`` (pure-Python emitter)."""
    import yaml

    return _write(size, lambda documents, stream: yaml.safe_dump_all(documents, stream))


def pyyaml_c(size: int) -> int:
    """The same documents written with libyaml's ``CSafeDumper``."""
    import yaml

    return _write(size, lambda documents, stream: yaml.dump_all(documents, stream, Dumper=yaml.CSafeDumper))


def _write(size: int, dump: Callable[[list[dict[str, Any]], Any], None]) -> int:
    documents = run_documents(size)
    with tempfile.TemporaryDirectory() as outdir, open(Path(outdir) / "sweep.yaml", "w", encoding="utf-8") as out:
        dump(documents, out)
    return len(documents)


def library(size: int) -> int:
    """The documents emitted as cdk8s ``ApiObject`` s in one chart, synthesized to files."""
    import cdk8s

    from constructs_lib.documents import emit

    documents = run_documents(size)
    with tempfile.TemporaryDirectory() as outdir:
        app = cdk8s.App(outdir=outdir)
        chart = cdk8s.Chart(app, EXPERIMENT)
        for document in documents:
            emit(chart, document["metadata"]["name"], document)
        app.synth()
    return len(documents)


CASES: dict[str, Callable[[int], int]] = {BASELINE: pyyaml, "pyyaml-c": pyyaml_c, "library": library}


# --- report ---------------------------------------------------------------------------------

def table(measurements: Sequence[Measurement]) -> str:
    """A readable table, sizes in order, with each row's wall time relative to the baseline's."""
    baseline = {m.size: m.wall for m in measurements if m.label == BASELINE}
    header = ("case", "trials", "docs", "wall s", "work s", "peak MiB", "python", "node", "docs/s", "x pyyaml")
    rows = [header]
    for m in sorted(measurements, key=lambda m: (m.size, list(CASES).index(m.label))):
        ratio = f"{m.wall / baseline[m.size]:.2f}" if m.size in baseline else "-"
        rows.append((m.label, str(m.size), str(m.documents), f"{m.wall:.2f}", f"{m.work:.2f}",
                     f"{m.peak / MIB:.0f}", f"{m.python_peak / MIB:.0f}", f"{m.node_peak / MIB:.0f}",
                     f"{m.documents_per_second:.0f}", ratio))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in
                               enumerate(zip(row, widths))) for row in rows)


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'--sizes' ({text!r}) must be comma-separated integers") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"'--sizes' ({text!r}) must all be >= 1")
    return sizes


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the command line, run every case at every size, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=_sizes, default=SIZES,
                        help="comma-separated trial counts (default: 10,100,1000,10000)")
    parser.add_argument("--quick", action="store_true", help="sizes 10,100 only: check that the harness works")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size, the fastest kept (default: 1)")
    parser.add_argument("--cases", default=",".join(CASES),
                        help=f"comma-separated cases (default: {','.join(CASES)}); ratios need {BASELINE}")
    args = parser.parse_args(argv)
    sizes = QUICK_SIZES if args.quick else args.sizes
    unknown = sorted(set(args.cases.split(",")) - set(CASES))
    if unknown:
        parser.error(f"'--cases' ({args.cases!r}) must be among {list(CASES)}, not {unknown}")
    if args.repeat < 1:
        parser.error(f"'--repeat' ({args.repeat}) must be >= 1")
    measurements: list[Measurement] = []
    for label in args.cases.split(","):
        print(f"{label}: sizes {', '.join(map(str, sizes))} ...", file=sys.stderr, flush=True)
        measurements += measure(label, CASES[label], sizes, args.repeat)
    print(table(measurements))


if __name__ == "__main__":
    main()
