"""Sweep: an experiment's search space expanded into an Indexed Job, its parameter ConfigMaps and
one Run record per trial (or one Kueue-gated TrainingRun per trial)."""

from __future__ import annotations

import dataclasses
import json
import math
import os
import subprocess
import sys
from collections import Counter
from itertools import product
from pathlib import Path

import cdk8s
import pytest
import yaml

from constructs_lib import CustomResourceDefinitions, labels
from constructs_lib.experiment import Experiment
from constructs_lib.job_template import ParameterPassing, TrainingTemplate
from constructs_lib.naming import DNS_LABEL_MAX, JOB_NAME_MAX
from constructs_lib.pod_security import restricted_violations
from constructs_lib.provenance import Dataset, Source
from constructs_lib.resources import Resources
from constructs_lib.search_space import Scale, SearchParameter, Strategy, StrategyType
from constructs_lib.sweep import Sweep, SweepMode
from tests.checks import assert_semantically_valid

ROOT = Path(__file__).resolve().parents[1]
IMAGE = "registry.example.com/ml/train@sha256:" + "1" * 64
TEMPLATE = TrainingTemplate(image=IMAGE, command=["python", "train.py"])
SPACE = (SearchParameter.double("learning_rate", 1e-4, 1e-1, scale=Scale.LOG),
         SearchParameter.int("layers", 1, 4),
         SearchParameter.categorical("optimizer", ["adam", "sgd"]))
RANDOM = Strategy(type=StrategyType.RANDOM, max_runs=12, parallelism=3, seed=7)
EXPERIMENT_LABEL, RUN_LABEL, SWEEP_LABEL = "ai.example.com/experiment", "ai.example.com/run", "ai.example.com/sweep"
COMPLETION_INDEX = "metadata.annotations['batch.kubernetes.io/job-completion-index']"
ANNOTATION_LIMIT = 256 * 1024  # an object's annotations, last-applied-configuration included
CONFIGMAP_LIMIT = 1024 * 1024  # a ConfigMap's data


@dataclasses.dataclass
class Output:
    """What a sweep synthesizes: the chart's documents and the Run records, checked."""

    sweep: Sweep
    documents: list[dict]
    records: list[dict]

    def kind(self, kind: str) -> list[dict]:
        return [d for d in self.documents if d["kind"] == kind]

    @property
    def job(self) -> dict:
        (job,) = self.kind("Job")
        return job

    @property
    def pod(self) -> dict:
        return self.job["spec"]["template"]["spec"]

    @property
    def files(self) -> dict[int, dict]:
        """Every index's parameter file, parsed; no file in two ConfigMaps."""
        files: dict[int, dict] = {}
        for configmap in self.kind("ConfigMap"):
            for key, content in configmap["data"].items():
                index = int(key.removesuffix(".json"))
                assert key == f"{index}.json" and index not in files
                files[index] = json.loads(content)
        return files

    @property
    def configurations(self) -> list[dict[str, str]]:
        """Each Run record's parameters, in index order."""
        return [r["spec"]["parameters"] for r in sorted(self.records, key=lambda r: r["spec"]["jobIndex"])]


def sweep(chart: cdk8s.Chart | None = None, *, search_space=SPACE, strategy: Strategy | None = RANDOM,
          parameters=None, experiment_options: dict | None = None, validate: bool = True, **options) -> Output:
    chart = chart or cdk8s.Testing.chart()
    experiment = Experiment(chart, "exp", **{"name": "mnist", "algorithm": "cnn", "template": TEMPLATE,
                                             "parameters": {"epochs": 3} if parameters is None else parameters,
                                             "search_space": search_space, "strategy": strategy,
                                             **(experiment_options or {})})
    result = Sweep(chart, "sweep", experiment=experiment, **options)
    documents = cdk8s.Testing.synth(chart)
    records = cdk8s.Testing.synth(result.records) if result.records is not None else []
    if validate:
        assert_semantically_valid(documents + records)
    return Output(result, documents, records)


def namespaced_chart(namespace: str = "ml", **options) -> cdk8s.Chart:
    return cdk8s.Chart(cdk8s.Testing.app(), "experiments", namespace=namespace, **options)


