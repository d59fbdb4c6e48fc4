"""The seed is the floor: its instance and the objects its CRD accepts stay valid Experiments.

Where our CRD deliberately narrows the seed's, the generated objects stay inside the narrowing:

- ``spec.algorithm``: the seed takes any string; ours needs 1 to 128 characters.
- ``spec.parameters``: the seed takes any list of strings; ours needs ``name=value`` entries
  (name: a letter or ``_``, then letters, digits, ``_ . -``), unique names, at most 64 entries of
  at most 256 characters. The seed's own instance already uses this form.
- ``spec.metrics``: any number in both; generated integers stay within JSON's exact range
  (+-2**53), as every Kubernetes client would send them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from constructs_lib.crds import crd_documents
from constructs_lib.schema import EXPERIMENT_SCHEMA, MAX_PARAMETERS, PARAMETER_VALUE_MAX
from tests.checks import custom_resource_problems

FIXTURES = Path(__file__).parents[2] / "shared" / "fixtures"
SEED_INSTANCE = yaml.safe_load((FIXTURES / "seed-exp-1234.yaml").read_text())
SEED_CRD = yaml.safe_load((FIXTURES / "seed-experiment-crd.yaml").read_text())
SEED_SCHEMA = SEED_CRD["spec"]["versions"][0]["schema"]["openAPIV3Schema"]
SEED_VALIDATOR = jsonschema.Draft7Validator(SEED_SCHEMA)

NAME = st.from_regex(r"[A-Za-z_][A-Za-z0-9_.-]{0,62}", fullmatch=True)
VALUE = st.text(max_size=PARAMETER_VALUE_MAX - 64)  # name (<= 63) + '=' + value fits in 256
NUMBER = st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.integers(-(2**53), 2**53))

PARAMETERS = st.lists(st.tuples(NAME, VALUE), max_size=MAX_PARAMETERS, unique_by=lambda pair: pair[0]).map(
    lambda pairs: [f"{name}={value}" for name, value in pairs])
METRICS = st.fixed_dictionaries({}, optional={"accuracy": NUMBER, "loss": NUMBER})
SPEC = st.fixed_dictionaries({"algorithm": st.text(min_size=1, max_size=128)},
                             optional={"parameters": PARAMETERS, "metrics": METRICS})


def experiment(spec: dict[str, Any]) -> dict[str, Any]:
    return {"apiVersion": "ai.example.com/v1", "kind": "Experiment", "metadata": {"name": "generated"}, "spec": spec}


def test_seed_instance_validates_unchanged():
    assert custom_resource_problems(SEED_INSTANCE) == []
    assert list(SEED_VALIDATOR.iter_errors(SEED_INSTANCE)) == []


def test_default_crd_keeps_the_seed_identity():
    ours = crd_documents()[0]
    for key in ("group", "scope"):
        assert ours["spec"][key] == SEED_CRD["spec"][key]
    assert ours["metadata"]["name"] == SEED_CRD["metadata"]["name"]
    assert {k: ours["spec"]["names"][k] for k in SEED_CRD["spec"]["names"]} == SEED_CRD["spec"]["names"]
    assert [v["name"] for v in ours["spec"]["versions"]] == [v["name"] for v in SEED_CRD["spec"]["versions"]]
    assert ours["spec"]["versions"][0]["schema"]["openAPIV3Schema"] is EXPERIMENT_SCHEMA
    assert EXPERIMENT_SCHEMA["properties"]["spec"]["required"] == ["algorithm"]


def _longest_parameter(index: int) -> str:
    name = f"p{index:02d}"
    return f"{name}={'v' * (PARAMETER_VALUE_MAX - len(name) - 1)}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=SPEC)
@example(spec={"algorithm": "a", "parameters": [], "metrics": {}})
@example(spec={"algorithm": "\N{GRINNING FACE}" * 128,  # maxLength counts characters, not bytes
               "parameters": [_longest_parameter(i) for i in range(MAX_PARAMETERS)],
               "metrics": {"accuracy": 2**53, "loss": -5e-324}})
def test_seed_valid_objects_are_valid_experiments(spec):
    document = experiment(spec)
    assert list(SEED_VALIDATOR.iter_errors(document)) == []  # the generator only makes seed-valid objects
    assert custom_resource_problems(document) == []
