"""A training run: the Run record and the batch/v1 Job that executes it.

Names are content-addressed: the Run and its Job are called ``<run name>-<hash>``, the hash
covering the rendered Job spec (pod template included) and the Run spec. A Job's pod template
is immutable in Kubernetes, so changing a run's parameters, image or any other template field
gives a new Run and a new Job instead of an apply the API server rejects, and the old run's
record stays as it was. Re-synthesizing unchanged input gives the same names, so a GitOps sync
never re-runs a finished training.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

import cdk8s
from constructs import Construct

from . import labels as label_keys
from .api_group import ApiGroup
from .documents import emit
from .errors import InvalidNameError, InvalidOptionError, Problems, SearchSpaceError, as_tuple, typed
from .job_template import TrainingTemplate, identity_env
from .naming import JOB_NAME_MAX, content_hash, derive_name, is_dns_label
from .provenance import Dataset, Source
from .schema import IDENTIFIER_PATTERN, RUN_SCHEMA
from .search_space import format_value
from .validation import problems as schema_problems

if TYPE_CHECKING:
    from .experiment import Experiment

__all__ = ["ParameterValue", "TrainingRun", "normalize_parameters", "run_document", "run_spec"]

ParameterValue = int | float | str
"""A parameter value as given in Python; runs carry it as a string (see ``format_value``)."""

_IDENTIFIER = re.compile(IDENTIFIER_PATTERN)
_STATUS_VERBS = ["get", "patch", "update"]
_RBAC = "rbac.authorization.k8s.io"


def normalize_parameters(found: Problems, field: str, parameters: Mapping[str, ParameterValue] | None) -> dict[str, str]:
    """``parameters`` with values as strings; bad names or values are recorded in ``found``."""
    normalized: dict[str, str] = {}
    if parameters is not None and not isinstance(parameters, Mapping):
        found.add(InvalidOptionError, f"'{field}' ({parameters!r}) must be a mapping of name to value")
        return normalized
    for name, value in (parameters or {}).items():
        if not isinstance(name, str) or not _IDENTIFIER.match(name) or len(name) > 63:
            found.add(InvalidOptionError, f"'{field}' name {name!r} must be a letter or '_', then letters, "
                                          "digits, '_', '.' or '-' (at most 63)")
        elif isinstance(value, bool) or not isinstance(value, (int, float, str)):
            found.add(InvalidOptionError, f"'{field}' value of {name!r} ({value!r}) must be an int, float or str")
        else:
            normalized[name] = format_value(value)
    return normalized


@dataclass(frozen=True)
class _Plan:
    """Everything a run emits, validated, before any construct exists."""

    run_name: str
    job_name: str
    parameters: dict[str, str]
    run: dict[str, Any]
    job: dict[str, Any]
    labels: dict[str, str]


class TrainingRun(Construct):
    """One execution of an experiment: a Run record and the Job that trains.

    Usually created with :meth:`Experiment.add_run`. Children: ``Resource`` (the Run), ``Job``
    and, when ``reports_status`` is set, ``ServiceAccount``, ``Role`` and ``RoleBinding``.

    The Run and Job are named ``<name>-<hash of the Job and Run specs>`` (the Job's name is
    shortened with a stable hash when it would exceed 52 characters): a changed run is a new run,
    never an update of an immutable Job. Run records carry the Argo CD and Flux annotations that
    keep them in the cluster when they leave the repository. Job, pods and Run carry
    ``<group>/experiment`` and ``<group>/run`` labels, so ``kubectl get runs,jobs,pods -l
    <group>/experiment=NAME`` lists all of them.

    :param experiment: the experiment the run belongs to; it gives the defaults below.
    :param name: readable name of the run, a DNS-1123 label, unique within the experiment.
    :param parameters: parameter values, overriding the experiment's ``parameters`` of the same
        name; values inside the experiment's ``search_space`` must lie within it. Default: the
        experiment's parameters only.
    :param seed: random seed, recorded in the Run and passed as ``RUN_SEED``. Default: unset.
    :param template: how the training executes. Default: the experiment's template.
    :param source: the code trained. Default: the experiment's source.
    :param datasets: the data read. Default: the experiment's datasets.
    :param labels: labels on every object of the run, over the experiment's labels. Default: none.
    :param tags: free-form tags recorded in the Run. Default: none.
    :param reports_status: the training writes its own Run's status (phase, metrics): the run
        gets a ServiceAccount whose Role may only ``get``, ``patch`` and ``update``
        ``runs/status`` of this one Run, and its token is mounted. Default: ``False`` (no
        account, no token).
    :raises ConfigurationError: (a subclass when all problems are of one kind) listing every
        problem, before anything is added to the construct tree.
    """

    def __init__(self, scope: Construct, id: str, *, experiment: Experiment, name: str,
                 parameters: Mapping[str, ParameterValue] | None = None, seed: int | None = None,
                 template: TrainingTemplate | None = None, source: Source | None = None,
                 datasets: Sequence[Dataset] | None = None, labels: Mapping[str, str] | None = None,
                 tags: Sequence[str] = (), reports_status: bool = False) -> None:
        template = template or experiment.template
        plan = _plan(experiment, name=name, parameters=parameters, seed=seed, template=template,
                     source=source if source is not None else experiment.source,
                     datasets=datasets if datasets is not None else experiment.datasets,
                     labels={**experiment.labels, **(labels or {})}, tags=tags, reports_status=reports_status)
        super().__init__(scope, id)
        self._experiment = experiment
        self._given_name = name
        self._plan = plan
        self._template = template
        self._seed = seed
        self._reports_status = reports_status
        self._resource = emit(self, "Resource", plan.run)
        self._job = emit(self, "Job", plan.job)
        if reports_status:
            for document in _status_writer(experiment, plan, cdk8s.Chart.of(self).namespace):
                emit(self, document["kind"], document)
        experiment._register_run(self)

    @property
    def experiment(self) -> Experiment:
        """The experiment the run belongs to."""
        return self._experiment

    @property
    def given_name(self) -> str:
        """The name given to the run: the readable prefix of :attr:`name`."""
        return self._given_name

    @property
    def name(self) -> str:
        """The Run object's name: the given name and a content hash."""
        return self._plan.run_name

    @property
    def job_name(self) -> str:
        """The Job's name: the Run's name when it fits 52 characters."""
        return self._plan.job_name

    @property
    def parameters(self) -> Mapping[str, str]:
        """Every parameter value of the run (the experiment's and its own), as passed to training."""
        return MappingProxyType(self._plan.parameters)

    @property
    def seed(self) -> int | None:
        """The run's random seed, if any."""
        return self._seed

    @property
    def template(self) -> TrainingTemplate:
        """How the run executes."""
        return self._template

    @property
    def reports_status(self) -> bool:
        """Whether the run has a ServiceAccount that may write its own status."""
        return self._reports_status

    @property
    def labels(self) -> Mapping[str, str]:
        """Labels of every object of the run."""
        return MappingProxyType(self._plan.labels)

    @property
    def resource(self) -> cdk8s.ApiObject:
        """The Run object (escape hatch: ``add_json_patch``)."""
        return self._resource

    @property
    def job(self) -> cdk8s.ApiObject:
        """The Job object. A patch made here is not part of the name's content hash."""
        return self._job