def grid(*space: SearchParameter, max_runs: int | None = None, parallelism: int | None = None) -> dict:
    return {"search_space": space,
            "strategy": Strategy(type=StrategyType.GRID, max_runs=max_runs, parallelism=parallelism)}


# --- a representative sweep -----------------------------------------------------------------

def test_a_random_sweep_of_a_dozen_trials(snapshot):
    out = sweep(namespaced_chart(), experiment_options={
        "source": Source(repository="https://github.com/org/mnist", revision="9e1f0c2"),
        "datasets": [Dataset(name="mnist", uri="pvc://mnist/v1", version="1")]})
    assert [d["kind"] for d in out.documents] == ["Experiment", "NetworkPolicy", "ConfigMap", "Job"]
    assert [r["kind"] for r in out.records] == ["Run"] * 12
    job, sweep_ = out.job, out.sweep
    assert job["metadata"]["name"] == sweep_.job_name and sweep_.name == "mnist"
    assert job["metadata"]["name"].startswith("mnist-") and len(job["metadata"]["name"]) == len("mnist-") + 8
    assert sweep_.runs == () and len(sweep_.trials) == 12
    for index, record in enumerate(out.records):
        assert record["spec"] == {
            "experiment": "mnist", "parameters": {"epochs": "3", **dict(sweep_.trials[index].parameters)},
            "image": IMAGE, "source": {"repository": "https://github.com/org/mnist", "revision": "9e1f0c2"},
            "datasets": [{"name": "mnist", "uri": "pvc://mnist/v1", "version": "1"}],
            "job": sweep_.job_name, "jobIndex": index}
        assert record["metadata"]["name"] == f"{sweep_.job_name}-{sweep_.trials[index].key[:10]}"
        assert record["metadata"]["namespace"] == "ml" and "status" not in record
    assert out.files == {r["spec"]["jobIndex"]: {"run": r["metadata"]["name"], "parameters": r["spec"]["parameters"]}
                         for r in out.records}
    training = out.pod["containers"][0]
    assert training["args"] == ["--epochs=3"]  # the searched parameters come from the file
    assert out.pod["restartPolicy"] == "Never" and restricted_violations(out.pod) == []
    text = yaml.safe_dump_all(out.documents + out.records, sort_keys=False)
    assert text == snapshot


# --- strategies -----------------------------------------------------------------------------

def test_grid_of_int_double_step_and_categorical_is_the_full_cartesian_product():
    out = sweep(**grid(SearchParameter.int("layers", 1, 3),
                       SearchParameter.int("width", 64, 256, step=64),
                       SearchParameter.double("dropout", 0.1, 0.3, step=0.1),
                       SearchParameter.categorical("optimizer", ["adam", "sgd"])), parameters={})
    expected = [dict(zip(("dropout", "layers", "optimizer", "width"), values)) for values in product(
        ["0.1", "0.2", "0.3"], ["1", "2", "3"], ["adam", "sgd"], ["64", "128", "192", "256"])]
    assert out.configurations == expected  # name order, the last parameter varying fastest
    assert out.job["spec"]["completions"] == len(out.records) == len(out.files) == 3 * 3 * 2 * 4


def test_log_scale_grid_is_geometric():
    out = sweep(**grid(SearchParameter.double("learning_rate", 1e-4, 1e-1, step=10, scale=Scale.LOG),
                       SearchParameter.int("batch", 16, 256, step=2, scale=Scale.LOG)), parameters={})
    assert out.configurations == [{"batch": batch, "learning_rate": rate} for batch, rate in product(
        ["16", "32", "64", "128", "256"], ["0.0001", "0.001", "0.01", "0.1"])]


def test_random_log_scale_is_log_uniform_and_within_bounds():
    out = sweep(search_space=[SearchParameter.double("learning_rate", 1e-4, 1e-1, scale=Scale.LOG),
                              SearchParameter.int("layers", 1, 3)],
                strategy=Strategy(type=StrategyType.RANDOM, max_runs=300, parallelism=10, seed=1), validate=False)
    rates = [float(c["learning_rate"]) for c in out.configurations]
    assert all(1e-4 <= rate <= 1e-1 for rate in rates)
    decades = Counter(math.floor(math.log10(rate)) for rate in rates if rate < 1e-1)
    assert set(decades) == {-4, -3, -2} and all(70 <= count <= 130 for count in decades.values())  # 100 each
    assert {c["layers"] for c in out.configurations} == {"1", "2", "3"}  # integer bounds inclusive
    assert_semantically_valid(out.documents + out.records[:5])


