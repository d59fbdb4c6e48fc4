"""Bad sweep input: a clear ConfigurationError naming the field and the rule, raised before anything
of the sweep is added to the construct tree."""

from __future__ import annotations

import dataclasses

import cdk8s
import pytest

from constructs_lib.errors import ConfigurationError, InvalidNameError, InvalidOptionError, SearchSpaceError, SweepError
from constructs_lib.experiment import Experiment
from constructs_lib.job_template import ParameterPassing, TrainingTemplate
from constructs_lib.search_space import SearchParameter, Strategy, StrategyType
from constructs_lib.sweep import Sweep, SweepMode

IMAGE = "registry.example.com/ml/train@sha256:" + "1" * 64
TEMPLATE = TrainingTemplate(image=IMAGE)
GRID_3X4 = [SearchParameter.int("layers", 1, 3), SearchParameter.categorical("optimizer", ["a", "b", "c", "d"])]
SMALL = [SearchParameter.int("layers", 1, 3), SearchParameter.categorical("optimizer", ["a", "b"])]  # 6 configurations


def grid(**options) -> Strategy:
    return Strategy(type=StrategyType.GRID, **options)


def random(max_runs: int, **options) -> Strategy:
    return Strategy(type=StrategyType.RANDOM, max_runs=max_runs, seed=1, **options)


def build(chart: cdk8s.Chart, *, search_space=GRID_3X4, strategy=lambda: grid(), template=TEMPLATE,
          parameters=None, **options) -> Sweep:
    """An experiment and its sweep; ``strategy`` is a callable so that a bad Strategy raises in here."""
    experiment = Experiment(chart, "exp", name="mnist", algorithm="cnn", template=template,
                            search_space=search_space, strategy=strategy(), parameters=parameters)
    return Sweep(chart, "sweep", experiment=experiment, **options)


CASES = {
    "empty search space": (
        {"search_space": []}, InvalidOptionError,
        r"spec: Invalid value: grid and random strategies need a searchSpace"),
    "max_runs 0": (
        {"strategy": lambda: grid(max_runs=0)}, InvalidOptionError,
        r"spec.strategy.maxRuns: Invalid value: 0: must be >= 1"),
    "max_runs negative": (
        {"strategy": lambda: random(-3)}, InvalidOptionError,
        r"spec.strategy.maxRuns: Invalid value: -3: must be >= 1"),
    "grid larger than max_runs": (
        {"strategy": lambda: grid(max_runs=5)}, SweepError,
        r"'max_runs' \(5\) must be >= the 12 trials of the grid \(3 x 4\): raise max_runs, coarsen the grid, "
        r"or pass truncate=True to keep the first 5"),
    "random over a space with fewer configurations": (
        {"search_space": SMALL, "strategy": lambda: random(7)}, SweepError,
        r"'max_runs' \(7\) must be <= 6, the number of distinct configurations of the search space"),
    "random that keeps drawing the same values": (
        # 12 significant digits leave about 11 distinct values in this range.
        {"search_space": [SearchParameter.double("x", 1.0, 1.0000000001)], "strategy": lambda: random(50)},
        SweepError, r"random search \(seed 1\) found \d+ distinct configurations in 5000 draws, fewer than "
                    r"'max_runs' \(50\)"),
    "parallelism larger than max_runs": (
        {"strategy": lambda: random(4, parallelism=5)}, InvalidOptionError,
        r"spec.strategy: Invalid value: parallelism must be <= maxRuns"),
    "random without a seed": (
        {"strategy": lambda: Strategy(type=StrategyType.RANDOM, max_runs=4)}, InvalidOptionError,
        r"random search needs maxRuns and seed"),
    "no strategy": (
        {"strategy": lambda: None}, SweepError,
        r"experiment 'mnist' has no 'strategy': a sweep needs grid or random"),
    "manual strategy": (
        {"strategy": lambda: Strategy(type=StrategyType.MANUAL)}, SweepError,
        r"'strategy.type' \('manual'\) cannot be expanded into trials"),
    "grid over a double without a step": (
        {"search_space": [SearchParameter.double("dropout", 0.0, 0.5)]}, SearchSpaceError,
        r"'search_space\[dropout\].step' is required for grid search over a double parameter"),
    "job per trial without a queue": (
        {"mode": SweepMode.JOB_PER_TRIAL}, InvalidOptionError,
        r"'mode' \(JOB_PER_TRIAL\) needs the template's 'queue': without Kueue every trial's Job would start at once"),
    "job per trial with parameters that cannot be environment variables": (
        {"mode": SweepMode.JOB_PER_TRIAL,
         "template": dataclasses.replace(TEMPLATE, queue="q", parameters_as=ParameterPassing.ENV),
         "search_space": [SearchParameter.int("num-layers", 1, 3)]}, InvalidOptionError,
        r"parameter 'num-layers' cannot be passed as an environment variable"),
    "mode that is not a SweepMode": (
        {"mode": "indexed-job"}, InvalidOptionError, r"'mode' \('indexed-job'\) must be a SweepMode"),
    "name with capitals": (
        {"name": "LR-Search"}, InvalidNameError,
        r"'name' \('LR-Search'\) must be a DNS-1123 label of at most 30 characters"),
    "name with an underscore": (
        {"name": "lr_search"}, InvalidNameError, r"'name' \('lr_search'\) must be a DNS-1123 label"),
    "name too long": (
        {"name": "s" * 31}, InvalidNameError, r"'name' \('s{31}'\) must be a DNS-1123 label of at most 30"),
    "empty name": (
        {"name": ""}, InvalidNameError, r"'name' \(''\) must be a DNS-1123 label"),
    "no template": (
        {"template": None}, InvalidOptionError,
        r"'template' \(None\) must be a TrainingTemplate: experiment 'mnist' has no default template"),
    "label that the library sets": (
        {"labels": {"ai.example.com/experiment": "other"}}, InvalidOptionError,
        r"'labels' must not set 'ai.example.com/experiment'"),
    "sweep label": (
        {"labels": {"ai.example.com/sweep": "other"}}, InvalidOptionError,
        r"'labels' must not set 'ai.example.com/sweep'"),
    "bad label value": (
        {"labels": {"team": "-vision"}}, InvalidNameError, r"label 'team' \('-vision'\) must be at most 63"),
    "more parameters than a Run holds": (
        {"parameters": {f"fixed{i}": i for i in range(63)}}, InvalidOptionError,
        r"the fixed and searched parameters of experiment 'mnist' \(65\) must be at most 64, the most a Run holds"),
}


