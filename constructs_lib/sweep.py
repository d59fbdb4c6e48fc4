"""A hyperparameter sweep: an experiment's search space and strategy expanded into runs at synth time.

By default every trial runs in one Indexed Job (Kubernetes 1.29+ for ``backoffLimitPerIndex``):
``completions`` is the number of trials and ``parallelism`` bounds how many pods run at once,
with no controller involved. Index ``i`` reads its parameters from the JSON file named by
``RUN_PARAMETERS_FILE`` (``/etc/sweep/<i>.json``, from immutable ConfigMaps). One Run record per
trial names the Job and its index. Alternatively (:attr:`SweepMode.JOB_PER_TRIAL`) each trial is
a :class:`TrainingRun` of its own, admitted by a Kueue queue.

Names are content-addressed. The Job's name hashes its spec (template, trials and all), so a
changed search space or template gives a new Job that never collides with the previous one; a
Run's name is the Job's name plus a hash of the trial's parameter values, independent of the
order in which parameters were declared. Synthesizing again never renames anything.

The Run records of an Indexed sweep are rendered in Python and written as one nested chart
(:attr:`Sweep.records`), a file of their own: creating 10,000 cdk8s objects one by one would
cost a round trip to the jsii process each.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

import cdk8s
from constructs import Construct

from . import labels as label_keys
from .documents import emit
from .errors import InvalidNameError, InvalidOptionError, Problems, SweepError
from .experiment import Experiment
from .job_template import CompletionMode, TrainingTemplate, identity_env
from .naming import DNS_LABEL_MAX, JOB_NAME_MAX, content_hash, derive_name, is_dns_label
from .sampling import Trial, expand
from .schema import MAX_PARAMETERS, RUN_SCHEMA
from .search_space import Strategy
from .training_run import TrainingRun, run_document, run_spec
from .validation import ensure_valid
from .volumes import Mount, VolumeSource

__all__ = ["DEFAULT_PARALLELISM", "ENV_PARAMETERS_FILE", "ENV_TRIAL_INDEX", "Sweep", "SweepMode"]

DEFAULT_PARALLELISM = 3
"""Pods running at once when the strategy sets no ``parallelism`` (Katib's default too)."""

ENV_TRIAL_INDEX = "TRIAL_INDEX"
"""Environment variable holding the pod's completion index (its trial) in an Indexed sweep."""
ENV_PARAMETERS_FILE = "RUN_PARAMETERS_FILE"
"""Environment variable naming the JSON file with the trial's run name and parameters:
``{"run": "<name>", "parameters": {"<name>": "<value>", ...}}``."""

_PARAMETERS_DIR = "/etc/sweep"
_CONFIGMAP_BYTES = 200_000
"""Most bytes of parameter files per ConfigMap, counted as they appear in the object's JSON
(escaped). A ConfigMap's data may hold 1 MiB, but a client-side ``kubectl apply`` (also Argo CD's
default) copies the whole object into its ``last-applied-configuration`` annotation, and an
object's annotations may total at most 256 KiB (262,144 bytes): this leaves room for the metadata."""
_COMPLETION_INDEX = "metadata.annotations['batch.kubernetes.io/job-completion-index']"


class SweepMode(Enum):
    """How the trials of a sweep execute."""

    INDEXED_JOB = "indexed-job"
    """One Indexed Job; ``parallelism`` bounds the pods running at once. Needs Kubernetes 1.29+."""
    JOB_PER_TRIAL = "job-per-trial"
    """One Job per trial, each with the template's Kueue ``queue``: Kueue bounds what runs."""


@dataclass(frozen=True, kw_only=True)
class _ProjectedConfigMaps(VolumeSource):
    """Several ConfigMaps' keys as files in one directory."""

    names: tuple[str, ...]

    def to_spec(self) -> dict[str, Any]:
        return {"projected": {"defaultMode": 0o644,
                              "sources": [{"configMap": {"name": name}} for name in self.names]}}


class _Records(cdk8s.Chart):
    """A chart whose documents are rendered in Python and handed to cdk8s in one call."""

    def __init__(self, scope: Construct, id: str, documents: list[dict[str, Any]]) -> None:
        super().__init__(scope, id)
        self._documents = documents

    def to_json(self) -> list[Any]:
        return [*super().to_json(), *self._documents]


class Sweep(Construct):
    """Runs for every trial of an experiment's search space and strategy.

    Children in the default mode: ``Job`` (the Indexed Job), ``Parameters<n>`` (immutable
    ConfigMaps holding each index's parameters) and ``Runs``, a nested chart with one Run per
    trial (``cdk8s.Testing.synth(sweep.records)`` shows them). In ``JOB_PER_TRIAL`` mode, one
    :class:`TrainingRun` per trial instead.

    :param experiment: the experiment; its ``search_space`` and ``strategy`` (grid or random)
        define the trials, its fixed ``parameters`` go to every trial, its template, source,
        datasets and labels are the defaults.
    :param name: readable prefix of the Job's and runs' names, a DNS-1123 label of at most 30
        characters. Default: the experiment's name, shortened with a hash when longer.
    :param template: how trials execute. Default: the experiment's template.
    :param mode: Default: :attr:`SweepMode.INDEXED_JOB`.
    :param truncate: keep the first ``maxRuns`` trials of a grid that has more, instead of
        raising. Default: ``False``.
    :param labels: labels on every object of the sweep, over the experiment's; not
        ``<group>/experiment``, ``<group>/run`` or ``<group>/sweep``, which the library sets.
        Default: none.
    :raises ConfigurationError: a subclass naming the field and the rule, before anything is
        added to the construct tree: no grid or random strategy, an empty search space, a grid
        larger than ``maxRuns``, random search that cannot find ``maxRuns`` distinct
        configurations, a template that cannot run a sweep, a bad name or label.
    """

    def __init__(self, scope: Construct, id: str, *, experiment: Experiment, name: str | None = None,
                 template: TrainingTemplate | None = None, mode: SweepMode = SweepMode.INDEXED_JOB,
                 truncate: bool = False, labels: Mapping[str, str] | None = None) -> None:
        template = template or experiment.template
        name = name if name is not None else derive_name(experiment.name, max_length=_NAME_MAX)
        strategy = _check(experiment, name, template, mode, dict(labels or {}))
        trials = expand(experiment.search_space, strategy, truncate=truncate)
        sweep_labels = {**experiment.labels, **(labels or {}), experiment.group.key(label_keys.SWEEP): name}
        # Everything is rendered and validated before the sweep joins the construct tree.
        indexed = None if mode is SweepMode.JOB_PER_TRIAL else _indexed(
            experiment, template, strategy, name, trials, sweep_labels, cdk8s.Chart.of(scope))
        super().__init__(scope, id)
        self._experiment = experiment
        self._name = name
        self._trials = trials
        self._records: cdk8s.Chart | None = None
        self._job_name: str | None = None
        if indexed is None:
            self._runs = tuple(experiment.add_run(derive_name(name, trial.key[:8]), parameters=dict(trial.parameters),
                                                  template=template, labels=sweep_labels)
                               for trial in trials)
            return
        self._runs = ()
        job_name, configmaps, job, records = indexed
        for index, configmap in enumerate(configmaps):
            emit(self, f"Parameters{index}", configmap)
        emit(self, "Job", job)
        self._job_name = job_name
        self._records = _Records(self, "Runs", records)

    @property
    def name(self) -> str:
        """The readable prefix of the sweep's names, also its ``<group>/sweep`` label."""
        return self._name

    @property
    def job_name(self) -> str | None:
        """The Indexed Job's name; ``None`` in ``JOB_PER_TRIAL`` mode."""
        return self._job_name

    @property
    def trials(self) -> tuple[Trial, ...]:
        """The trials, in index order."""
        return self._trials

    @property
    def runs(self) -> tuple[TrainingRun, ...]:
        """The runs of a ``JOB_PER_TRIAL`` sweep; empty for an Indexed sweep (see :attr:`records`)."""
        return self._runs

    @property
    def records(self) -> cdk8s.Chart | None:
        """The nested chart holding the Run records of an Indexed sweep; ``None`` otherwise."""
        return self._records


_NAME_MAX = 30  # leaves room in 52 (Job) and 63 (Run) for two hashes


def _check(experiment: Experiment, name: str, template: TrainingTemplate | None, mode: SweepMode,
           labels: dict[str, str]) -> Strategy:
    found = Problems()
    strategy = experiment.strategy
    if strategy is None:
        found.add(SweepError, f"experiment {experiment.name!r} has no 'strategy': a sweep needs grid or random")
    if not isinstance(name, str) or not is_dns_label(name) or len(name) > _NAME_MAX:
        found.add(InvalidNameError, f"'name' ({name!r}) must be a DNS-1123 label of at most {_NAME_MAX} characters")
    if not isinstance(template, TrainingTemplate):
        found.add(InvalidOptionError, f"'template' ({template!r}) must be a TrainingTemplate: experiment "
                                      f"{experiment.name!r} has no default template")
    if not isinstance(mode, SweepMode):
        found.add(InvalidOptionError, f"'mode' ({mode!r}) must be a SweepMode")
    elif mode is SweepMode.JOB_PER_TRIAL and isinstance(template, TrainingTemplate) and not template.queue:
        found.add(InvalidOptionError, "'mode' (JOB_PER_TRIAL) needs the template's 'queue': without Kueue "
                                      "every trial's Job would start at once")
    group = experiment.group  # the experiment's own labels were checked by the Experiment
    label_keys.check_label_keys(found, "labels", labels,
                     [group.key(label_keys.EXPERIMENT), group.key(label_keys.RUN), group.key(label_keys.SWEEP)])
    found.check(label_keys.merge_labels, {}, labels)
    names = {*experiment.parameters, *(parameter.name for parameter in experiment.search_space)}
    if len(names) > MAX_PARAMETERS:
        found.add(InvalidOptionError, f"the fixed and searched parameters of experiment {experiment.name!r} "
                                      f"({len(names)}) must be at most {MAX_PARAMETERS}, the most a Run holds")
    if mode is SweepMode.JOB_PER_TRIAL and isinstance(template, TrainingTemplate):
        found.add(InvalidOptionError, *template.parameter_problems(dict.fromkeys(sorted(names), "")))
    found.raise_if_any()
    return strategy  # type: ignore[return-value]  # None was reported above


def _indexed(experiment: Experiment, template: TrainingTemplate, strategy: Strategy, name: str,
             trials: tuple[Trial, ...], user_labels: dict[str, str], chart: cdk8s.Chart,
             ) -> tuple[str, list[dict[str, Any]], dict[str, Any], list[dict[str, Any]]]:
    """The Job's name, the ConfigMaps, the Job and the Run records of an Indexed sweep, validated."""
    labels = label_keys.merge_labels({**experiment.library_labels, label_keys.COMPONENT: "sweep"}, user_labels)
    parameters = [{**experiment.parameters, **dict(trial.parameters)} for trial in trials]
    # The Job's name hashes its template and every trial's parameters; the parameter files
    # name the runs, which are named after the Job: so hash a provisional rendering first.
    provisional = _job(experiment, template, strategy, name, labels, ["provisional"], parameters)
    job_name = derive_name(name, content_hash([provisional["spec"], parameters]), max_length=JOB_NAME_MAX)
    run_names = [derive_name(job_name, trial.key[:10], max_length=DNS_LABEL_MAX) for trial in trials]
    files = {f"{index}.json": json.dumps({"parameters": dict(sorted(values.items())), "run": run},
                                         sort_keys=True, separators=(",", ":"))
             for index, (run, values) in enumerate(zip(run_names, parameters))}
    configmaps = _configmaps(job_name, labels, files)
    job = _job(experiment, template, strategy, job_name, labels,
               [c["metadata"]["name"] for c in configmaps], parameters)
    # The records bypass cdk8s's metadata handling: give them the chart's namespace and labels
    # as cdk8s gives them to the other objects (an object's own labels win).
    run_labels, namespace = {**chart.labels, **labels}, chart.namespace  # each a call to node: once
    records = [_run(experiment, template, job_name, index, run, values, run_labels, namespace)
               for index, (run, values) in enumerate(zip(run_names, parameters))]
    return job_name, configmaps, job, records


def _job(experiment: Experiment, template: TrainingTemplate, strategy: Strategy, name: str,
         labels: dict[str, str], configmaps: list[str], parameters: list[dict[str, str]]) -> dict[str, Any]:
    # A fixed parameter that is also searched reaches each index through its file only.
    searched = {parameter.name for parameter in experiment.search_space}
    fixed_args, fixed_env = template.parameter_arguments(
        {key: value for key, value in experiment.parameters.items() if key not in searched})
    env = [*identity_env(experiment=experiment.name),
           {"name": ENV_TRIAL_INDEX, "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": _COMPLETION_INDEX}}},
           {"name": ENV_PARAMETERS_FILE, "value": f"{_PARAMETERS_DIR}/$({ENV_TRIAL_INDEX}).json"},
           *fixed_env]
    mount = Mount(name="sweep-parameters", path=_PARAMETERS_DIR, source=_ProjectedConfigMaps(names=tuple(configmaps)))
    pod = template.pod_template(labels=labels, args=fixed_args, env=env, volumes=[mount])
    trials = len(parameters)
    return template.job(name=name, labels=labels, pod_template=pod, completions=trials,
                        parallelism=min(strategy.parallelism or DEFAULT_PARALLELISM, trials),
                        completion_mode=CompletionMode.INDEXED)