def test_random_sweep_has_no_duplicate_configurations_and_unique_names():
    # 4 x 3 = 12 configurations, all asked for: random search must find every one exactly once.
    out = sweep(search_space=[SearchParameter.int("layers", 1, 4),
                              SearchParameter.categorical("optimizer", ["a", "b", "c"])],
                strategy=Strategy(type=StrategyType.RANDOM, max_runs=12, seed=3), parameters={})
    configurations = [tuple(sorted(c.items())) for c in out.configurations]
    assert len(set(configurations)) == 12
    assert set(configurations) == {(("layers", str(layers)), ("optimizer", o)) for layers in range(1, 5) for o in "abc"}
    assert len({r["metadata"]["name"] for r in out.records}) == 12
    bigger = sweep(strategy=Strategy(type=StrategyType.RANDOM, max_runs=200, parallelism=10, seed=11), validate=False)
    assert len({tuple(sorted(c.items())) for c in bigger.configurations}) == 200
    assert len({r["metadata"]["name"] for r in bigger.records}) == 200


def synth_to(outdir: str) -> None:
    """Synthesize the reproducibility sweep to files, as `cdk8s synth` does (also run in a subprocess)."""
    app = cdk8s.App(outdir=outdir)
    sweep(cdk8s.Chart(app, "experiments", namespace="ml"), validate=False,
          strategy=Strategy(type=StrategyType.RANDOM, max_runs=40, parallelism=4, seed=2024))
    app.synth()


def test_output_is_byte_identical_in_another_process(tmp_path):
    synth_to(str(tmp_path / "here"))
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", "import sys; from tests.test_sweep import synth_to; synth_to(sys.argv[1])",
                    str(tmp_path / "there")], cwd=ROOT, env=env, check=True, timeout=120)
    here = {p.name: p.read_bytes() for p in (tmp_path / "here").iterdir()}
    there = {p.name: p.read_bytes() for p in (tmp_path / "there").iterdir()}
    assert len(here) == 2 and here == there  # the chart's file and the Run records' file
    assert sum(text.count(b"\nkind: Run\n") for text in here.values()) == 40


def test_declaration_order_changes_neither_names_nor_the_job():
    first = sweep(search_space=SPACE, parameters={"epochs": 3, "batch": 64})
    second = sweep(search_space=tuple(reversed(SPACE)), parameters={"batch": 64, "epochs": 3})
    assert first.sweep.job_name == second.sweep.job_name
    assert [r["metadata"]["name"] for r in first.records] == [r["metadata"]["name"] for r in second.records]
    assert first.records == second.records
    assert first.kind("Job") == second.kind("Job") and first.kind("ConfigMap") == second.kind("ConfigMap")


# --- the Indexed Job ------------------------------------------------------------------------

@pytest.mark.parametrize(("strategy", "trials", "parallelism"), [
    (Strategy(type=StrategyType.RANDOM, max_runs=12, parallelism=5, seed=1), 12, 5),
    (Strategy(type=StrategyType.RANDOM, max_runs=12, seed=1), 12, 3),  # the default, 3
    (Strategy(type=StrategyType.GRID), 2, 2),  # never more than the trials
    (Strategy(type=StrategyType.GRID, parallelism=8), 2, 2),
])
def test_indexed_job_runs_every_trial_with_bounded_parallelism(strategy, trials, parallelism):
    space = SPACE if strategy.type is StrategyType.RANDOM else [SearchParameter.categorical("optimizer", ["a", "b"])]
    out = sweep(search_space=space, strategy=strategy)
    spec = out.job["spec"]
    assert spec["completionMode"] == "Indexed"
    assert spec["completions"] == trials == len(out.records)
    assert spec["parallelism"] == parallelism
    assert sorted(r["spec"]["jobIndex"] for r in out.records) == list(range(trials))


