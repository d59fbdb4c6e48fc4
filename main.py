"""Synthesizes dist/: the API (CRDs and RBAC), the seed's experiment and an example sweep.

dist/0000-api.k8s.yaml holds what a platform engineer installs once per cluster (the CRDs, the
cluster roles, and a namespace that enforces the restricted Pod Security Standard); the files
after it hold what ML engineers declare in that namespace. The training program is
examples/train.py, shipped to the pods in a ConfigMap and run by the stock Python image.
"""

from pathlib import Path

import cdk8s

from constructs_lib import (
    ApiClusterRoles,
    ApiGroup,
    ConfigMapVolume,
    CustomResourceDefinitions,
    Experiment,
    Goal,
    Mount,
    Objective,
    Resources,
    Scale,
    SearchParameter,
    Strategy,
    StrategyType,
    Sweep,
    TrainingTemplate,
)
from constructs_lib.documents import emit
from constructs_lib.naming import content_hash, derive_name

NAMESPACE = "ml-experiments"
TRAINING_SCRIPT = (Path(__file__).parent / "examples" / "train.py").read_text()

group = ApiGroup()
app = cdk8s.App()

api = cdk8s.Chart(app, "api")
CustomResourceDefinitions(api, "crds", group=group)
ApiClusterRoles(api, "roles", group=group)
cdk8s.ApiObject(api, "namespace", api_version="v1", kind="Namespace",
                metadata=cdk8s.ApiObjectMetadata(name=NAMESPACE, labels={
                    "pod-security.kubernetes.io/enforce": "restricted",
                    "pod-security.kubernetes.io/enforce-version": "latest",
                }))

experiments = cdk8s.Chart(app, "experiments", namespace=NAMESPACE)
experiments.add_dependency(api)

# The training code, named after its content: immutable, so a changed script is a new ConfigMap
# and a new Job (the Jobs' names hash their templates), never an edit under a running Job.
code = derive_name("train-py", content_hash(TRAINING_SCRIPT))
emit(experiments, "training-code", {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": code},
                                    "data": {"train.py": TRAINING_SCRIPT}, "immutable": True})
template = TrainingTemplate(
    image="python:3.12-slim",
    command=["python", "/opt/train/train.py"],
    env={"PYTHONDONTWRITEBYTECODE": "1"},
    volumes=[Mount(name="code", path="/opt/train", source=ConfigMapVolume(name=code))],
    resources=Resources(cpu="1", memory="1Gi"),
    shm_size="256Mi",
    active_deadline_seconds=3600,
    checkov_skips={"CKV_K8S_43": "the example uses the public python:3.12-slim tag; pin images by "
                                 "digest in production (TrainingTemplate require_digest)"},
)

# The seed's experiment, unchanged, and one run that trains with its parameters.
seed = Experiment(experiments, "exp-1234", name="exp-1234", group=group, algorithm="neural-network",
                  parameters={"learning_rate": 0.01, "layers": 3},
                  metrics={"accuracy": 0.98, "loss": 0.05}, template=template)
seed.add_run("baseline", seed=1)

# A random search over three parameters: a dozen trials, three pods at a time.
search = Experiment(
    experiments, "mlp-search", name="mlp-search", group=group, algorithm="neural-network",
    description="Learning rate, depth and activation of a small MLP on concentric circles.",
    parameters={"epochs": 30},
    objective=Objective(metric="accuracy", goal=Goal.MAXIMIZE, target=0.95),
    search_space=[
        SearchParameter.double("learning_rate", 0.001, 0.1, scale=Scale.LOG),
        SearchParameter.int("layers", 1, 4),
        SearchParameter.categorical("activation", ["relu", "tanh"]),
    ],
    strategy=Strategy(type=StrategyType.RANDOM, max_runs=12, parallelism=3, seed=42),
    template=template,
)
Sweep(experiments, "mlp-search-sweep", experiment=search)

app.synth()
