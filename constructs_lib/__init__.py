"""Kubernetes-native AI experiment tracking as cdk8s constructs.

Install the API once per cluster with :class:`CustomResourceDefinitions` and
:class:`ApiClusterRoles`; declare an :class:`Experiment`, add runs to it
(:meth:`Experiment.add_run`, each a Run record and the Job that trains) or expand its search
space into a :class:`Sweep`.
"""

from .api_group import DEFAULT_GROUP, ApiGroup
from .cluster_roles import ApiClusterRoles
from .crds import DEFAULT_HEADLINE_METRICS, CustomResourceDefinitions
from .errors import (
    ConfigurationError,
    InvalidNameError,
    InvalidOptionError,
    SchemaViolationError,
    SearchSpaceError,
    SweepError,
)
from .experiment import Experiment
from .job_template import (
    CompletionMode,
    ParameterPassing,
    PullPolicy,
    SecretKeyRef,
    Toleration,
    TolerationEffect,
    TrainingTemplate,
)
from .pod_security import restricted_violations
from .provenance import Dataset, Source
from .resources import Quantity, Resources
from .sampling import Trial, expand
from .search_space import Goal, Objective, ParameterType, Scale, SearchParameter, Strategy, StrategyType
from .sweep import Sweep, SweepMode
from .training_run import ParameterValue, TrainingRun
from .volumes import ClaimVolume, ConfigMapVolume, CsiVolume, EmptyDirVolume, Mount, SecretVolume

__all__ = [
    "DEFAULT_GROUP",
    "DEFAULT_HEADLINE_METRICS",
    "ApiClusterRoles",
    "ApiGroup",
    "ClaimVolume",
    "CompletionMode",
    "ConfigMapVolume",
    "ConfigurationError",
    "CsiVolume",
    "CustomResourceDefinitions",
    "Dataset",
    "EmptyDirVolume",
    "Experiment",
    "Goal",
    "InvalidNameError",
    "InvalidOptionError",
    "Mount",
    "Objective",
    "ParameterPassing",
    "ParameterType",
    "ParameterValue",
    "PullPolicy",
    "Quantity",
    "Resources",
    "Scale",
    "SchemaViolationError",
    "SearchParameter",
    "SearchSpaceError",
    "SecretKeyRef",
    "SecretVolume",
    "Source",
    "Strategy",
    "StrategyType",
    "Sweep",
    "SweepError",
    "SweepMode",
    "Toleration",
    "TolerationEffect",
    "TrainingRun",
    "TrainingTemplate",
    "Trial",
    "expand",
    "restricted_violations",
]
