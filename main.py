"""Synthesizes dist/: the API (CRDs and RBAC), the seed's experiment and an example sweep."""

import cdk8s

from constructs_lib import ApiClusterRoles, ApiGroup, CustomResourceDefinitions

group = ApiGroup()
app = cdk8s.App()
api = cdk8s.Chart(app, "api")
CustomResourceDefinitions(api, "crds", group=group)
ApiClusterRoles(api, "roles", group=group)
app.synth()
