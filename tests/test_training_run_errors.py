"""Bad training-run input: a clear ConfigurationError naming the field and the rule, raised before
anything is added to the construct tree."""

from __future__ import annotations

import dataclasses

import cdk8s
import pytest

from constructs_lib.errors import ConfigurationError, InvalidNameError, InvalidOptionError, SearchSpaceError
from constructs_lib.experiment import Experiment
from constructs_lib.job_template import ParameterPassing, TrainingTemplate
from constructs_lib.provenance import Dataset
from constructs_lib.resources import Resources
from constructs_lib.search_space import SearchParameter

IMAGE = "registry.example.com/ml/train@sha256:" + "1" * 64
TEMPLATE = TrainingTemplate(image=IMAGE)
SEARCH_SPACE = [SearchParameter.double("learning_rate", 0.0001, 0.1), SearchParameter.int("layers", 1, 8),
                SearchParameter.categorical("optimizer", ["sgd", "adam"])]


def experiment(chart: cdk8s.Chart, **options) -> Experiment:
    return Experiment(chart, "exp", **{"name": "exp-1234", "algorithm": "neural-network",
                                       "search_space": SEARCH_SPACE, "template": TEMPLATE, **options})


def env_template(**options) -> TrainingTemplate:
    return dataclasses.replace(TEMPLATE, parameters_as=ParameterPassing.ENV, **options)


@pytest.mark.parametrize(("options", "error", "message"), [
    ({"name": "Baseline"}, InvalidNameError, r"'name' \('Baseline'\) must be a DNS-1123 label"),
    ({"name": "r" * 64}, InvalidNameError, r"'name' \('r{64}'\) must be a DNS-1123 label: at most 63"),
    ({"name": "run_1"}, InvalidNameError, r"'name' \('run_1'\) must be a DNS-1123 label"),
    ({"name": ""}, InvalidNameError, r"'name' \(''\) must be a DNS-1123 label"),
    ({"parameters": {"learning_rate": 0.5}}, SearchSpaceError,
     r"parameter 'learning_rate' \('0.5'\) must be within \[0.0001, 0.1\] \(the searchSpace of experiment 'exp-1234'\)"),
    ({"parameters": {"layers": 2.5}}, SearchSpaceError, r"parameter 'layers' \('2.5'\) must be an integer"),
    ({"parameters": {"layers": 0}}, SearchSpaceError, r"parameter 'layers' \('0'\) must be within \[1, 8\]"),
    ({"parameters": {"optimizer": "rmsprop"}}, SearchSpaceError,
     r"parameter 'optimizer' \('rmsprop'\) must be one of \['sgd', 'adam'\]"),
    ({"parameters": {"learning_rate": "fast"}}, SearchSpaceError, r"parameter 'learning_rate' \('fast'\) must be a number"),
    ({"parameters": {"learning-rate": 0.1}, "template": env_template()}, InvalidOptionError,
     r"parameter 'learning-rate' cannot be passed as an environment variable \(parameters_as=ENV\)"),
    ({"parameters": {"lr": 0.1, "LR": 0.2}, "template": env_template()}, InvalidOptionError,
     r"parameters \['lr', 'LR'\] would all be passed as PARAM_LR"),
    ({"parameters": {"2x": 1}}, InvalidOptionError, r"'parameters' name '2x' must be a letter or '_'"),
    ({"parameters": {"x": None}}, InvalidOptionError, r"'parameters' value of 'x' \(None\) must be an int, float or str"),
    ({"parameters": {"x": "v" * 257}}, InvalidOptionError, r"spec.parameters\[x\]: Too long"),
    ({"seed": -1}, InvalidOptionError, r"spec.seed: Invalid value: -1: must be >= 0"),
    ({"seed": "42"}, InvalidOptionError, r"spec.seed: Invalid value: \"42\": must be of type integer"),
    ({"template": {"image": IMAGE}}, InvalidOptionError, r"'template' .* must be of type TrainingTemplate"),
    ({"datasets": [Dataset(name="d", uri="s3://a")] * 2}, InvalidOptionError, r"spec.datasets\[1\]: Duplicate value"),
    ({"tags": "first"}, InvalidOptionError, r"'tags' \('first'\) must be a sequence"),
    ({"datasets": ["mnist"]}, InvalidOptionError, r"'datasets' entry 'mnist' must be a Dataset"),
    ({"source": "https://github.com/org/repo"}, InvalidOptionError, r"'source' .* must be of type Source"),
    ({"parameters": [("layers", 2)]}, InvalidOptionError, r"'parameters' .* must be a mapping of name to value"),
    ({"tags": [""]}, InvalidOptionError, r"spec.tags\[0\]: Invalid value: \"\": must be at least 1 characters"),
    ({"labels": {"team": "-bad"}}, InvalidNameError, r"label 'team' \('-bad'\) must be at most 63"),
    ({"labels": {"ai.example.com/run": "other"}}, InvalidOptionError, r"'labels' must not set 'ai.example.com/run'"),
    ({"reports_status": "yes"}, InvalidOptionError, r"'reports_status' \('yes'\) must be True or False"),
])
def test_run_errors(options, error, message):
    chart = cdk8s.Testing.chart()
    exp = experiment(chart)
    with pytest.raises(error, match=message):
        exp.add_run(options.pop("name", "baseline"), **options)
    assert exp.runs == () and [c.node.id for c in exp.node.children] == ["Resource", "NetworkPolicy"]


def test_duplicate_run_names_in_one_experiment():
    chart = cdk8s.Testing.chart()
    exp = experiment(chart)
    exp.add_run("baseline")
    with pytest.raises(InvalidNameError, match=r"'name' \('baseline'\) is already a run of experiment 'exp-1234'"):
        exp.add_run("baseline", parameters={"layers": 2})
    assert len(exp.runs) == 1


def test_a_run_needs_a_template_when_the_experiment_has_none():
    chart = cdk8s.Testing.chart()
    exp = experiment(chart, template=None)
    with pytest.raises(InvalidOptionError, match=r"'template' is required: experiment 'exp-1234' has no default"):
        exp.add_run("baseline")


@pytest.mark.parametrize(("build", "message"), [
    (lambda: TrainingTemplate(image=""), r"'image' \(''\) must not be empty"),
    (lambda: TrainingTemplate(image="train:1", require_digest=True), r"'image' \('train:1'\) must be pinned by digest"),
    (lambda: Resources(gpu=-1), r"'gpu' \(-1\) must be a whole number >= 0"),
    (lambda: Resources(gpu=0.5), r"'gpu' \(0.5\) must be a whole number >= 0"),
    (lambda: Resources(memory="lots"), r"'memory' \('lots'\) must be a positive Kubernetes quantity"),
])
def test_bad_template_options_fail_before_the_run_exists(build, message):
    with pytest.raises(InvalidOptionError, match=message):
        build()


def test_every_problem_is_reported_at_once_as_the_common_base_class():
    chart = cdk8s.Testing.chart()
    exp = experiment(chart)
    with pytest.raises(ConfigurationError) as raised:
        exp.add_run("Bad", parameters={"layers": 99, "optimizer": "rmsprop"}, seed=-1)
    assert type(raised.value) is ConfigurationError
    assert len(raised.value.problems) == 4
    assert isinstance(raised.value, ValueError)