def test_each_index_reads_its_own_parameters_file():
    out = sweep(template=dataclasses.replace(TEMPLATE, backoff_limit=4, non_retriable_exit_codes=[3, 42]))
    spec = out.job["spec"]
    assert spec["backoffLimitPerIndex"] == 4 and spec["backoffLimit"] == 2**31 - 1
    assert spec["podFailurePolicy"]["rules"] == [
        {"action": "FailIndex", "onExitCodes": {"containerName": "training", "operator": "In", "values": [3, 42]},
         "onPodConditions": []},
        {"action": "Ignore", "onPodConditions": [{"status": "True", "type": "DisruptionTarget"}]}]
    assert spec["suspend"] is False
    training = out.pod["containers"][0]
    env = {variable["name"]: variable for variable in training["env"]}
    assert env["TRIAL_INDEX"] == {"name": "TRIAL_INDEX",
                                  "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": COMPLETION_INDEX}}}
    assert env["RUN_PARAMETERS_FILE"] == {"name": "RUN_PARAMETERS_FILE", "value": "/etc/sweep/$(TRIAL_INDEX).json"}
    names = [variable["name"] for variable in training["env"]]
    assert names.index("TRIAL_INDEX") < names.index("RUN_PARAMETERS_FILE")  # $(...) sees earlier variables only
    assert "RUN_NAME" not in env  # one pod template for every index: the run's name is in the file
    assert {"mountPath": "/etc/sweep", "name": "sweep-parameters", "readOnly": True} in training["volumeMounts"]
    (volume,) = [v for v in out.pod["volumes"] if v["name"] == "sweep-parameters"]
    assert volume == {"name": "sweep-parameters", "projected": {"defaultMode": 0o644, "sources": [
        {"configMap": {"name": c["metadata"]["name"]}} for c in out.kind("ConfigMap")]}}
    for configmap in out.kind("ConfigMap"):
        assert configmap["immutable"] is True
    assert restricted_violations(out.pod) == []


def test_parameter_file_of_index_i_names_the_run_with_job_index_i():
    out = sweep(**grid(SearchParameter.int("layers", 1, 5), SearchParameter.categorical("optimizer", ["adam", "sgd"])))
    files = out.files
    assert sorted(files) == list(range(10))  # every index exactly once
    for record in out.records:
        index = record["spec"]["jobIndex"]
        assert files[index] == {"run": record["metadata"]["name"], "parameters": record["spec"]["parameters"]}
        assert record["spec"]["job"] == out.job["metadata"]["name"]
    assert len({json.dumps(f["parameters"], sort_keys=True) for f in files.values()}) == 10


def test_a_fixed_parameter_that_is_also_searched_comes_from_the_file_only():
    out = sweep(parameters={"epochs": 3, "layers": 2})
    assert out.pod["containers"][0]["args"] == ["--epochs=3"]
    assert [c["layers"] for c in out.configurations] == [dict(t.parameters)["layers"] for t in out.sweep.trials]


def test_fixed_parameters_follow_the_template_s_parameter_passing():
    out = sweep(template=dataclasses.replace(TEMPLATE, parameters_as=ParameterPassing.ENV))
    training = out.pod["containers"][0]
    assert "args" not in training and {"name": "PARAM_EPOCHS", "value": "3"} in training["env"]


# --- names ----------------------------------------------------------------------------------

def names(out: Output) -> set[str]:
    return {out.job["metadata"]["name"], *(r["metadata"]["name"] for r in out.records),
            *(c["metadata"]["name"] for c in out.kind("ConfigMap"))}


@pytest.mark.parametrize("change", [
    {"search_space": (*SPACE[:2], SearchParameter.categorical("optimizer", ["adam", "sgd", "adamw"]))},
    {"strategy": dataclasses.replace(RANDOM, seed=8)},
    {"strategy": dataclasses.replace(RANDOM, parallelism=4)},
    {"template": dataclasses.replace(TEMPLATE, resources=Resources(cpu=4))},
    {"template": dataclasses.replace(TEMPLATE, image=IMAGE.replace("1" * 64, "2" * 64))},
    {"parameters": {"epochs": 4}},
])
def test_a_changed_sweep_never_reuses_a_name_of_the_previous_version(change):
    before, again, after = sweep(), sweep(), sweep(**change)
    assert names(before) == names(again) and before.documents == again.documents  # unchanged: the same names
    assert names(before).isdisjoint(names(after))
    assert len(names(after)) == len(after.records) + 1 + len(after.kind("ConfigMap"))