@pytest.mark.parametrize(("options", "error", "message"), CASES.values(), ids=CASES.keys())
def test_bad_sweeps_raise_before_anything_is_added(options, error, message):
    chart = cdk8s.Testing.chart()
    with pytest.raises(error, match=message) as raised:
        build(chart, **options)
    assert isinstance(raised.value, ConfigurationError) and isinstance(raised.value, ValueError)
    assert "sweep" not in [child.node.id for child in chart.node.children]
    assert {d["kind"] for d in cdk8s.Testing.synth(chart)} <= {"Experiment", "NetworkPolicy"}


def test_a_grid_larger_than_max_runs_is_truncated_when_asked():
    chart = cdk8s.Testing.chart()
    sweep = build(chart, strategy=lambda: grid(max_runs=5, parallelism=2), truncate=True)
    assert [dict(t.parameters) for t in sweep.trials] == [
        {"layers": "1", "optimizer": o} for o in "abcd"] + [{"layers": "2", "optimizer": "a"}]
    (job,) = [d for d in cdk8s.Testing.synth(chart) if d["kind"] == "Job"]
    assert (job["spec"]["completions"], job["spec"]["parallelism"]) == (5, 2)
    assert len(cdk8s.Testing.synth(sweep.records)) == 5


def test_random_can_ask_for_every_configuration_of_a_small_space():
    sweep = build(cdk8s.Testing.chart(), search_space=SMALL, strategy=lambda: random(6))
    assert len({t.parameters for t in sweep.trials}) == 6


def test_every_problem_is_reported_at_once():
    chart = cdk8s.Testing.chart()
    with pytest.raises(ConfigurationError) as raised:
        build(chart, name="Bad", template=None, labels={"ai.example.com/run": "x"})
    assert type(raised.value) is ConfigurationError  # names and options: the common base class
    assert len(raised.value.problems) == 3
    assert [child.node.id for child in chart.node.children] == ["exp"]
