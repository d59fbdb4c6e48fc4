"""Label and annotation keys the library writes, as documented constants.

Group-scoped keys (``<group>/experiment``, ``<group>/run``, ``<group>/sweep``) come from
:meth:`ApiGroup.key`, so that ``kubectl get runs,jobs,pods -l <group>/experiment=NAME`` finds
every object of an experiment. User labels win over library labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .errors import InvalidNameError, InvalidOptionError, Problems
from .naming import is_label_value

__all__ = [
    "ARGOCD_SYNC_OPTIONS",
    "ARGOCD_SYNC_WAVE",
    "COMPONENT",
    "EXPERIMENT",
    "FLUX_PRUNE",
    "KEEP_ON_PRUNE",
    "KUEUE_QUEUE_NAME",
    "MANAGED_BY",
    "NAME",
    "PART_OF",
    "PART_OF_VALUE",
    "RUN",
    "SWEEP",
    "check_label_keys",
    "merge_labels",
]

NAME = "app.kubernetes.io/name"
COMPONENT = "app.kubernetes.io/component"
PART_OF = "app.kubernetes.io/part-of"
MANAGED_BY = "app.kubernetes.io/managed-by"
PART_OF_VALUE = "ai-experiments"
"""Value of ``app.kubernetes.io/part-of`` on everything the library emits."""

EXPERIMENT = "experiment"
"""Suffix of the ``<group>/experiment`` label: the experiment's name."""
RUN = "run"
"""Suffix of the ``<group>/run`` label: the run's name."""
SWEEP = "sweep"
"""Suffix of the ``<group>/sweep`` label: the sweep's name."""

KUEUE_QUEUE_NAME = "kueue.x-k8s.io/queue-name"
"""Kueue's label naming the LocalQueue a Job is admitted through."""

ARGOCD_SYNC_WAVE = "argocd.argoproj.io/sync-wave"
ARGOCD_SYNC_OPTIONS = "argocd.argoproj.io/sync-options"
FLUX_PRUNE = "kustomize.toolkit.fluxcd.io/prune"
KEEP_ON_PRUNE: Mapping[str, str] = {ARGOCD_SYNC_OPTIONS: "Prune=false", FLUX_PRUNE: "disabled"}
"""Annotations that keep an object in the cluster when it leaves the repository, for Argo CD and
Flux: Run records, and the CRDs (deleting a CRD deletes every object of its kind)."""


def merge_labels(library: Mapping[str, str], user: Mapping[str, str] | None) -> dict[str, str]:
    """The library's labels overlaid by the user's, every value checked.

    :raises InvalidNameError: for a value Kubernetes rejects as a label value.
    """
    merged = {**library, **(user or {})}
    bad = [f"label '{key}' ({value!r}) must be at most 63 letters, digits, '-', '_' or '.', "
           "starting and ending with a letter or digit"
           for key, value in merged.items() if not isinstance(value, str) or not is_label_value(value)]
    if bad:
        raise InvalidNameError(bad)
    return dict(sorted(merged.items()))


def check_label_keys(found: Problems, field: str, labels: Mapping[str, str], reserved: Sequence[str]) -> None:
    """Record a problem for each user label that would replace one the library relies on."""
    for key in sorted(set(labels) & set(reserved)):
        found.add(InvalidOptionError, f"'{field}' must not set {key!r}: the library sets it to tie "
                                      "experiments, runs, Jobs and pods together")
