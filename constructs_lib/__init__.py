"""Kubernetes-native AI experiment tracking as cdk8s constructs.

Install the API once per cluster with :class:`CustomResourceDefinitions` and
:class:`ApiClusterRoles`; declare experiments, their runs and sweeps with the other constructs.
"""

from .api_group import ApiGroup, DEFAULT_GROUP
from .cluster_roles import ApiClusterRoles
from .crds import CustomResourceDefinitions, DEFAULT_HEADLINE_METRICS
from .errors import (
    ConfigurationError,
    InvalidNameError,
    InvalidOptionError,
    SchemaViolationError,
    SearchSpaceError,
    SweepError,
)

__all__ = [
    "ApiClusterRoles",
    "ApiGroup",
    "ConfigurationError",
    "CustomResourceDefinitions",
    "DEFAULT_GROUP",
    "DEFAULT_HEADLINE_METRICS",
    "InvalidNameError",
    "InvalidOptionError",
    "SchemaViolationError",
    "SearchSpaceError",
    "SweepError",
]
