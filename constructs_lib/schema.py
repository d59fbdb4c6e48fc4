"""The OpenAPI v3 schemas of the Experiment and Run kinds: the one source of truth.

The CRDs carry these schemas; synth-time validation (:mod:`constructs_lib.validation`) checks
every emitted custom resource against the very same dicts, CEL rules included. Descriptions
become ``kubectl explain`` text. Every string, list and map is bounded, which keeps objects small
and the API server's CEL cost estimate within budget (quadratic rules only on lists of <= 64
short items).
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "EXPERIMENT_SCHEMA",
    "IDENTIFIER_PATTERN",
    "MAX_PARAMETERS",
    "MAX_SEARCH_PARAMETERS",
    "MAX_TRIALS",
    "PARAMETER_VALUE_MAX",
    "RUN_SCHEMA",
]

Schema = dict[str, Any]

IDENTIFIER_PATTERN = r"^[A-Za-z_][A-Za-z0-9_.-]*$"
"""Parameter and metric names: usable as a flag name, a JSONPath segment and (without ``.``
and ``-``) an environment variable."""

MAX_PARAMETERS = 64
MAX_SEARCH_PARAMETERS = 32
MAX_TRIALS = 100_000
PARAMETER_VALUE_MAX = 256
_NAME_MAX = 63
_URI_MAX = 1024
_DNS_LABEL_PATTERN = r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"
_DNS_SUBDOMAIN_PATTERN = r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"


def _rule(rule: str, message: str) -> Schema:
    return {"rule": rule, "message": message}


def _string(description: str, max_length: int, **extra: Any) -> Schema:
    return {"type": "string", "description": description, "maxLength": max_length, **extra}


def _number(description: str, **extra: Any) -> Schema:
    return {"type": "number", "description": description, **extra}


def _integer(description: str, minimum: int, maximum: int) -> Schema:
    return {"type": "integer", "description": description, "minimum": minimum, "maximum": maximum}


def _object(description: str, properties: dict[str, Schema], *, required: list[str] | None = None,
            rules: list[Schema] | None = None) -> Schema:
    schema: Schema = {"type": "object", "description": description, "properties": properties}
    if required:
        schema["required"] = required
    if rules:
        schema["x-kubernetes-validations"] = rules
    return schema


def _map(description: str, values: Schema, max_properties: int, **extra: Any) -> Schema:
    return {"type": "object", "description": description, "maxProperties": max_properties,
            "additionalProperties": values, **extra}


def _list(description: str, items: Schema, max_items: int, list_type: str = "atomic",
          map_key: str | None = None, **extra: Any) -> Schema:
    schema: Schema = {"type": "array", "description": description, "maxItems": max_items,
                      "items": items, "x-kubernetes-list-type": list_type, **extra}
    if map_key:
        schema["x-kubernetes-list-map-keys"] = [map_key]
    return schema


def _identifier(description: str) -> Schema:
    return _string(description, _NAME_MAX, minLength=1, pattern=IDENTIFIER_PATTERN)


def _uri(description: str) -> Schema:
    return _string(description, _URI_MAX, minLength=1, **{"x-kubernetes-validations": [
        _rule("self.matches('^[a-zA-Z][a-zA-Z0-9+.-]*://')",
              "must be a URI with a scheme, such as s3://bucket/path or pvc://claim/path"),
    ]})


def _metric_values(description: str) -> Schema:
    return _map(description, {"type": "number"}, 32)


def _tags() -> Schema:
    return _list("Free-form tags for searching and grouping.", _string("A tag.", _NAME_MAX, minLength=1),
                 32, "set")


def _source() -> Schema:
    return _object("The code that is trained: a repository and the revision to check out.", {
        "repository": _string("Repository URL, for example https://github.com/org/repo.", 512, minLength=1),
        "revision": _string("Commit, tag or branch; a commit SHA makes a run reproducible.", 128),
    }, required=["repository"])


def _datasets() -> Schema:
    return _list("Datasets the training reads, each with a stable name.", _object("A dataset.", {
        "name": _string("Name of the dataset, unique within the list.", _NAME_MAX, minLength=1,
                        pattern=_DNS_LABEL_PATTERN),
        "uri": _uri("Where the dataset lives, for example s3://bucket/imagenet or pvc://claim/path."),
        "version": _string("Version or snapshot of the dataset.", 128),
    }, required=["name", "uri"]), 16, "map", "name")


def _conditions() -> Schema:
    return _list("Standard Kubernetes conditions, one per type.", _object("A condition.", {
        "type": _string("Type of condition in CamelCase.", 316, minLength=1),
        "status": {"type": "string", "description": "True, False or Unknown.",
                   "enum": ["True", "False", "Unknown"]},
        "observedGeneration": _integer("The .metadata.generation the condition was set for.", 0, 2**53),
        "lastTransitionTime": _string("When the condition last changed.", 64, format="date-time"),
        "reason": _string("One-word CamelCase reason for the last transition.", 1024, minLength=1),
        "message": _string("Human-readable details of the last transition.", 32768),
    }, required=["type", "status", "lastTransitionTime", "reason", "message"]), 16, "map", "type")


_PHASE = {"type": "string", "description": "Pending, Running, Succeeded or Failed.",
          "enum": ["Pending", "Running", "Succeeded", "Failed"]}
_OBSERVED_GENERATION = _integer("The .metadata.generation the status was computed for.", 0, 2**53)
_ROOT_FIELDS: dict[str, Schema] = {
    "apiVersion": {"type": "string", "description": "Versioned schema of this object, <group>/v1. "
                   "More info: https://git.k8s.io/community/contributors/devel/sig-architecture/"
                   "api-conventions.md#resources"},
    "kind": {"type": "string", "description": "REST resource this object represents. More info: "
             "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"},
    "metadata": {"type": "object"},
}


def _search_parameter() -> Schema:
    return _object("One dimension of the search space.", {
        "name": _identifier("Parameter name, passed to training as --name=value."),
        "type": {"type": "string", "description": "int, double or categorical.",
                 "enum": ["int", "double", "categorical"]},
        "min": _number("Lower bound, inclusive (int and double)."),
        "max": _number("Upper bound, inclusive (int and double)."),
        "step": _number("Grid spacing: the difference between points on a linear scale, "
                        "the ratio between points on a log scale."),
        "values": _list("The choices of a categorical parameter.",
                        _string("A choice.", 128), 64, "set", minItems=1),
        "scale": {"type": "string", "description": "linear (default) or log: log samples and "
                  "spaces grid points geometrically.", "enum": ["linear", "log"]},
    }, required=["name", "type"], rules=[
        _rule("self.type != 'categorical' || has(self.values)", "categorical parameters need values"),
        _rule("self.type != 'categorical' || !(has(self.min) || has(self.max) || has(self.step) "
              "|| has(self.scale))", "categorical parameters take values, not min, max, step or scale"),
        _rule("self.type == 'categorical' || (has(self.min) && has(self.max))",
              "int and double parameters need min and max"),
        _rule("self.type == 'categorical' || !has(self.values)",
              "int and double parameters take min and max, not values"),
        _rule("!has(self.min) || !has(self.max) || self.min < self.max", "min must be less than max"),
        _rule("!has(self.scale) || self.scale != 'log' || !has(self.min) || self.min > 0",
              "log scale needs min > 0"),
        _rule("!has(self.step) || (has(self.scale) && self.scale == 'log' ? self.step > 1.0 : self.step > 0.0)",
              "step must be > 0 (linear scale) or > 1 (log scale: the ratio between points)"),
        _rule("!has(self.step) || !has(self.min) || !has(self.max) || (has(self.scale) && self.scale == 'log' "
              "? self.min * self.step <= self.max : self.step <= self.max - self.min)",
              "step must be no larger than the range from min to max"),
        _rule("self.type != 'int' || ((!has(self.min) || self.min == double(int(self.min))) && "
              "(!has(self.max) || self.max == double(int(self.max))) && "
              "(!has(self.step) || self.step == double(int(self.step))))",
              "int parameters need whole-number min, max and step"),
    ])


_BOUND = {"minimum": -1e15, "maximum": 1e15}


def _with_bounds(schema: Schema) -> Schema:
    for field in ("min", "max", "step"):
        schema["properties"][field].update(_BOUND)
    return schema


EXPERIMENT_SCHEMA: Schema = _object("An Experiment: what is being tried and how success is judged.", {
    **_ROOT_FIELDS,
    "spec": _object("What the experiment tries and how its runs are judged.", {
        "algorithm": _string("The model or training algorithm, for example neural-network.", 128, minLength=1),
        "description": _string("What the experiment is about, for the people reading it.", 2048),
        "parameters": _list(
            "Fixed parameters shared by every run, as name=value strings (the seed form).",
            _string("A parameter as name=value.", PARAMETER_VALUE_MAX, **{"x-kubernetes-validations": [
                _rule("self.matches('^[A-Za-z_][A-Za-z0-9_.-]*=')",
                      "must have the form name=value, the name starting with a letter or '_'"),
            ]}), MAX_PARAMETERS, **{"x-kubernetes-validations": [
                _rule("self.all(p, self.filter(q, q.split('=')[0] == p.split('=')[0]).size() == 1)",
                      "parameter names must be unique"),
            ]}),
        "metrics": _metric_values("Reference or summary metric values, name to number (the seed form)."),
        "objective": _object("The metric that judges the runs, and which way is better.", {
            "metric": _identifier("Name of the metric the runs report, for example accuracy."),
            "goal": {"type": "string", "description": "maximize or minimize.",
                     "enum": ["maximize", "minimize"]},
            "target": _number("Stop searching once a run reaches this value (unset: no target)."),
        }, required=["metric", "goal"]),
        "searchSpace": _list("The parameters a sweep varies; each name once.",
                             _with_bounds(_search_parameter()), MAX_SEARCH_PARAMETERS, "map", "name"),
        "strategy": _object("How runs are chosen from the search space.", {
            "type": {"type": "string", "description": "grid, random or manual (runs listed by hand).",
                     "enum": ["grid", "random", "manual"]},
            "maxRuns": _integer("Most runs the strategy creates.", 1, MAX_TRIALS),
            "parallelism": _integer("Most runs executing at once.", 1, 10_000),
            "seed": _integer("Seed of random search: the same seed gives the same runs.", 0, 2**31 - 1),
        }, required=["type"], rules=[
            _rule("!has(self.parallelism) || !has(self.maxRuns) || self.parallelism <= self.maxRuns",
                  "parallelism must be <= maxRuns"),
            _rule("self.type != 'random' || (has(self.maxRuns) && has(self.seed))",
                  "random search needs maxRuns and seed, so that its runs are reproducible"),
        ]),
        "source": _source(),
        "datasets": _datasets(),
        "artifactStore": _object("Where runs write models and other artifacts.", {
            "uri": _uri("Base URI, for example s3://bucket/experiments."),
        }, required=["uri"]),
        "owner": _string("Person or team responsible for the experiment.", 253),
        "tags": _tags(),
    }, required=["algorithm"], rules=[
        _rule("!has(self.strategy) || self.strategy.type == 'manual' || has(self.searchSpace)",
              "grid and random strategies need a searchSpace"),
    ]),
    "status": _object("Observed state, written by the controller, never by hand.", {
        "phase": _PHASE,
        "runs": _object("How many runs are in each state.", {
            "total": _integer("All runs of the experiment.", 0, MAX_TRIALS),
            "active": _integer("Runs pending or running.", 0, MAX_TRIALS),
            "succeeded": _integer("Runs that succeeded.", 0, MAX_TRIALS),
            "failed": _integer("Runs that failed.", 0, MAX_TRIALS),
        }),
        "bestRun": _object("The run with the best objective value so far.", {
            "name": _string("Name of the Run.", 253),
            "value": _number("Its objective metric value."),
            "metrics": _metric_values("Its final metric values."),
        }),
        "conditions": _conditions(),
        "observedGeneration": _OBSERVED_GENERATION,
    }),
})

RUN_SCHEMA: Schema = _object("A Run: one execution of an experiment with one set of parameter values.", {
    **_ROOT_FIELDS,
    "spec": _object("What the run executes. experiment and parameters cannot change.", {
        "experiment": _string("Name of the Experiment in the same namespace.", 253, minLength=1,
                              pattern=_DNS_SUBDOMAIN_PATTERN, **{"x-kubernetes-validations": [
                                  _rule("self == oldSelf", "experiment is immutable")]}),
        "parameters": _map("Parameter values of this run, name to value.",
                           _string("A value.", PARAMETER_VALUE_MAX), MAX_PARAMETERS,
                           **{"x-kubernetes-validations": [
                               _rule("self == oldSelf", "parameters are immutable: create a new Run")]}),
        "seed": _integer("Random seed the training uses.", 0, 2**31 - 1),
        "image": _string("Container image of the training.", 512, minLength=1),
        "source": _source(),
        "datasets": _datasets(),
        "job": _string("Name of the Job that executes the run.", _NAME_MAX, minLength=1,
                       pattern=_DNS_LABEL_PATTERN),
        "jobIndex": _integer("Completion index of the run within an Indexed Job (sweeps).", 0, MAX_TRIALS - 1),
        "tags": _tags(),
    }, required=["experiment"], rules=[
        _rule("!has(self.jobIndex) || has(self.job)", "jobIndex needs job"),
        # self == oldSelf on parameters runs only when both have it: removing them is a change too.
        _rule("has(self.parameters) == has(oldSelf.parameters)", "parameters are immutable: create a new Run"),
    ]),
    "status": _object("Observed state, written by the controller or the training, never by hand.", {
        "phase": _PHASE,
        "startTime": _string("When the run started.", 64, format="date-time"),
        "completionTime": _string("When the run finished.", 64, format="date-time"),
        "metrics": _metric_values("Final or latest metric values, name to number; series live elsewhere."),
        "artifacts": _list("Artifacts the run wrote, by URI.", _object("An artifact.", {
            "name": _string("Name of the artifact, unique within the run.", _NAME_MAX, minLength=1),
            "uri": _uri("Where the artifact is stored."),
        }, required=["name", "uri"]), 32, "map", "name"),
        "message": _string("Human-readable detail about the phase.", 4096),
        "conditions": _conditions(),
        "observedGeneration": _OBSERVED_GENERATION,
    }),
}, required=["spec"])
