import cdk8s

from constructs_lib import ApiClusterRoles, CustomResourceDefinitions
from tests.checks import assert_semantically_valid


def test_api_chart_is_valid():
    chart = cdk8s.Testing.chart()
    CustomResourceDefinitions(chart, "crds")
    ApiClusterRoles(chart, "roles")
    assert_semantically_valid(cdk8s.Testing.synth(chart))
