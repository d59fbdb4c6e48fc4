"""TrainingRun: the Run record, the Job that executes it, and the status writer's RBAC."""

from __future__ import annotations

import dataclasses

import cdk8s
import yaml

from constructs_lib import labels
from constructs_lib.experiment import Experiment
from constructs_lib.job_template import ParameterPassing, Toleration, TolerationEffect, TrainingTemplate
from constructs_lib.naming import JOB_NAME_MAX
from constructs_lib.pod_security import restricted_violations
from constructs_lib.provenance import Dataset, Source
from constructs_lib.resources import Resources
from constructs_lib.search_space import SearchParameter
from constructs_lib.volumes import ClaimVolume, Mount
from tests.checks import assert_semantically_valid

IMAGE = "registry.example.com/ml/train@sha256:" + "1" * 64
TEMPLATE = TrainingTemplate(image=IMAGE)


def experiment(chart: cdk8s.Chart, **options) -> Experiment:
    return Experiment(chart, "exp", **{"name": "exp-1234", "algorithm": "neural-network",
                                       "parameters": {"learning_rate": 0.01, "layers": 3},
                                       "template": TEMPLATE, **options})


def synth(chart: cdk8s.Chart) -> list[dict]:
    documents = cdk8s.Testing.synth(chart)
    assert_semantically_valid(documents)
    return documents