def test_names_fit_their_limits():
    out = sweep(experiment_options={"name": "a-very-long-experiment-name-that-describes-the-study"})
    assert len(out.sweep.name) <= 30 and out.sweep.name.startswith("a-very-long")
    assert len(out.job["metadata"]["name"]) <= JOB_NAME_MAX
    assert all(len(r["metadata"]["name"]) <= DNS_LABEL_MAX for r in out.records)
    assert all(len(c["metadata"]["name"]) <= DNS_LABEL_MAX for c in out.kind("ConfigMap"))
    assert all(r["metadata"]["labels"][SWEEP_LABEL] == out.sweep.name for r in out.records)


def test_a_given_sweep_name_prefixes_every_name():
    out = sweep(name="lr-search")
    assert all(name.startswith("lr-search-") for name in names(out))


# --- labels, annotations, namespace ---------------------------------------------------------

def test_labels_tie_runs_jobs_pods_and_configmaps_to_the_experiment_and_sweep():
    out = sweep(namespaced_chart(labels={"cost-center": "ml", "team": "chart"}), labels={"team": "vision"})
    common = {EXPERIMENT_LABEL: "mnist", SWEEP_LABEL: "mnist", "team": "vision",
              "app.kubernetes.io/managed-by": "cdk8s", "app.kubernetes.io/name": "mnist",
              "app.kubernetes.io/part-of": "ai-experiments"}
    for document in (out.job, out.job["spec"]["template"], *out.kind("ConfigMap")):
        assert document["metadata"]["labels"].items() >= {**common, "app.kubernetes.io/component": "sweep"}.items()
        assert RUN_LABEL not in document["metadata"]["labels"]
    for record in out.records:
        assert record["metadata"]["labels"] == {**common, "app.kubernetes.io/component": "run",
                                                "cost-center": "ml", RUN_LABEL: record["metadata"]["name"]}
        assert record["metadata"]["annotations"] == dict(labels.KEEP_ON_PRUNE)
    # The NetworkPolicy that denies ingress selects the sweep's pods.
    (policy,) = out.kind("NetworkPolicy")
    pod_labels = out.job["spec"]["template"]["metadata"]["labels"]
    assert policy["spec"]["podSelector"]["matchLabels"].items() <= pod_labels.items()


def test_namespace_of_the_chart_applies_to_every_document_and_record():
    out = sweep(namespaced_chart("team-a"))
    assert {d["metadata"]["namespace"] for d in out.documents + out.records} == {"team-a"}
    unscoped = sweep()
    assert all("namespace" not in d["metadata"] for d in unscoped.documents + unscoped.records)


def test_records_are_written_in_a_file_of_their_own_after_the_crds(tmp_path):
    app = cdk8s.App(outdir=str(tmp_path))
    api = cdk8s.Chart(app, "api")
    CustomResourceDefinitions(api, "crds")
    experiments = cdk8s.Chart(app, "experiments", namespace="ml")
    experiments.add_dependency(api)
    out = sweep(experiments)
    app.synth()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["0000-api.k8s.yaml", "0001-experiments.k8s.yaml", "0002-experiments-sweep-runs-c8fd54aa.k8s.yaml"]
    assert list(yaml.safe_load_all((tmp_path / files[1]).read_text())) == out.documents
    assert list(yaml.safe_load_all((tmp_path / files[2]).read_text())) == out.records


# --- size -----------------------------------------------------------------------------------

def configmap_sizes(configmap: dict) -> tuple[int, int]:
    """The data's size as the API server counts it, and the object's JSON as kubectl's
    last-applied annotation holds it (Go escapes <, > and & as \\u00XX)."""
    data = sum(len(key.encode()) + len(value.encode()) for key, value in configmap["data"].items())
    encoded = json.dumps(configmap, separators=(",", ":"))
    return data, len(encoded) + 5 * sum(encoded.count(c) for c in "<>&")


