"""An Experiment: what is being tried and how success is judged, with the runs added to it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

import cdk8s
from constructs import Construct

from . import labels as label_keys
from .api_group import ApiGroup
from .documents import emit
from .errors import InvalidNameError, InvalidOptionError, Problems, as_tuple, typed
from .job_template import TrainingTemplate
from .naming import derive_name, is_dns_label
from .provenance import Dataset, Source
from .schema import EXPERIMENT_SCHEMA
from .search_space import Objective, SearchParameter, Strategy
from .training_run import ParameterValue, TrainingRun, normalize_parameters
from .validation import problems as schema_problems

__all__ = ["Experiment"]


class Experiment(Construct):
    """An Experiment object, the defaults of its runs, and a NetworkPolicy for their pods.

    Children: ``Resource`` (the Experiment), ``NetworkPolicy`` (unless ``deny_ingress`` is
    ``False``) and one :class:`TrainingRun` per :meth:`add_run`, under the run's name.

    :param name: the Experiment's name, kept as given: a DNS-1123 label (it is also a label value).
    :param algorithm: the model or training algorithm, for example ``neural-network``.
    :param template: how runs execute (image, command, resources...); runs may override it.
        Default: unset (every run must then give its own).
    :param description: what the experiment is about. Default: unset.
    :param parameters: fixed parameters, name to value, that every run receives unless it
        overrides them; written as ``name=value`` strings. Default: none.
    :param metrics: reference or summary metric values, name to number. Default: none.
    :param objective: the metric that judges runs. Default: unset.
    :param search_space: the parameters a sweep varies; run parameters must lie within it.
        Default: none.
    :param strategy: how runs are chosen. Default: unset.
    :param source: the code trained, inherited by runs. Default: unset.
    :param datasets: the data read, inherited by runs. Default: none.
    :param artifact_store: base URI where runs write artifacts, for example
        ``s3://bucket/experiments``. Default: unset.
    :param owner: person or team responsible. Default: unset.
    :param tags: free-form tags. Default: none.
    :param labels: labels on the Experiment and every object of its runs (user labels win over
        the library's, except ``<group>/experiment`` and ``<group>/run``). Default: none.
    :param group: the API group. Default: ``ApiGroup()`` (``ai.example.com``).
    :param deny_ingress: emit a NetworkPolicy denying all ingress to the experiment's training
        pods (they serve nothing; this also blocks scraping of metrics from the pods). Default:
        ``True``.
    :raises ConfigurationError: (a subclass when all problems are of one kind) listing every
        problem, before anything is added to the construct tree.
    """

    def __init__(self, scope: Construct, id: str, *, name: str, algorithm: str,
                 template: TrainingTemplate | None = None, description: str | None = None,
                 parameters: Mapping[str, ParameterValue] | None = None,
                 metrics: Mapping[str, float] | None = None, objective: Objective | None = None,
                 search_space: Sequence[SearchParameter] = (), strategy: Strategy | None = None,
                 source: Source | None = None, datasets: Sequence[Dataset] = (),
                 artifact_store: str | None = None, owner: str | None = None, tags: Sequence[str] = (),
                 labels: Mapping[str, str] | None = None, group: ApiGroup | None = None,
                 deny_ingress: bool = True) -> None:
        found = Problems()
        # A value of the wrong type is recorded and replaced by None, so that checking goes on.
        group = typed(found, "group", group, ApiGroup) or ApiGroup()
        template = typed(found, "template", template, TrainingTemplate)
        objective = typed(found, "objective", objective, Objective)
        strategy = typed(found, "strategy", strategy, Strategy)
        source = typed(found, "source", source, Source)
        if not isinstance(name, str) or not is_dns_label(name):
            found.add(InvalidNameError, f"'name' ({name!r}) must be a DNS-1123 label: at most 63 lowercase "
                                        "letters, digits or '-', starting and ending with a letter or digit")
        search_space = as_tuple(found, "search_space", search_space, SearchParameter)
        datasets = as_tuple(found, "datasets", datasets, Dataset)
        tags = as_tuple(found, "tags", tags)
        fixed = normalize_parameters(found, "parameters", parameters)
        user_labels = dict(labels or {})
        label_keys.check_label_keys(found, "labels", user_labels,
                                    [group.key(label_keys.EXPERIMENT), group.key(label_keys.RUN)])
        library_labels = {label_keys.NAME: str(name), label_keys.PART_OF: label_keys.PART_OF_VALUE,
                          label_keys.MANAGED_BY: "cdk8s", group.key(label_keys.EXPERIMENT): str(name)}
        merged = found.check(label_keys.merge_labels, {**library_labels, label_keys.COMPONENT: "experiment"},
                             user_labels)
        spec = _spec(algorithm=algorithm, description=description, parameters=fixed, metrics=metrics,
                     objective=objective, search_space=search_space, strategy=strategy, source=source,
                     datasets=datasets, artifact_store=artifact_store, owner=owner, tags=tags)
        document = {"apiVersion": group.api_version, "kind": "Experiment",
                    "metadata": {"name": name, "labels": merged}, "spec": spec}
        found.add(InvalidOptionError, *schema_problems(EXPERIMENT_SCHEMA, document))
        if not isinstance(deny_ingress, bool):
            found.add(InvalidOptionError, f"'deny_ingress' ({deny_ingress!r}) must be True or False")
        found.raise_if_any()

        super().__init__(scope, id)
        self._name = name
        self._group = group
        self._template = template
        self._parameters = fixed
        self._search_space = search_space
        self._strategy = strategy
        self._source = source
        self._datasets = datasets
        self._labels = user_labels
        self._library_labels = library_labels
        self._runs: list[TrainingRun] = []
        self._resource = emit(self, "Resource", document)
        if deny_ingress:
            emit(self, "NetworkPolicy", _deny_ingress(group, name, merged))

    def add_run(self, name: str, *, parameters: Mapping[str, ParameterValue] | None = None,
                seed: int | None = None, template: TrainingTemplate | None = None,
                source: Source | None = None, datasets: Sequence[Dataset] | None = None,
                labels: Mapping[str, str] | None = None, tags: Sequence[str] = (),
                reports_status: bool = False) -> TrainingRun:
        """Add a :class:`TrainingRun` named ``name`` (its construct id too); see there for the
        options. Omitted options come from the experiment.

        :raises InvalidNameError: when ``name`` is already a run of this experiment.
        """
        return TrainingRun(self, name, experiment=self,
                           name=name, parameters=parameters, seed=seed, template=template,
                           source=source, datasets=datasets, labels=labels, tags=tags,
                           reports_status=reports_status)

    def _register_run(self, run: TrainingRun) -> None:
        """Called by :class:`TrainingRun` once it is built."""
        self._runs.append(run)

    @property
    def name(self) -> str:
        """The Experiment's name."""
        return self._name

    @property
    def group(self) -> ApiGroup:
        """The API group of the Experiment and its runs."""
        return self._group

    @property
    def template(self) -> TrainingTemplate | None:
        """The runs' default template."""
        return self._template

    @property
    def parameters(self) -> Mapping[str, str]:
        """The fixed parameters, values as strings."""
        return MappingProxyType(self._parameters)

    @property
    def search_space(self) -> tuple[SearchParameter, ...]:
        """The searched parameters."""
        return self._search_space

    @property
    def strategy(self) -> Strategy | None:
        """How runs are chosen from the search space."""
        return self._strategy

    @property
    def source(self) -> Source | None:
        """The runs' default source."""
        return self._source

    @property
    def datasets(self) -> tuple[Dataset, ...]:
        """The runs' default datasets."""
        return self._datasets

    @property
    def labels(self) -> Mapping[str, str]:
        """The user's labels, given to every object of the experiment."""
        return MappingProxyType(self._labels)

    @property
    def library_labels(self) -> Mapping[str, str]:
        """The labels the library puts on every object of the experiment: ``app.kubernetes.io/name``
        (the experiment), ``part-of``, ``managed-by`` and ``<group>/experiment``."""
        return MappingProxyType(self._library_labels)

    @property
    def runs(self) -> tuple[TrainingRun, ...]:
        """The runs added so far."""
        return tuple(self._runs)

    @property
    def resource(self) -> cdk8s.ApiObject:
        """The Experiment object (escape hatch: ``add_json_patch``)."""
        return self._resource


def _spec(*, algorithm: str, description: str | None, parameters: dict[str, str],
          metrics: Mapping[str, float] | None, objective: Objective | None, search_space: Sequence[SearchParameter],
          strategy: Strategy | None, source: Source | None, datasets: Sequence[Dataset],
          artifact_store: str | None, owner: str | None, tags: Sequence[str]) -> dict[str, Any]:
    """The Experiment's spec in schema field names; the schema then checks every value."""
    spec: dict[str, Any] = {"algorithm": algorithm}
    optional: dict[str, Any] = {
        "description": description,
        "parameters": [f"{name}={value}" for name, value in parameters.items()] or None,
        "metrics": dict(metrics) if metrics else None,
        "objective": objective.to_spec() if objective else None,
        "searchSpace": [p.to_spec() for p in search_space] or None,
        "strategy": strategy.to_spec() if strategy else None,
        "source": source.to_spec() if source else None,
        "datasets": [d.to_spec() for d in datasets] or None,
        "artifactStore": {"uri": artifact_store} if artifact_store is not None else None,
        "owner": owner,
        "tags": list(tags) or None,
    }
    spec.update((key, value) for key, value in optional.items() if value is not None)
    return spec


def _deny_ingress(group: ApiGroup, name: str, labels: Mapping[str, str]) -> dict[str, Any]:
    return {
        "apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
        "metadata": {"name": derive_name(name, "deny-ingress"), "labels": dict(labels)},
        "spec": {"podSelector": {"matchLabels": {group.key(label_keys.EXPERIMENT): name}},
                 "policyTypes": ["Ingress"]},
    }
