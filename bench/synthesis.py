"""Synthesis benchmark (issue 4, section 3): how sweeps of 10 to 10,000 trials scale.

Each case is a function ``build_and_synth(size) -> documents written`` run by :func:`measure` in a
fresh Python process per size, so that start-up and peak memory are those of one synthesis.
For each size it reports the process's wall time, the time spent inside the case function, the
peak resident memory of Python and of its node (jsii) children together, documents per second
and the ratio of the wall time to the PyYAML baseline of the same size, measured in the same run.

Cases, each writing the same documents (an Experiment with a 4-parameter random search, its
NetworkPolicy, the parameter ConfigMaps, the Indexed Job and one Run per trial):

- ``library``: the real constructs (Experiment and Sweep) in one chart, ``app.synth()`` to files,
  as ``cdk8s synth`` does.
- ``pyyaml``, the baseline: the same documents built by plain dict code of this module and written
  with ``yaml.safe_dump_all``; ``pyyaml-c``: the same with libyaml's ``CSafeDumper``.

Before measuring, :func:`check_same_documents` verifies, at the smallest size, that the baseline's
YAML and the library's parse to the same documents. After the table, ``cdk8s synth`` of main.py
is timed once, and each target of the issue is reported as met or missed.

Usage: ``./dev bench [--sizes 10,100,1000] [--quick] [--repeat N] [--cases ...] [--no-cli]``, or
``.venv/bin/python bench/synthesis.py ...`` in a set-up project. Linux only (reads /proc).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import subprocess
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
#
# Both sides synthesize the same sweep: an Experiment with four searched parameters and one fixed
# one, random search over it (max_runs = the size, parallelism 10, a fixed seed), its
# NetworkPolicy, the ConfigMaps holding each index's parameters, the Indexed Job and one Run
# record per trial, in a chart with a namespace. Both expand the trials with
# constructs_lib.sampling (pure Python, the same work on both sides); everything after that the
# baseline does with plain dict code of its own. check_same_documents() proves, before anything
# is measured, that the two write documents that parse equal.

NAMESPACE = "ml"
IMAGE = "registry.example.com/ml/train@sha256:" + "0123456789abcdef" * 4
COMMAND = ["python", "train.py"]
FIXED = {"epochs": "10"}
PARALLELISM = 10
GROUP = "ai.example.com"
CONFIGMAP_BYTES = 200_000  # constructs_lib.sweep._CONFIGMAP_BYTES
CHART_FILE, RECORDS_FILE = f"{EXPERIMENT}.k8s.yaml", f"{EXPERIMENT}-sweep-runs.k8s.yaml"


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


def _sweep_inputs(size: int) -> tuple[tuple[Any, ...], Any]:
    """The search space and strategy of the benchmark sweep (library objects, no cdk8s)."""
    _import_sampling_only()
    from constructs_lib.search_space import Scale, SearchParameter, Strategy, StrategyType

    space = (
        SearchParameter.double("learning_rate", 1e-5, 1e-1, scale=Scale.LOG),
        SearchParameter.double("dropout", 0.0, 0.5),
        SearchParameter.int("layers", 1, 12),
        SearchParameter.categorical("optimizer", ["adam", "adamw", "sgd", "rmsprop"]),
    )
    return space, Strategy(type=StrategyType.RANDOM, max_runs=size, parallelism=min(PARALLELISM, size), seed=SEED)


# The baseline: plain dicts.

def _hash(value: Any, length: int = 8) -> str:
    canonical = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:length]


def _labels(component: str, **extra: str) -> dict[str, str]:
    return {f"{GROUP}/experiment": EXPERIMENT, **extra, "app.kubernetes.io/component": component,
            "app.kubernetes.io/managed-by": "cdk8s", "app.kubernetes.io/name": EXPERIMENT,
            "app.kubernetes.io/part-of": "ai-experiments"}


def _metadata(name: str, labels: dict[str, str]) -> dict[str, Any]:
    return {"name": name, "namespace": NAMESPACE, "labels": labels}


def _job_spec(trials: int, configmaps: list[str], labels: dict[str, str]) -> dict[str, Any]:
    context = {"runAsGroup": 65532, "runAsNonRoot": True, "runAsUser": 65532,
               "seccompProfile": {"type": "RuntimeDefault"}}
    field = lambda path: {"fieldRef": {"apiVersion": "v1", "fieldPath": path}}  # noqa: E731
    container = {
        "name": "training", "image": IMAGE, "imagePullPolicy": "IfNotPresent", "command": COMMAND,
        "args": [f"--{name}={value}" for name, value in sorted(FIXED.items())],
        "env": [{"name": "RUN_EXPERIMENT", "value": EXPERIMENT},
                {"name": "RUN_NAMESPACE", "valueFrom": field("metadata.namespace")},
                {"name": "TRIAL_INDEX",
                 "valueFrom": field("metadata.annotations['batch.kubernetes.io/job-completion-index']")},
                {"name": "RUN_PARAMETERS_FILE", "value": "/etc/sweep/$(TRIAL_INDEX).json"},
                {"name": "RUN_OUTPUT_DIR", "value": "/outputs"}],
        "resources": {"limits": {"cpu": "2", "memory": "8Gi"}, "requests": {"cpu": "2", "memory": "8Gi"}},
        "securityContext": {"allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}, "privileged": False,
                            "readOnlyRootFilesystem": True, **context},
        "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "FallbackToLogsOnError",
        "volumeMounts": [{"mountPath": path, "name": name, "readOnly": name == "sweep-parameters"} for path, name in
                         (("/etc/sweep", "sweep-parameters"), ("/outputs", "outputs"), ("/tmp", "tmp"),
                          ("/dev/shm", "dshm"))],
    }
    pod = {"automountServiceAccountToken": False, "containers": [container], "enableServiceLinks": False,
           "restartPolicy": "Never",
           "securityContext": {"fsGroup": 65532, "fsGroupChangePolicy": "OnRootMismatch", **context},
           "terminationGracePeriodSeconds": 30,
           "volumes": [{"name": "sweep-parameters", "projected": {"defaultMode": 0o644, "sources": [
                           {"configMap": {"name": name}} for name in configmaps]}},
                       {"name": "outputs", "emptyDir": {"sizeLimit": "20Gi"}},
                       {"name": "tmp", "emptyDir": {"sizeLimit": "1Gi"}},
                       {"name": "dshm", "emptyDir": {"sizeLimit": "1Gi", "medium": "Memory"}}]}
    return {"backoffLimit": 2**31 - 1, "backoffLimitPerIndex": 2, "completionMode": "Indexed", "completions": trials,
            "parallelism": min(PARALLELISM, trials),
            "podFailurePolicy": {"rules": [{"action": "Ignore",
                                            "onPodConditions": [{"status": "True", "type": "DisruptionTarget"}]}]},
            "suspend": False, "template": {"metadata": {"labels": labels}, "spec": pod}}


def _encoded_size(text: str) -> int:
    return (len(text) + 2 + text.count('"') + text.count("\\")
            + 5 * (text.count("<") + text.count(">") + text.count("&")))


def _chunks(files: dict[str, str]) -> list[dict[str, str]]:
    chunks: list[dict[str, str]] = [{}]
    size = 0
    for key, content in files.items():
        entry = _encoded_size(key) + _encoded_size(content) + 2
        if chunks[-1] and size + entry > CONFIGMAP_BYTES:
            chunks.append({})
            size = 0
        chunks[-1][key] = content
        size += entry
    return chunks


def baseline_documents(size: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The chart's documents and the Run records, as plain dicts."""
    sampling = _import_sampling_only()
    space, strategy = _sweep_inputs(size)
    trials = sampling.expand(space, strategy)
    experiment = {
        "apiVersion": f"{GROUP}/v1", "kind": "Experiment", "metadata": _metadata(EXPERIMENT, _labels("experiment")),
        "spec": {"algorithm": "neural-network", "parameters": [f"{k}={v}" for k, v in FIXED.items()],
                 "searchSpace": [
                     {"name": "learning_rate", "type": "double", "min": 1e-5, "max": 0.1, "scale": "log"},
                     {"name": "dropout", "type": "double", "min": 0.0, "max": 0.5},
                     {"name": "layers", "type": "int", "min": 1, "max": 12},
                     {"name": "optimizer", "type": "categorical", "values": ["adam", "adamw", "sgd", "rmsprop"]}],
                 "strategy": {"type": "random", "maxRuns": size, "parallelism": min(PARALLELISM, size), "seed": SEED}}}
    policy = {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
              "metadata": _metadata(f"{EXPERIMENT}-deny-ingress", _labels("experiment")),
              "spec": {"podSelector": {"matchLabels": {f"{GROUP}/experiment": EXPERIMENT}}, "policyTypes": ["Ingress"]}}
    labels = _labels("sweep", **{f"{GROUP}/sweep": EXPERIMENT})
    parameters = [{**FIXED, **dict(trial.parameters)} for trial in trials]
    job_name = f"{EXPERIMENT}-{_hash([_job_spec(size, ['provisional'], labels), parameters])}"
    runs = [f"{job_name}-{trial.key[:10]}" for trial in trials]
    files = {f"{index}.json": json.dumps({"parameters": dict(sorted(values.items())), "run": run},
                                         sort_keys=True, separators=(",", ":"))
             for index, (run, values) in enumerate(zip(runs, parameters))}
    configmaps = [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": _metadata(f"{job_name}-p{index}", labels),
                   "data": chunk, "immutable": True} for index, chunk in enumerate(_chunks(files))]
    job = {"apiVersion": "batch/v1", "kind": "Job", "metadata": _metadata(job_name, labels),
           "spec": _job_spec(size, [c["metadata"]["name"] for c in configmaps], labels)}
    annotations = {"argocd.argoproj.io/sync-options": "Prune=false", "kustomize.toolkit.fluxcd.io/prune": "disabled"}
    records = [{"apiVersion": f"{GROUP}/v1", "kind": "Run",
                "metadata": {"annotations": annotations, "labels": {**labels, "app.kubernetes.io/component": "run",
                                                                    f"{GROUP}/run": run},
                             "name": run, "namespace": NAMESPACE},
                "spec": {"experiment": EXPERIMENT, "parameters": dict(sorted(values.items())), "image": IMAGE,
                         "job": job_name, "jobIndex": index}}
               for index, (run, values) in enumerate(zip(runs, parameters))]
    return [experiment, policy, *configmaps, job], records


