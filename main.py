"""Synthesizes dist/: the API (CRDs and RBAC), the seed's experiment and an example sweep.

dist/0000-api.k8s.yaml holds what a platform engineer installs once per cluster (the CRDs, the
cluster roles, and a namespace that enforces the restricted Pod Security Standard); the files
after it hold what ML engineers declare in that namespace.
"""

import cdk8s

from constructs_lib import ApiClusterRoles, ApiGroup, CustomResourceDefinitions

NAMESPACE = "ml-experiments"

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

app.synth()