def test_a_large_sweep_splits_its_parameter_files_across_configmaps():
    out = sweep(strategy=Strategy(type=StrategyType.RANDOM, max_runs=2_500, parallelism=50, seed=5), validate=False)
    configmaps = out.kind("ConfigMap")
    assert len(configmaps) >= 2 and len(out.records) == 2_500
    for configmap in configmaps:
        data, annotation = configmap_sizes(configmap)
        assert data < CONFIGMAP_LIMIT and annotation < ANNOTATION_LIMIT - 4096
    assert sorted(out.files) == list(range(2_500))
    assert [s["configMap"]["name"] for s in out.pod["volumes"][0]["projected"]["sources"]] == \
        [c["metadata"]["name"] for c in configmaps]
    assert_semantically_valid([*out.documents, *out.records[:3], out.records[-1]])


def test_escaping_counts_towards_the_configmap_size():
    # Values of 128 quotes, backslashes or '<': 2 to 6 times longer in the annotation than in the data.
    values = ['"' * 128, "\\" * 128, "<" * 128, "&>" * 64]
    space = [SearchParameter.categorical(f"p{i}", values) for i in range(10)]
    out = sweep(search_space=space, strategy=Strategy(type=StrategyType.RANDOM, max_runs=150, parallelism=3, seed=1),
                validate=False)
    configmaps = out.kind("ConfigMap")
    assert len(configmaps) >= 4
    for configmap in configmaps:
        assert configmap_sizes(configmap)[1] < ANNOTATION_LIMIT - 4096
    assert sorted(out.files) == list(range(150))
    assert out.files[0]["parameters"] == out.configurations[0]
    assert_semantically_valid([*out.documents, *out.records[:3]])


# --- one Job per trial ----------------------------------------------------------------------

def test_job_per_trial_gives_each_trial_a_kueue_gated_training_run():
    template = dataclasses.replace(TEMPLATE, queue="team-a")
    out = sweep(namespaced_chart(), template=template, mode=SweepMode.JOB_PER_TRIAL, labels={"team": "vision"},
                **grid(SearchParameter.int("layers", 1, 2), SearchParameter.categorical("optimizer", ["adam", "sgd"])))
    assert out.sweep.records is None and out.sweep.job_name is None and out.records == []
    assert [d["kind"] for d in out.documents] == ["Experiment", "NetworkPolicy"] + ["Run", "Job"] * 4
    runs, jobs = out.kind("Run"), out.kind("Job")
    assert [run.name for run in out.sweep.runs] == [r["metadata"]["name"] for r in runs]
    assert [dict(run.parameters) for run in out.sweep.runs] == [
        {"epochs": "3", **dict(trial.parameters)} for trial in out.sweep.trials]
    for trial, run, record, job in zip(out.sweep.trials, out.sweep.runs, runs, jobs):
        assert run.given_name == f"mnist-{trial.key[:8]}"
        assert record["spec"]["job"] == job["metadata"]["name"] == run.job_name
        assert job["metadata"]["labels"]["kueue.x-k8s.io/queue-name"] == "team-a"
        assert "suspend" not in job["spec"]  # left to Kueue
        assert job["spec"]["completionMode"] == "NonIndexed" and job["spec"]["completions"] == 1
        assert job["metadata"]["labels"][SWEEP_LABEL] == record["metadata"]["labels"][SWEEP_LABEL] == "mnist"
        assert record["metadata"]["labels"]["team"] == "vision"
        assert record["metadata"]["annotations"] == dict(labels.KEEP_ON_PRUNE)
        training = job["spec"]["template"]["spec"]["containers"][0]
        assert training["args"] == [f"--{k}={v}" for k, v in sorted(run.parameters.items())]
        assert restricted_violations(job["spec"]["template"]["spec"]) == []
    assert len({r["metadata"]["name"] for r in runs}) == 4


def test_an_indexed_sweep_with_a_queue_is_admitted_by_kueue_as_one_job():
    out = sweep(template=dataclasses.replace(TEMPLATE, queue="team-a"))
    assert out.job["metadata"]["labels"]["kueue.x-k8s.io/queue-name"] == "team-a"
    assert "suspend" not in out.job["spec"]