def pyyaml(size: int) -> int:
    """The baseline: plain dicts written with ``yaml.safe_dump_all`` (pure-Python emitter)."""
    import yaml

    return _write(size, lambda documents, stream: yaml.safe_dump_all(documents, stream))


def pyyaml_c(size: int) -> int:
    """The same documents written with libyaml's ``CSafeDumper``."""
    import yaml

    return _write(size, lambda documents, stream: yaml.dump_all(documents, stream, Dumper=yaml.CSafeDumper))


def _write(size: int, dump: Callable[[list[dict[str, Any]], Any], None], outdir: str | None = None) -> int:
    chart, records = baseline_documents(size)
    with tempfile.TemporaryDirectory() as temporary:
        for name, documents in ((CHART_FILE, chart), (RECORDS_FILE, records)):
            with open(Path(outdir or temporary) / name, "w", encoding="utf-8") as out:
                dump(documents, out)
    return len(chart) + len(records)


# The library: the real constructs, synthesized as `cdk8s synth` does.

def _synthesize(size: int, outdir: str) -> int:
    import cdk8s

    from constructs_lib.experiment import Experiment
    from constructs_lib.job_template import TrainingTemplate
    from constructs_lib.sweep import Sweep

    space, strategy = _sweep_inputs(size)
    app = cdk8s.App(outdir=outdir)
    chart = cdk8s.Chart(app, EXPERIMENT, namespace=NAMESPACE)
    experiment = Experiment(chart, "experiment", name=EXPERIMENT, algorithm="neural-network",
                            template=TrainingTemplate(image=IMAGE, command=COMMAND), parameters=FIXED,
                            search_space=space, strategy=strategy)
    sweep = Sweep(chart, "sweep", experiment=experiment)
    app.synth()
    configmaps = sum(1 for child in sweep.node.children if child.node.id.startswith("Parameters"))
    return 2 + configmaps + 1 + len(sweep.trials)


