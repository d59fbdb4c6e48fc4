"""Security of what the compositions emit: the restricted Pod Security Standard, asserted field by
field, and checkov run once over representative charts (0 failed checks; a skip only where the
user's options ask for one, with the reason)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import cdk8s
import pytest
import yaml

from constructs_lib.experiment import Experiment
from constructs_lib.job_template import ParameterPassing, SecretKeyRef, Toleration, TolerationEffect, TrainingTemplate
from constructs_lib.pod_security import restricted_violations
from constructs_lib.resources import Resources
from constructs_lib.volumes import ClaimVolume, CsiVolume, Mount, SecretVolume

CHECKOV = Path(__file__).parents[1] / "tools" / "checkov" / ".venv" / "bin" / "checkov"
DIGEST_IMAGE = "registry.example.com/ml/train@sha256:" + "2" * 64
TAG_IMAGE = "registry.example.com/ml/train:2.1.0"
TAG_REASON = "tags in this registry are immutable"
SECRET_ENV_REASON = "the tracking SDK reads its key from the environment"


def _chart(name: str, template: TrainingTemplate, **run_options) -> list[dict]:
    chart = cdk8s.Chart(cdk8s.Testing.app(), name, namespace="ml-team")
    experiment = Experiment(chart, "exp", name=f"{name}-exp", algorithm="transformer",
                            parameters={"learning_rate": 0.001}, template=template)
    experiment.add_run("baseline", **run_options)
    experiment.add_run("bigger", parameters={"layers": 24}, seed=7)
    return cdk8s.Testing.synth(chart)


def representative_charts() -> dict[str, list[dict]]:
    """Every option that changes the pod or adds objects, in a handful of charts."""
    gpu = TrainingTemplate(
        image=DIGEST_IMAGE, resources=Resources(cpu=16, memory="128Gi", gpu=8), shm_size="32Gi",
        node_selector={"nvidia.com/gpu.present": "true"},
        tolerations=[Toleration(key="nvidia.com/gpu", effect=TolerationEffect.NO_SCHEDULE)],
        volumes=[Mount(name="corpus", path="/data/corpus", source=ClaimVolume(claim_name="corpus")),
                 Mount(name="bucket", path="/data/bucket", source=CsiVolume(driver="s3.csi.aws.com")),
                 Mount(name="creds", path="/var/run/creds", source=SecretVolume(secret_name="s3-creds"))],
        output=Mount(name="ckpt", path="/ckpt", source=ClaimVolume(claim_name="ckpt", read_only=False),
                     read_only=False),
        backoff_limit=0, non_retriable_exit_codes=[2], active_deadline_seconds=86400,
        ttl_seconds_after_finished=600, priority_class="batch-high", queue="gpu", image_pull_secrets=["regcred"])
    return {
        "defaults": _chart("defaults", TrainingTemplate(image=DIGEST_IMAGE)),
        "gpu": _chart("gpu", gpu, reports_status=True),
        "env": _chart("env", TrainingTemplate(image=DIGEST_IMAGE, parameters_as=ParameterPassing.ARGS_AND_ENV,
                                              command=["python", "train.py"], env={"LOG_LEVEL": "info"}),
                      reports_status=True),
        "tagged": _chart("tagged", TrainingTemplate(image=TAG_IMAGE, checkov_skips={"CKV_K8S_43": TAG_REASON})),
        "secret-env": _chart("secret-env", TrainingTemplate(
            image=DIGEST_IMAGE, secret_env={"TRACKING_TOKEN": SecretKeyRef(secret="tracking", key="token")},
            checkov_skips={"CKV_K8S_35": SECRET_ENV_REASON})),
    }


def pods(documents: list[dict]) -> list[dict]:
    return [d["spec"]["template"]["spec"] for d in documents if d["kind"] == "Job"]


@pytest.fixture(scope="module")
def charts() -> dict[str, list[dict]]:
    return representative_charts()


def test_every_pod_meets_the_restricted_pod_security_standard(charts):
    for name, documents in charts.items():
        for pod in pods(documents):
            assert restricted_violations(pod) == [], name
            context = pod["securityContext"]
            assert context["runAsNonRoot"] is True and context["runAsUser"] > 10000
            assert context["runAsGroup"] > 10000 and context["fsGroup"] > 10000
            assert context["seccompProfile"] == {"type": "RuntimeDefault"}
            assert pod["automountServiceAccountToken"] is False
            assert not {"hostNetwork", "hostPID", "hostIPC"} & set(pod)
            for container in pod["containers"]:
                assert container["securityContext"]["allowPrivilegeEscalation"] is False
                assert container["securityContext"]["capabilities"] == {"drop": ["ALL"]}
                assert container["securityContext"]["readOnlyRootFilesystem"] is True
                writable = {m["mountPath"] for m in container["volumeMounts"] if not m["readOnly"]}
                assert {"/tmp", "/dev/shm"} <= writable and len(writable) == 3  # and the output volume


def test_secrets_are_only_referenced(charts):
    for documents in charts.values():
        assert not [d for d in documents if d["kind"] == "Secret"]
        for pod in pods(documents):
            for variable in pod["containers"][0]["env"]:
                assert "value" in variable or set(variable["valueFrom"]) <= {"fieldRef", "secretKeyRef"}


def test_rbac_has_no_wildcards_and_is_scoped_to_one_run(charts):
    roles = [d for documents in charts.values() for d in documents if d["kind"] == "Role"]
    assert len(roles) == 2
    for role in roles:
        (rule,) = role["rules"]
        assert rule["resources"] == ["runs/status"] and rule["resourceNames"] == [role["metadata"]["name"]]
        assert "*" not in json.dumps(rule)


@pytest.mark.parametrize(("change", "violation"), [
    (lambda pod: pod.update(hostNetwork=True), "spec.hostNetwork must not be true"),
    (lambda pod: pod.update(automountServiceAccountToken=True), "automountServiceAccountToken must be false"),
    (lambda pod: pod["volumes"].append({"name": "host", "hostPath": {"path": "/"}}), "uses ['hostPath']"),
    (lambda pod: pod["securityContext"].update(runAsUser=0), "spec.securityContext.runAsUser must not be 0"),
    (lambda pod: pod["containers"][0]["securityContext"].update(privileged=True), "privileged must not be true"),
    (lambda pod: pod["containers"][0]["securityContext"].pop("allowPrivilegeEscalation"),
     "allowPrivilegeEscalation must be false"),
    (lambda pod: pod["containers"][0]["securityContext"].update(runAsNonRoot=False), "runAsNonRoot must be true"),
    (lambda pod: pod["containers"][0]["securityContext"].update(seccompProfile={"type": "Unconfined"}),
     "seccompProfile.type must be RuntimeDefault or Localhost, not 'Unconfined'"),
    (lambda pod: pod["containers"][0]["securityContext"].update(capabilities={"add": ["SYS_ADMIN"]}),
     "capabilities must drop ALL"),
    (lambda pod: pod["containers"][0]["securityContext"]["capabilities"].update(add=["NET_RAW"]),
     "capabilities must not add ['NET_RAW']"),
    (lambda pod: pod["containers"][0]["securityContext"].update(readOnlyRootFilesystem=False),
     "readOnlyRootFilesystem must be true"),
    (lambda pod: pod["containers"][0].update(ports=[{"containerPort": 80, "hostPort": 80}]), "hostPort must not"),
    (lambda pod: pod.update(containers=[]), "spec.containers must not be empty"),
])
def test_the_restricted_check_finds_each_violation(change, violation):
    pod = pods(_chart("probe", TrainingTemplate(image=DIGEST_IMAGE)))[0]
    change(pod)
    assert any(violation in found for found in restricted_violations(pod)), restricted_violations(pod)


def test_checkov_reports_no_failed_check(charts, tmp_path):
    files = []
    for name, documents in charts.items():
        files.append(tmp_path / f"{name}.k8s.yaml")
        files[-1].write_text(yaml.safe_dump_all(documents))
    # A control that must fail: the tagged image without the user's skip annotation.
    control = tmp_path / "control.k8s.yaml"
    control.write_text(yaml.safe_dump_all(_chart("control", TrainingTemplate(image=TAG_IMAGE))))

    # -f, not -d: checkov ignores directories below a hidden one, such as the project's .cache/tmp.
    completed = subprocess.run(
        [str(CHECKOV), "--skip-download", "--compact", "-o", "json", "--framework", "kubernetes",
         *(argument for path in [*files, control] for argument in ("-f", str(path)))],
        capture_output=True, text=True, timeout=180)
    report = json.loads(completed.stdout)
    results, summary = report["results"], report["summary"]
    failed = [(c["check_id"], Path(c["file_path"]).name, c["resource"]) for c in results["failed_checks"]]
    assert {(check, path) for check, path, _ in failed} == {("CKV_K8S_43", control.name)}, failed
    assert len(failed) == 2  # the control's two Jobs
    skipped = sorted({(c["check_id"], c["check_result"]["suppress_comment"]) for c in results["skipped_checks"]})
    assert skipped == [("CKV_K8S_35", SECRET_ENV_REASON), ("CKV_K8S_43", TAG_REASON)]
    passed = [c for c in results["passed_checks"] if Path(c["file_path"]).name != control.name]
    assert len(passed) > 500 and summary["parsing_errors"] == 0
    print(f"checkov without the control: {len(passed)} passed, 0 failed, {len(results['skipped_checks'])} "
          "skipped by the user's annotations")