def _configmaps(job_name: str, labels: dict[str, str], files: dict[str, str]) -> list[dict[str, Any]]:
    """``files`` in as few immutable ConfigMaps as fit, named after the Job."""
    chunks: list[dict[str, str]] = [{}]
    size = 0
    for key, content in files.items():
        entry = _encoded_size(key) + _encoded_size(content) + 2  # '"key":"content",'
        if chunks[-1] and size + entry > _CONFIGMAP_BYTES:
            chunks.append({})
            size = 0
        chunks[-1][key] = content
        size += entry
    return [{"apiVersion": "v1", "kind": "ConfigMap",
             "metadata": {"name": derive_name(job_name, f"p{index}"), "labels": labels},
             "data": chunk, "immutable": True}
            for index, chunk in enumerate(chunks)]


def _encoded_size(text: str) -> int:
    """Length of ``text`` (ASCII, from ``json.dumps``) as a JSON string written by Go's
    encoding/json, as kubectl writes the annotation: quoted, with ``"`` and ``\\`` escaped by a
    backslash and ``<``, ``>``, ``&`` written as ``\\u003c``, ``\\u003e``, ``\\u0026``."""
    return (len(text) + 2 + text.count('"') + text.count("\\")
            + 5 * (text.count("<") + text.count(">") + text.count("&")))


def _run(experiment: Experiment, template: TrainingTemplate, job_name: str, index: int, name: str,
         parameters: dict[str, str], labels: dict[str, str], namespace: str | None) -> dict[str, Any]:
    """One trial's Run record, validated."""
    spec = run_spec(experiment, parameters, image=template.image, source=experiment.source,
                    datasets=experiment.datasets)
    spec.update(job=job_name, jobIndex=index)
    run_labels = {**labels, label_keys.COMPONENT: "run", experiment.group.key(label_keys.RUN): name}
    document = run_document(experiment.group, name, run_labels, spec)
    if namespace:
        document["metadata"]["namespace"] = namespace
    ensure_valid(RUN_SCHEMA, document)
    return document