def library(size: int) -> int:
    """An Experiment and its Sweep in one chart, synthesized to files with ``app.synth()``."""
    with tempfile.TemporaryDirectory() as outdir:
        return _synthesize(size, outdir)


CASES: dict[str, Callable[[int], int]] = {BASELINE: pyyaml, "pyyaml-c": pyyaml_c, "library": library}


def _check_same_documents_child(size: int) -> None:
    import yaml

    def read(directory: str) -> list[Any]:
        files = sorted(Path(directory).iterdir(), key=lambda p: (p.name != CHART_FILE, p.name))
        return [document for path in files for document in yaml.safe_load_all(path.read_text(encoding="utf-8"))]

    with tempfile.TemporaryDirectory() as ours, tempfile.TemporaryDirectory() as theirs:
        written = _synthesize(size, ours)
        _write(size, lambda documents, stream: yaml.safe_dump_all(documents, stream), theirs)
        library_documents, baseline = read(ours), read(theirs)
    if library_documents != baseline or written != len(baseline):
        differ = [(d.get("kind"), d["metadata"].get("name")) for d, e in zip(library_documents, baseline) if d != e]
        raise SystemExit(f"the baseline does not build the library's documents at {size} trials "
                         f"({len(baseline)} vs {len(library_documents)} documents; differing: {differ[:3]}): "
                         "update baseline_documents() to mirror the library's output")


