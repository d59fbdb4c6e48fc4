"""Where a run's code and data come from: the source repository and the datasets.

Both are recorded in the Experiment and in each Run (``spec.source``, ``spec.datasets``), so that
a result can be traced back to the exact code and data. Each value checks itself against the
very schema node the CRDs use for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import InvalidOptionError
from .schema import RUN_SCHEMA
from .validation import require_valid

__all__ = ["Dataset", "Source"]

_SPEC = RUN_SCHEMA["properties"]["spec"]["properties"]


def _without_none(**fields: Any) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}


@dataclass(frozen=True, kw_only=True)
class Source:
    """The code that is trained.

    :param repository: repository URL, for example ``https://github.com/org/repo``.
    :param revision: commit, tag or branch; a commit SHA makes a run reproducible. Default: unset.
    :raises InvalidOptionError: when the CRD's schema rejects it (empty or too long).
    """

    repository: str
    revision: str | None = None

    def __post_init__(self) -> None:
        require_valid(_SPEC["source"], self.to_spec(), path="source", error=InvalidOptionError)

    def to_spec(self) -> dict[str, Any]:
        """The ``spec.source`` field of an Experiment or Run."""
        return _without_none(repository=self.repository, revision=self.revision)


@dataclass(frozen=True, kw_only=True)
class Dataset:
    """A dataset the training reads. Recording it does not mount it: add a
    :class:`~constructs_lib.volumes.Mount` to the training template for that.

    :param name: a DNS-1123 label, unique among the datasets of an experiment or run.
    :param uri: where it lives, with a scheme: ``s3://bucket/imagenet``, ``pvc://claim/path``.
    :param version: version or snapshot of the data. Default: unset.
    :raises InvalidOptionError: when the CRD's schema or rules reject it.
    """

    name: str
    uri: str
    version: str | None = None

    def __post_init__(self) -> None:
        require_valid(_SPEC["datasets"]["items"], self.to_spec(), path=f"datasets[{self.name}]",
                      error=InvalidOptionError)

    def to_spec(self) -> dict[str, Any]:
        """An entry of ``spec.datasets``."""
        return _without_none(name=self.name, uri=self.uri, version=self.version)
