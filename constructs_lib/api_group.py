"""The API group that every CRD, label key and custom resource of the library refers to."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import InvalidOptionError
from .naming import is_dns_subdomain

__all__ = ["API_VERSION", "ApiGroup", "DEFAULT_GROUP"]

DEFAULT_GROUP = "ai.example.com"
"""The seed's group. Fine for trying the library; give your own domain in production."""

API_VERSION = "v1"
"""The one served and stored version of the Experiment and Run kinds."""


@dataclass(frozen=True, kw_only=True)
class ApiGroup:
    """The API group of the Experiment and Run kinds.

    Pass the same instance to the CRDs, the cluster roles and every experiment, so that all of
    them agree on ``apiVersion`` and on label keys.

    :param name: DNS subdomain with at least one dot. Default: ``ai.example.com``.
    """

    name: str = DEFAULT_GROUP

    def __post_init__(self) -> None:
        if not is_dns_subdomain(self.name) or "." not in self.name:
            raise InvalidOptionError(
                f"'group' ({self.name!r}) must be a DNS subdomain with at least one dot, "
                "such as 'ml.example.org'"
            )

    @property
    def api_version(self) -> str:
        """``<group>/v1``: the ``apiVersion`` of Experiment and Run objects."""
        return f"{self.name}/{API_VERSION}"

    def key(self, name: str) -> str:
        """A label or annotation key in this group: ``<group>/<name>``."""
        return f"{self.name}/{name}"