def by_kind(documents: list[dict]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for document in documents:
        assert document["kind"] not in found, f"two {document['kind']} objects"
        found[document["kind"]] = document
    return found


def one_run(chart: cdk8s.Chart | None = None, experiment_options: dict | None = None, **run_options) -> dict[str, dict]:
    chart = chart or cdk8s.Testing.chart()
    experiment(chart, deny_ingress=False, **(experiment_options or {})).add_run("baseline", **run_options)
    return by_kind(synth(chart))


def test_run_and_job(snapshot):
    chart = cdk8s.Chart(cdk8s.Testing.app(), "training", namespace="ml")
    exp = experiment(chart, source=Source(repository="https://github.com/org/mnist", revision="9e1f0c2"),
                     datasets=[Dataset(name="mnist", uri="pvc://mnist/v1", version="1")])
    run = exp.add_run("baseline", seed=42, tags=["first"])
    documents = synth(chart)
    assert [d["kind"] for d in documents] == ["Experiment", "NetworkPolicy", "Run", "Job"]
    objects = by_kind(documents)
    record, job = objects["Run"], objects["Job"]
    assert record["metadata"]["name"] == job["metadata"]["name"] == run.name == run.job_name == record["spec"]["job"]
    assert run.name.startswith("baseline-") and len(run.name) == len("baseline-") + 8
    assert record["spec"] == {"experiment": "exp-1234", "parameters": {"layers": "3", "learning_rate": "0.01"},
                              "seed": 42, "image": IMAGE,
                              "source": {"repository": "https://github.com/org/mnist", "revision": "9e1f0c2"},
                              "datasets": [{"name": "mnist", "uri": "pvc://mnist/v1", "version": "1"}],
                              "tags": ["first"], "job": run.name}
    assert "status" not in record
    assert record["metadata"]["annotations"] == dict(labels.KEEP_ON_PRUNE)
    pod = job["spec"]["template"]["spec"]
    assert pod["restartPolicy"] == "Never" and restricted_violations(pod) == []
    assert pod["containers"][0]["args"] == ["--layers=3", "--learning_rate=0.01"]
    assert pod["containers"][0]["env"][:5] == [
        {"name": "RUN_NAME", "value": run.name}, {"name": "RUN_EXPERIMENT", "value": "exp-1234"},
        {"name": "RUN_NAMESPACE", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"}}},
        {"name": "RUN_SEED", "value": "42"}, {"name": "RUN_OUTPUT_DIR", "value": "/outputs"}]
    assert (run.parameters, run.seed, run.reports_status) == ({"learning_rate": "0.01", "layers": "3"}, 42, False)
    assert yaml.safe_dump_all(documents, sort_keys=False) == snapshot


def test_job_pods_and_run_share_the_labels_that_tie_them_together():
    objects = one_run(labels={"team": "vision"})
    record, job = objects["Run"], objects["Job"]
    expected = {"ai.example.com/experiment": "exp-1234", "ai.example.com/run": record["metadata"]["name"],
                "app.kubernetes.io/component": "run", "app.kubernetes.io/managed-by": "cdk8s",
                "app.kubernetes.io/name": "exp-1234", "app.kubernetes.io/part-of": "ai-experiments", "team": "vision"}
    assert record["metadata"]["labels"] == job["metadata"]["labels"] == job["spec"]["template"]["metadata"]["labels"] \
        == expected


def test_names_are_stable_and_change_with_the_content():
    def name(**run_options) -> str:
        return one_run(**run_options)["Job"]["metadata"]["name"]

    baseline = name()
    assert name() == baseline  # deterministic across syntheses
    assert name(parameters={"layers": 4}) != baseline
    assert name(seed=1) != baseline
    assert name(template=dataclasses.replace(TEMPLATE, resources=Resources(cpu=4))) != baseline
    assert name(tags=["x"]) != baseline
    assert name(parameters={"layers": 3}) == baseline  # the same value as inherited: the same run


def test_output_is_byte_identical_on_every_synthesis():
    def text() -> str:
        chart = cdk8s.Testing.chart()
        exp = experiment(chart)
        exp.add_run("a", parameters={"layers": 5}, reports_status=True)
        exp.add_run("b", seed=3)
        return yaml.safe_dump_all(cdk8s.Testing.synth(chart))

    assert text() == text()


def test_long_names_fit_their_limits_with_a_stable_hash():
    name = "a-very-long-run-name-that-describes-the-configuration-tried"  # 58 characters
    chart = cdk8s.Testing.chart()
    run = experiment(chart).add_run(name)
    objects = by_kind(synth(chart))
    assert len(run.name) <= 63 and len(run.job_name) <= JOB_NAME_MAX
    assert run.name != run.job_name and run.job_name.startswith("a-very-long-run-name")
    assert objects["Run"]["spec"]["job"] == objects["Job"]["metadata"]["name"] == run.job_name
    assert objects["Job"]["spec"]["template"]["metadata"]["labels"]["ai.example.com/run"] == run.name
    assert run.given_name == name


def test_parameters_as_environment_variables():
    objects = one_run(template=dataclasses.replace(TEMPLATE, parameters_as=ParameterPassing.ENV))
    training = objects["Job"]["spec"]["template"]["spec"]["containers"][0]
    assert "args" not in training
    assert {"name": "PARAM_LEARNING_RATE", "value": "0.01"} in training["env"]
    assert {"name": "PARAM_LAYERS", "value": "3"} in training["env"]


def test_parameters_inside_the_search_space_are_accepted():
    objects = one_run(experiment_options={"search_space": [
        SearchParameter.double("learning_rate", 0.0001, 0.1), SearchParameter.int("layers", 1, 8),
        SearchParameter.categorical("optimizer", ["sgd", "adam"])]},
        parameters={"learning_rate": 0.1, "layers": 8, "optimizer": "adam", "extra": "free"})
    assert objects["Run"]["spec"]["parameters"] == {"extra": "free", "layers": "8", "learning_rate": "0.1",
                                                    "optimizer": "adam"}


def test_a_gpu_run_with_everything(snapshot):
    chart = cdk8s.Chart(cdk8s.Testing.app(), "gpu", namespace="ml")
    template = TrainingTemplate(
        image=IMAGE, command=["torchrun", "--nproc-per-node=4", "train.py"],
        resources=Resources(cpu=32, memory="256Gi", gpu=4), shm_size="64Gi", tmp_size="10Gi",
        node_selector={"nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3"},
        tolerations=[Toleration(key="nvidia.com/gpu", effect=TolerationEffect.NO_SCHEDULE)],
        volumes=[Mount(name="imagenet", path="/data/imagenet", source=ClaimVolume(claim_name="imagenet"))],
        output=Mount(name="checkpoints", path="/checkpoints",
                     source=ClaimVolume(claim_name="checkpoints", read_only=False), read_only=False),
        backoff_limit=1, non_retriable_exit_codes=[3], active_deadline_seconds=7 * 24 * 3600,
        priority_class="gpu-training", queue="gpu-team-a", termination_grace_period_seconds=120)
    experiment(chart, template=template).add_run("h100", parameters={"layers": 50}, reports_status=True)
    documents = synth(chart)
    objects = by_kind(documents)
    job = objects["Job"]
    assert job["metadata"]["labels"]["kueue.x-k8s.io/queue-name"] == "gpu-team-a"
    assert "kueue.x-k8s.io/queue-name" not in objects["Run"]["metadata"]["labels"]
    pod = job["spec"]["template"]["spec"]
    assert pod["containers"][0]["resources"]["limits"]["nvidia.com/gpu"] == "4"
    assert restricted_violations(pod) == []
    assert yaml.safe_dump_all(documents, sort_keys=False) == snapshot


def test_a_run_that_reports_status_may_write_only_its_own_status():
    chart = cdk8s.Chart(cdk8s.Testing.app(), "ns", namespace="ml")
    run = experiment(chart, deny_ingress=False).add_run("baseline", reports_status=True)
    documents = synth(chart)
    assert [d["kind"] for d in documents] == ["Experiment", "Run", "Job", "ServiceAccount", "Role", "RoleBinding"]
    objects = by_kind(documents)
    assert objects["ServiceAccount"]["metadata"]["name"] == run.name
    assert objects["ServiceAccount"]["automountServiceAccountToken"] is False
    assert objects["Role"]["rules"] == [{"apiGroups": ["ai.example.com"], "resourceNames": [run.name],
                                         "resources": ["runs/status"], "verbs": ["get", "patch", "update"]}]
    assert objects["RoleBinding"]["roleRef"] == {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role",
                                                 "name": run.name}
    assert objects["RoleBinding"]["subjects"] == [{"kind": "ServiceAccount", "name": run.name, "namespace": "ml"}]
    for document in documents:
        assert "*" not in yaml.safe_dump(document.get("rules", []))
    pod = objects["Job"]["spec"]["template"]["spec"]
    assert pod["serviceAccountName"] == run.name and pod["automountServiceAccountToken"] is False
    assert any(v["name"] == "service-account-token" for v in pod["volumes"])
    assert run.reports_status


def test_status_writer_without_a_chart_namespace_binds_in_its_own_namespace():
    objects = one_run(reports_status=True)
    assert objects["RoleBinding"]["subjects"] == [{"kind": "ServiceAccount", "name": objects["Run"]["metadata"]["name"]}]


def test_escape_hatches_reach_the_output():
    chart = cdk8s.Testing.chart()
    run = experiment(chart).add_run("baseline")
    run.job.add_json_patch(cdk8s.JsonPatch.add("/spec/template/metadata/annotations", {"note": "x"}))
    run.resource.add_json_patch(cdk8s.JsonPatch.add("/spec/tags", ["patched"]))
    objects = by_kind(synth(chart))
    assert objects["Job"]["spec"]["template"]["metadata"]["annotations"] == {"note": "x"}
    assert objects["Run"]["spec"]["tags"] == ["patched"]
    assert dict(run.labels)["ai.example.com/run"] == run.name


def test_several_runs_in_one_experiment_are_found_by_the_experiment_label():
    chart = cdk8s.Testing.chart()
    exp = experiment(chart)
    for layers in (2, 4, 8):
        exp.add_run(f"layers-{layers}", parameters={"layers": layers})
    documents = synth(chart)
    selected = [d for d in documents if d["metadata"]["labels"].get("ai.example.com/experiment") == "exp-1234"]
    assert len(selected) == len(documents) == 2 + 3 * 2
    assert len({d["metadata"]["name"] for d in documents if d["kind"] == "Job"}) == 3
    assert [run.given_name for run in exp.runs] == ["layers-2", "layers-4", "layers-8"]