def _plan(experiment: Experiment, *, name: str, parameters: Mapping[str, ParameterValue] | None,
          seed: int | None, template: TrainingTemplate | None, source: Source | None,
          datasets: Sequence[Dataset], labels: dict[str, str], tags: Sequence[str],
          reports_status: bool) -> _Plan:
    found = Problems()
    found.check(_check_name, name)
    datasets, tags = as_tuple(found, "datasets", datasets, Dataset), as_tuple(found, "tags", tags)
    source = typed(found, "source", source, Source)
    if any(run.given_name == name for run in experiment.runs):
        found.add(InvalidNameError, f"'name' ({name!r}) is already a run of experiment {experiment.name!r}")
    if template is None:
        found.add(InvalidOptionError, f"'template' is required: experiment {experiment.name!r} has no default template")
    elif not isinstance(template, TrainingTemplate):
        found.add(InvalidOptionError, f"'template' ({template!r}) must be of type TrainingTemplate")
    if not isinstance(reports_status, bool):
        found.add(InvalidOptionError, f"'reports_status' ({reports_status!r}) must be True or False")
    values = {**experiment.parameters, **normalize_parameters(found, "parameters", parameters)}
    for dimension in experiment.search_space:
        reason = dimension.check_value(values[dimension.name]) if dimension.name in values else None
        if reason:
            found.add(SearchSpaceError, f"parameter {dimension.name!r} ({values[dimension.name]!r}) {reason} "
                                        f"(the searchSpace of experiment {experiment.name!r})")
    if isinstance(template, TrainingTemplate):
        found.add(InvalidOptionError, *template.parameter_problems(values))
    group = experiment.group
    label_keys.check_label_keys(found, "labels", labels, [group.key(label_keys.EXPERIMENT), group.key(label_keys.RUN)])
    spec = run_spec(experiment, values, image=template.image if isinstance(template, TrainingTemplate) else None,
                    source=source, datasets=datasets, seed=seed, tags=tags)
    found.add(InvalidOptionError, *schema_problems(RUN_SCHEMA["properties"]["spec"], spec, path="spec"))
    merged = found.check(label_keys.merge_labels, _library_labels(experiment, name), labels)
    found.raise_if_any()
    template, merged = cast(TrainingTemplate, template), cast(dict[str, str], merged)  # both checked above

    def render(run_name: str, job_name: str) -> tuple[dict[str, Any], dict[str, Any], dict[str, str]]:
        run_labels = {**merged, group.key(label_keys.RUN): run_name}
        args, env = template.parameter_arguments(values)
        pod = template.pod_template(
            labels=run_labels, args=args, service_account=run_name if reports_status else None,
            env=[*identity_env(experiment=experiment.name, run=run_name, seed=seed), *env])
        job = template.job(name=job_name, labels=run_labels, pod_template=pod)
        return run_document(group, run_name, run_labels, {**spec, "job": job_name}), job, run_labels

    _, provisional_job, _ = render(name, name)
    digest = content_hash([provisional_job["spec"], spec])
    run_name, job_name = derive_name(name, digest), derive_name(name, digest, max_length=JOB_NAME_MAX)
    run, job, run_labels = render(run_name, job_name)
    return _Plan(run_name=run_name, job_name=job_name, parameters=values, run=run, job=job, labels=run_labels)


