"""The Experiment construct: the Experiment object, its NetworkPolicy, and what its runs inherit."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import cdk8s
import pytest
import yaml

from constructs_lib.api_group import ApiGroup
from constructs_lib.errors import ConfigurationError, InvalidNameError, InvalidOptionError
from constructs_lib.experiment import Experiment
from constructs_lib.job_template import TrainingTemplate
from constructs_lib.provenance import Dataset, Source
from constructs_lib.search_space import Goal, Objective, Scale, SearchParameter, Strategy, StrategyType
from constructs_lib.training_run import TrainingRun
from tests.checks import assert_semantically_valid

SEED = Path(__file__).parents[2] / "shared" / "fixtures" / "seed-exp-1234.yaml"
IMAGE = "registry.example.com/ml/train@sha256:" + "1" * 64


def synth(chart: cdk8s.Chart) -> list[dict]:
    documents = cdk8s.Testing.synth(chart)
    assert_semantically_valid(documents)
    return documents


def of_kind(documents: list[dict], kind: str) -> list[dict]:
    return [d for d in documents if d["kind"] == kind]


def full_experiment(chart: cdk8s.Chart, **overrides) -> Experiment:
    options = dict(
        name="resnet-tuning", algorithm="resnet50", description="Tune ResNet-50 on ImageNet.",
        parameters={"epochs": 90, "optimizer": "sgd"}, metrics={"accuracy": 0.761},
        objective=Objective(metric="accuracy", goal=Goal.MAXIMIZE, target=0.78),
        search_space=[SearchParameter.double("learning_rate", 0.001, 0.4, step=2.0, scale=Scale.LOG),
                      SearchParameter.int("batch_size", 64, 512, step=64),
                      SearchParameter.categorical("augment", ["none", "randaug"])],
        strategy=Strategy(type=StrategyType.MANUAL, max_runs=8, parallelism=2),
        source=Source(repository="https://github.com/org/vision", revision="3f2c1a9"),
        datasets=[Dataset(name="imagenet", uri="s3://datasets/imagenet", version="2012")],
        artifact_store="s3://artifacts/resnet", owner="vision-team", tags=["vision", "baseline"],
        labels={"team": "vision"}, template=TrainingTemplate(image=IMAGE))
    options.update(overrides)
    return Experiment(chart, "experiment", **options)


def test_the_seeds_experiment_is_reproduced_exactly(snapshot):
    chart = cdk8s.Testing.chart()
    Experiment(chart, "exp", name="exp-1234", algorithm="neural-network",
               parameters={"learning_rate": 0.01, "layers": 3}, metrics={"accuracy": 0.98, "loss": 0.05})
    documents = synth(chart)
    (experiment,) = of_kind(documents, "Experiment")
    seed = yaml.safe_load(SEED.read_text())
    assert (experiment["apiVersion"], experiment["metadata"]["name"]) == (seed["apiVersion"], "exp-1234")
    assert experiment["spec"] == seed["spec"]
    assert yaml.safe_dump_all(documents, sort_keys=False) == snapshot


def test_every_spec_field(snapshot):
    chart = cdk8s.Testing.chart()
    experiment = full_experiment(chart)
    documents = synth(chart)
    (document,) = of_kind(documents, "Experiment")
    assert document["spec"] == {
        "algorithm": "resnet50", "description": "Tune ResNet-50 on ImageNet.",
        "parameters": ["epochs=90", "optimizer=sgd"], "metrics": {"accuracy": 0.761},
        "objective": {"metric": "accuracy", "goal": "maximize", "target": 0.78},
        "searchSpace": [{"name": "learning_rate", "type": "double", "min": 0.001, "max": 0.4, "step": 2.0,
                         "scale": "log"},
                        {"name": "batch_size", "type": "int", "min": 64, "max": 512, "step": 64},
                        {"name": "augment", "type": "categorical", "values": ["none", "randaug"]}],
        "strategy": {"type": "manual", "maxRuns": 8, "parallelism": 2},
        "source": {"repository": "https://github.com/org/vision", "revision": "3f2c1a9"},
        "datasets": [{"name": "imagenet", "uri": "s3://datasets/imagenet", "version": "2012"}],
        "artifactStore": {"uri": "s3://artifacts/resnet"}, "owner": "vision-team", "tags": ["vision", "baseline"],
    }
    assert "status" not in document
    assert document["metadata"]["labels"] == {
        "ai.example.com/experiment": "resnet-tuning", "app.kubernetes.io/component": "experiment",
        "app.kubernetes.io/managed-by": "cdk8s", "app.kubernetes.io/name": "resnet-tuning",
        "app.kubernetes.io/part-of": "ai-experiments", "team": "vision"}
    assert (experiment.name, experiment.parameters, experiment.runs) == ("resnet-tuning", {"epochs": "90",
                                                                                         "optimizer": "sgd"}, ())
    assert isinstance(experiment.search_space, tuple) and isinstance(experiment.datasets, tuple)
    assert yaml.safe_dump_all(documents, sort_keys=False) == snapshot


def test_network_policy_denies_ingress_to_the_experiments_pods():
    chart = cdk8s.Testing.chart()
    full_experiment(chart)
    (policy,) = of_kind(synth(chart), "NetworkPolicy")
    assert policy["metadata"]["name"] == "resnet-tuning-deny-ingress"
    assert policy["spec"] == {"podSelector": {"matchLabels": {"ai.example.com/experiment": "resnet-tuning"}},
                              "policyTypes": ["Ingress"]}


def test_network_policy_can_be_left_out():
    chart = cdk8s.Testing.chart()
    full_experiment(chart, deny_ingress=False)
    assert [d["kind"] for d in synth(chart)] == ["Experiment"]


def test_group_is_configurable_for_objects_and_label_keys():
    chart = cdk8s.Testing.chart()
    experiment = full_experiment(chart, group=ApiGroup(name="ml.corp.example.org"))
    experiment.add_run("baseline")
    documents = synth(chart)
    assert {d["apiVersion"] for d in documents if d["kind"] in ("Experiment", "Run")} == {"ml.corp.example.org/v1"}
    for document in documents:
        assert document["metadata"]["labels"]["ml.corp.example.org/experiment"] == "resnet-tuning"
    (policy,) = of_kind(documents, "NetworkPolicy")
    assert policy["spec"]["podSelector"]["matchLabels"] == {"ml.corp.example.org/experiment": "resnet-tuning"}


def test_runs_inherit_image_source_datasets_and_labels():
    chart = cdk8s.Testing.chart()
    experiment = full_experiment(chart)
    run = experiment.add_run("baseline")
    documents = synth(chart)
    (document,) = of_kind(documents, "Run")
    assert document["spec"]["image"] == IMAGE
    assert document["spec"]["source"] == {"repository": "https://github.com/org/vision", "revision": "3f2c1a9"}
    assert document["spec"]["datasets"] == [{"name": "imagenet", "uri": "s3://datasets/imagenet", "version": "2012"}]
    assert document["spec"]["parameters"] == {"epochs": "90", "optimizer": "sgd"}
    for item in documents[2:]:
        assert item["metadata"]["labels"]["team"] == "vision"
    assert experiment.runs == (run,) and run.experiment is experiment and run.template is experiment.template


def test_runs_override_what_they_inherit():
    chart = cdk8s.Testing.chart()
    experiment = full_experiment(chart)
    other = "registry.example.com/ml/train@sha256:" + "2" * 64
    experiment.add_run("custom", template=dataclasses.replace(experiment.template, image=other),
                       source=Source(repository="https://github.com/me/fork"), datasets=[],
                       labels={"team": "research", "extra": "yes"}, parameters={"optimizer": "adam"})
    documents = synth(chart)
    (run,) = of_kind(documents, "Run")
    (job,) = of_kind(documents, "Job")
    assert run["spec"]["image"] == other == job["spec"]["template"]["spec"]["containers"][0]["image"]
    assert run["spec"]["source"] == {"repository": "https://github.com/me/fork"}
    assert "datasets" not in run["spec"]
    assert run["spec"]["parameters"] == {"epochs": "90", "optimizer": "adam"}
    assert run["metadata"]["labels"]["team"] == "research" and run["metadata"]["labels"]["extra"] == "yes"


def test_runs_may_be_built_in_another_chart():
    app = cdk8s.Testing.app()
    experiments = cdk8s.Chart(app, "experiments")
    runs = cdk8s.Chart(app, "runs")
    experiment = full_experiment(experiments)
    run = TrainingRun(runs, "baseline", experiment=experiment, name="baseline")
    assert experiment.runs == (run,)
    assert [d["kind"] for d in cdk8s.Testing.synth(runs)] == ["Run", "Job"]


@pytest.mark.parametrize(("options", "error", "message"), [
    ({"name": "Exp_1"}, InvalidNameError, r"'name' \('Exp_1'\) must be a DNS-1123 label"),
    ({"name": "e" * 64}, InvalidNameError, r"'name' \('e{64}'\) must be a DNS-1123 label"),
    ({"algorithm": ""}, InvalidOptionError, r"spec.algorithm: Invalid value: \"\": must be at least 1 characters"),
    ({"description": "x" * 2049}, InvalidOptionError, r"spec.description: Too long"),
    ({"parameters": {"1st": 1}}, InvalidOptionError, r"'parameters' name '1st' must be a letter or '_'"),
    ({"parameters": {"a=b": 1}}, InvalidOptionError, r"'parameters' name 'a=b'"),
    ({"parameters": {"flag": True}}, InvalidOptionError, r"'parameters' value of 'flag' \(True\) must be an int"),
    ({"metrics": {"accuracy": "high"}}, InvalidOptionError, r"spec.metrics\[accuracy\]: .* must be of type number"),
    ({"objective": {"metric": "accuracy"}}, InvalidOptionError, r"'objective' .* must be of type Objective"),
    ({"search_space": ["lr"]}, InvalidOptionError, r"'search_space' entry 'lr' must be a SearchParameter"),
    ({"search_space": [SearchParameter.int("a", 1, 2), SearchParameter.int("a", 1, 3)]}, InvalidOptionError,
     r"spec.searchSpace\[1\]: Duplicate value"),
    ({"search_space": [], "strategy": Strategy(type=StrategyType.GRID)}, InvalidOptionError,
     r"spec: Invalid value: grid and random strategies need a searchSpace"),
    ({"datasets": [Dataset(name="d", uri="s3://a"), Dataset(name="d", uri="s3://b")]}, InvalidOptionError,
     r"spec.datasets\[1\]: Duplicate value"),
    ({"datasets": ["imagenet"]}, InvalidOptionError, r"'datasets' entry 'imagenet' must be a Dataset"),
    ({"artifact_store": "bucket/path"}, InvalidOptionError, r"spec.artifactStore.uri: Invalid value: must be a URI"),
    ({"tags": ["a", "a"]}, InvalidOptionError, r"spec.tags\[1\]: Duplicate value"),
    ({"tags": "vision"}, InvalidOptionError, r"'tags' \('vision'\) must be a sequence"),
    ({"template": {"image": IMAGE}}, InvalidOptionError, r"'template' .* must be of type TrainingTemplate"),
    ({"group": "ml.example.org"}, InvalidOptionError, r"'group' \('ml.example.org'\) must be of type ApiGroup"),
    ({"labels": {"team": "a b"}}, InvalidNameError, r"label 'team' \('a b'\) must be at most 63"),
    ({"labels": {"ai.example.com/experiment": "other"}}, InvalidOptionError,
     r"'labels' must not set 'ai.example.com/experiment'"),
    ({"deny_ingress": "yes"}, InvalidOptionError, r"'deny_ingress' \('yes'\) must be True or False"),
])
def test_experiment_errors(options, error, message):
    chart = cdk8s.Testing.chart()
    with pytest.raises(error, match=message):
        full_experiment(chart, **options)
    assert chart.node.children == []  # nothing half-written


def test_experiment_reports_problems_of_different_kinds_at_once():
    chart = cdk8s.Testing.chart()
    with pytest.raises(ConfigurationError) as raised:
        full_experiment(chart, name="Bad", parameters={"1": 1}, labels={"x": "a b"})
    assert type(raised.value) is ConfigurationError and len(raised.value.problems) == 3


def test_type_and_schema_problems_are_reported_together():
    chart = cdk8s.Testing.chart()
    with pytest.raises(InvalidOptionError) as raised:
        full_experiment(chart, objective="accuracy", algorithm="", owner="o" * 254)
    assert len(raised.value.problems) == 3  # (CEL rules, as in the API server, only once the schema passes)