def check_same_documents(size: int) -> None:
    """Fail unless the baseline's YAML and the library's parse to the same documents, in order.

    Run in a fresh process, so that the parent, which starts the measured processes, never
    imports cdk8s.
    """
    process = multiprocessing.get_context("spawn").Process(target=_check_same_documents_child, args=(size,))
    process.start()
    process.join()
    if process.exitcode != 0:
        raise SystemExit(f"check of the baseline's documents failed (exit code {process.exitcode})")


def cli_synth() -> tuple[float, int]:
    """Wall time of ``cdk8s synth`` of main.py (the CLI, Python and node, as ./dev synth runs it),
    and the number of documents it wrote."""
    env = {**os.environ, "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20",
           "JSII_RUNTIME_PACKAGE_CACHE_ROOT": str(ROOT / ".cache" / "jsii"), "TMPDIR": str(ROOT / ".cache" / "tmp"),
           "PYTHONDONTWRITEBYTECODE": "1", "npm_config_cache": str(ROOT / ".cache" / "npm"),
           "npm_config_update_notifier": "false"}
    (ROOT / ".cache" / "tmp").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as outdir:
        start = time.perf_counter()
        finished = subprocess.run([str(ROOT / "node_modules" / ".bin" / "cdk8s"), "synth", "--no-check-upgrade",
                                   "-o", outdir], cwd=ROOT, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if finished.returncode != 0:
            raise RuntimeError(f"cdk8s synth failed ({finished.returncode}):\n{finished.stdout}{finished.stderr}")
        documents = sum(text.count("\n---\n") + 1 for text in
                        (path.read_text(encoding="utf-8") for path in Path(outdir).glob("*.yaml")) if text.strip())
    return wall, documents


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


def verdicts(measurements: Sequence[Measurement], cli: float | None) -> list[str]:
    """Each target of issue 4 that the measurements cover, met or not."""
    by = {(m.label, m.size): m for m in measurements}
    found = []
    largest = by.get(("library", 10_000))
    if largest:
        found.append(f"{'met' if largest.wall < 30 else 'MISSED'}: 10,000 trials in {largest.wall:.1f} s (< 30 s)")
        found.append(f"{'met' if largest.peak < 1024 * MIB else 'MISSED'}: 10,000 trials peak "
                     f"{largest.peak / MIB:.0f} MiB, python + node (< 1024 MiB)")
    for size in (1_000, 10_000):
        if ("library", size) in by and (BASELINE, size) in by:
            ratio = by["library", size].wall / by[BASELINE, size].wall
            found.append(f"{'met' if ratio <= 3 else 'MISSED'}: {size:,} trials at {ratio:.2f}x the PyYAML "
                         "baseline (<= 3x)")
    if cli is not None:
        found.append(f"{'met' if cli < 5 else 'MISSED'}: cdk8s synth of main.py in {cli:.1f} s (< 5 s)")
    return found


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the command line, check that both sides build the same documents, run every case at
    every size, time `cdk8s synth` of main.py, print the table and the targets."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=_sizes, default=SIZES,
                        help="comma-separated trial counts (default: 10,100,1000,10000)")
    parser.add_argument("--quick", action="store_true", help="sizes 10,100 only: check that the harness works")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size, the fastest kept (default: 1)")
    parser.add_argument("--cases", default=",".join(CASES),
                        help=f"comma-separated cases (default: {','.join(CASES)}); ratios need {BASELINE}")
    parser.add_argument("--no-cli", action="store_true", help="skip timing `cdk8s synth` of main.py")
    args = parser.parse_args(argv)
    sizes = QUICK_SIZES if args.quick else args.sizes
    unknown = sorted(set(args.cases.split(",")) - set(CASES))
    if unknown:
        parser.error(f"'--cases' ({args.cases!r}) must be among {list(CASES)}, not {unknown}")
    if args.repeat < 1:
        parser.error(f"'--repeat' ({args.repeat}) must be >= 1")
    print(f"checking that the baseline builds the library's documents ({min(sizes)} trials) ...",
          file=sys.stderr, flush=True)
    check_same_documents(min(sizes))
    measurements: list[Measurement] = []
    for label in args.cases.split(","):
        print(f"{label}: sizes {', '.join(map(str, sizes))} ...", file=sys.stderr, flush=True)
        measurements += measure(label, CASES[label], sizes, args.repeat)
    print(table(measurements))
    cli = None
    if not args.no_cli:
        print("cdk8s synth of main.py ...", file=sys.stderr, flush=True)
        cli, documents = cli_synth()
        print(f"\ncdk8s synth of main.py: {cli:.2f} s wall, {documents} documents")
    print()
    print("\n".join(verdicts(measurements, cli)))


if __name__ == "__main__":
    main()
