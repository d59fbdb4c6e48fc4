"""The README's Python examples run as written, in order, and synthesize valid output."""

import re
from pathlib import Path

import yaml

from tests.checks import assert_semantically_valid

README = Path(__file__).parents[1] / "README.md"


def test_readme_examples_run(tmp_path):
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)
    assert len(blocks) >= 4
    namespace: dict = {}
    for block in blocks:
        # The jsii process has its own working directory and environment: name the outdir.
        block = block.replace("cdk8s.App()", f"cdk8s.App(outdir={str(tmp_path / 'dist')!r})")
        exec(compile(block, str(README), "exec"), namespace)  # noqa: S102 - our own documentation
    documents = [d for f in sorted((tmp_path / "dist").iterdir()) for d in yaml.safe_load_all(f.read_text()) if d]
    assert {"CustomResourceDefinition", "Experiment", "Run", "Job"} <= {d["kind"] for d in documents}
    assert_semantically_valid(documents)