def _check_name(name: str) -> None:
    if not isinstance(name, str) or not is_dns_label(name):
        raise InvalidNameError(f"'name' ({name!r}) must be a DNS-1123 label: at most 63 lowercase letters, "
                               "digits or '-', starting and ending with a letter or digit")


def _library_labels(experiment: Experiment, run: str) -> dict[str, str]:
    return {**experiment.library_labels, label_keys.COMPONENT: "run",
            experiment.group.key(label_keys.RUN): run}


def run_spec(experiment: Experiment, values: Mapping[str, str], *, image: str | None, source: Source | None,
             datasets: Sequence[Dataset], seed: int | None = None, tags: Sequence[str] = ()) -> dict[str, Any]:
    """A Run's spec (without ``job``): what ran, with which values, code and data."""
    spec: dict[str, Any] = {"experiment": experiment.name}
    if values:
        spec["parameters"] = dict(sorted(values.items()))
    if seed is not None:
        spec["seed"] = seed
    if image is not None:
        spec["image"] = image
    if source is not None:
        spec["source"] = source.to_spec()
    if datasets:
        spec["datasets"] = [dataset.to_spec() for dataset in datasets]
    if tags:
        spec["tags"] = list(tags)
    return spec


def run_document(group: ApiGroup, name: str, labels: Mapping[str, str], spec: dict[str, Any]) -> dict[str, Any]:
    """A Run record, kept in the cluster when it leaves the repository; metadata keys sorted as
    cdk8s sorts them (sweeps write their records without cdk8s)."""
    return {"apiVersion": group.api_version, "kind": "Run",
            "metadata": {"annotations": dict(sorted(label_keys.KEEP_ON_PRUNE.items())),
                         "labels": dict(sorted(labels.items())), "name": name},
            "spec": spec}


def _status_writer(experiment: Experiment, plan: _Plan, namespace: str | None) -> list[dict[str, Any]]:
    """A ServiceAccount, and a Role and RoleBinding letting it write only this Run's status."""
    name, labels = plan.run_name, plan.labels
    subject: dict[str, Any] = {"kind": "ServiceAccount", "name": name}
    if namespace:
        subject["namespace"] = namespace  # unset, it means the RoleBinding's own namespace
    return [
        {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": name, "labels": labels},
         "automountServiceAccountToken": False},
        {"apiVersion": f"{_RBAC}/v1", "kind": "Role", "metadata": {"name": name, "labels": labels},
         "rules": [{"apiGroups": [experiment.group.name], "resourceNames": [name],
                    "resources": ["runs/status"], "verbs": _STATUS_VERBS}]},
        {"apiVersion": f"{_RBAC}/v1", "kind": "RoleBinding", "metadata": {"name": name, "labels": labels},
         "roleRef": {"apiGroup": _RBAC, "kind": "Role", "name": name}, "subjects": [subject]},
    ]
