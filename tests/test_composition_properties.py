"""Properties of the compositions for generated options (hypothesis).

For any options, synthesis either raises a ConfigurationError before anything is written, or
every object it emits passes the Kubernetes schemas (1.27 and newest), the CRD schema and CEL
rules, the restricted Pod Security Standard, and the naming limits.
"""

from __future__ import annotations

import json

import cdk8s
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from constructs_lib.errors import ConfigurationError
from constructs_lib.experiment import Experiment
from constructs_lib.job_template import ParameterPassing, Toleration, TolerationEffect, TrainingTemplate
from constructs_lib.naming import JOB_NAME_MAX
from constructs_lib.pod_security import restricted_violations
from constructs_lib.resources import Resources
from constructs_lib.search_space import SearchParameter
from constructs_lib.volumes import ClaimVolume, EmptyDirVolume, Mount
from tests.checks import assert_semantically_valid

DIGEST_IMAGE = "registry.example.com/ml/train@sha256:" + "3" * 64
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def mostly(good: list, bad: list) -> st.SearchStrategy:
    """One of ``good``, or (about one time in twenty) one of ``bad``: most examples stay valid,
    every problem still shows up. (7: hypothesis favours the bounds 0 and 19.)"""
    return st.integers(0, 19).flatmap(lambda n: st.sampled_from(bad if n == 7 else good))


names = st.one_of(st.from_regex(r"\A[a-z][a-z0-9-]{0,40}[a-z0-9]\Z"),
                  mostly(["baseline", "a" * 63], ["Run", "run_1", "-x", "", "a" * 64]))
PLAUSIBLE = {"learning_rate": [0.01, 0.0001, 0.1], "layers": [1, 3, 8], "optimizer": ["sgd", "adam"],
             "dropout": [0.0, 0.5]}
parameters = st.tuples(
    st.lists(st.sampled_from(sorted(PLAUSIBLE)), unique=True, max_size=3).flatmap(lambda keys: st.fixed_dictionaries(
        {key: mostly(PLAUSIBLE[key], [0.5, 9, 2.5, "", "x" * 300, True]) for key in keys})),
    mostly([{}], [{"learning-rate": 0.1}, {"2x": 1}, {"lr": 1, "LR": 2}]),
).map(lambda parts: {**parts[0], **parts[1]})
quantities = mostly(["500m", "2", 4, "1536Mi", "8Gi", "64Gi", 0.5], ["lots", "-1", "1u", "1500m"])


@st.composite
def templates(draw) -> TrainingTemplate:
    resources = Resources(cpu=draw(quantities), memory=draw(mostly(["8Gi", "64Gi", "1536Mi"], ["lots", "1500m"])),
                          gpu=draw(mostly([0, 1, 8], [-1, 0.5])))
    tolerations = draw(st.lists(st.builds(
        Toleration, key=mostly([None, "nvidia.com/gpu"], ["bad key"]),
        effect=st.sampled_from([None, *TolerationEffect])), max_size=2))
    volumes = draw(st.lists(st.builds(
        Mount, name=mostly(["data", "extra"], ["tmp"]), path=mostly(["/data", "/extra"], ["/tmp"]),
        source=st.sampled_from([ClaimVolume(claim_name="data"), EmptyDirVolume(size_limit="1Gi")])),
        max_size=2, unique_by=(lambda m: m.name, lambda m: m.path)))
    return TrainingTemplate(
        image=draw(mostly([DIGEST_IMAGE, "python:3.11"], ["", "Bad Image"])),
        require_digest=draw(mostly([False], [True])), resources=resources, tolerations=tolerations,
        volumes=volumes, parameters_as=draw(st.sampled_from(list(ParameterPassing))),
        command=draw(st.sampled_from([(), ("python", "train.py")])),
        node_selector=draw(st.dictionaries(mostly(["pool", "nvidia.com/gpu.product"], ["-x"]),
                                           mostly(["gpu", "A100"], ["not valid"]), max_size=2)),
        shm_size=draw(mostly(["64Mi", "1Gi"], ["x", "16Gi"])),
        backoff_limit=draw(mostly([0, 2, 6], [-1])),
        non_retriable_exit_codes=draw(st.lists(mostly([1, 2, 255], [0, 256]), max_size=2, unique=True)),
        active_deadline_seconds=draw(mostly([None, 1, 86400], [0])),
        ttl_seconds_after_finished=draw(mostly([None, 0, 600], [-1])),
        queue=draw(mostly([None, "team-a"], ["Team A"])),
        priority_class=draw(mostly([None, "high"], ["High!"])),
        run_as_user=draw(mostly([1000, 65532, 2**31 - 1], [0, 2**31])),
        checkov_skips=draw(mostly([{}, {"CKV_K8S_43": "tags are immutable here"}], [{"CKV_K8S_43": "a=b"}])),
    )


@st.composite
def synthesized(draw) -> list[dict] | None:
    """The documents of a generated experiment with generated runs, or None if it was refused."""
    chart = cdk8s.Chart(cdk8s.Testing.app(), "chart", namespace=draw(st.sampled_from([None, "ml"])))
    try:
        experiment = Experiment(
            chart, "exp", name=draw(names), algorithm=draw(mostly(["resnet"], [""])), parameters=draw(parameters),
            search_space=[SearchParameter.double("learning_rate", 0.0001, 0.1), SearchParameter.int("layers", 1, 8)],
            labels=draw(st.dictionaries(mostly(["team"], ["ai.example.com/run"]), mostly(["vision"], ["-bad"]),
                                        max_size=1)),
            template=draw(templates()))
        for _ in range(draw(st.integers(1, 3))):
            experiment.add_run(draw(names), parameters=draw(parameters),
                               seed=draw(mostly([None, 0, 42, 2**31 - 1], [-1, 2**31])),
                               reports_status=draw(st.booleans()))
    except ConfigurationError:
        assert all(isinstance(document, dict) for document in cdk8s.Testing.synth(chart))  # still synthesizable
        event("refused")
        return None
    event("synthesized")
    return cdk8s.Testing.synth(chart)


@SETTINGS
@given(synthesized())
def test_synthesis_is_either_refused_or_valid_and_secure(documents):
    if documents is None:
        return
    assert_semantically_valid(documents)
    for document in documents:
        name = document["metadata"]["name"]
        assert len(name) <= (JOB_NAME_MAX if document["kind"] == "Job" else 63)
        assert "status" not in document
        if document["kind"] == "Job":
            pod = document["spec"]["template"]["spec"]
            assert restricted_violations(pod) == []
            assert pod["restartPolicy"] == "Never" and document["spec"]["completions"] == 1
        if document["kind"] == "Role":
            assert "*" not in json.dumps(document["rules"])


@SETTINGS
@given(st.dictionaries(st.sampled_from(["learning_rate", "layers", "dropout", "optimizer"]),
                       st.sampled_from(["0.01", "3", "sgd", "0.5"]), min_size=1), st.randoms())
def test_run_names_do_not_depend_on_the_order_parameters_are_declared_in(parameters, random):
    def run_name(order: list[str]) -> str:
        chart = cdk8s.Testing.chart()
        experiment = Experiment(chart, "exp", name="exp", algorithm="a", template=TrainingTemplate(image=DIGEST_IMAGE))
        return experiment.add_run("run", parameters={key: parameters[key] for key in order}).name

    order = list(parameters)
    shuffled = random.sample(order, len(order))
    assert run_name(order) == run_name(shuffled)
