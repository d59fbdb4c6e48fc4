"""The building blocks of a training Job: quantities, resources, volumes, provenance, and the
TrainingTemplate rendered into a pod template and a Job."""

from __future__ import annotations

import dataclasses

import kubernetes_validate
import pytest

from constructs_lib.errors import InvalidOptionError
from constructs_lib.job_template import (
    DEFAULT_OUTPUT,
    CompletionMode,
    ParameterPassing,
    PullPolicy,
    SecretKeyRef,
    Toleration,
    TolerationEffect,
    TrainingTemplate,
    identity_env,
)
from constructs_lib.pod_security import restricted_violations
from constructs_lib.provenance import Dataset, Source
from constructs_lib.resources import Quantity, Resources
from constructs_lib.volumes import ClaimVolume, ConfigMapVolume, CsiVolume, EmptyDirVolume, Mount, SecretVolume
from tests.checks import assert_valid_kubernetes

DIGEST_IMAGE = "registry.example.com/ml/train@sha256:" + "0" * 64
TAG_IMAGE = "registry.example.com/ml/train:1.4.2"


def render(template: TrainingTemplate, **pod_options) -> dict:
    """The Job a template renders, checked against the Kubernetes schemas."""
    job = template.job(name="job", labels={"app": "x"},
                       pod_template=template.pod_template(labels={"app": "x"}, **pod_options))
    assert_valid_kubernetes([job])
    return job


def pod_spec(template: TrainingTemplate, **pod_options) -> dict:
    return render(template, **pod_options)["spec"]["template"]["spec"]


def container(template: TrainingTemplate, **pod_options) -> dict:
    (only,) = pod_spec(template, **pod_options)["containers"]
    return only


# Quantities and resources

@pytest.mark.parametrize(("given", "canonical"), [
    ("0.5", "500m"), (0.25, "250m"), ("1000m", "1"), ("2", "2"), (4, "4"), ("1000", "1k"),
    ("1024", "1024"), ("1.5k", "1500"), ("8Gi", "8Gi"), ("1.5Gi", "1536Mi"), ("0.5Gi", "512Mi"),
    ("1.5Ki", "1536"), ("1e3", "1e3"), ("1.5e3", "1500"), ("12e6", "12e6"), ("1000E", "1e21"), (".5", "500m"),
])
def test_quantities_are_written_in_the_api_servers_canonical_form(given, canonical):
    assert str(Quantity.parse("x", given)) == canonical


@pytest.mark.parametrize("given", ["lots", "", "-1", "0", "1 Gi", "1GB", "1.2.3", True, "Gi"])
def test_quantity_rejects_what_kubernetes_rejects_or_is_not_positive(given):
    with pytest.raises(InvalidOptionError, match=r"'memory' \(.*\) must be a positive Kubernetes quantity"):
        Quantity.parse("memory", given)


def test_resources_default_to_a_guaranteed_training_pod():
    assert Resources().to_spec() == {"limits": {"cpu": "2", "memory": "8Gi"},
                                     "requests": {"cpu": "2", "memory": "8Gi"}}


def test_resources_gpus_are_whole_and_equal_in_requests_and_limits():
    spec = Resources(cpu=8, memory="64Gi", gpu=2, cpu_limit="12", memory_limit="80Gi").to_spec()
    assert spec == {"limits": {"cpu": "12", "memory": "80Gi", "nvidia.com/gpu": "2"},
                    "requests": {"cpu": "8", "memory": "64Gi", "nvidia.com/gpu": "2"}}
    assert Resources(gpu=1, gpu_resource="amd.com/gpu").to_spec()["limits"]["amd.com/gpu"] == "1"


@pytest.mark.parametrize(("options", "message"), [
    ({"memory": "lots"}, r"'memory' \('lots'\) must be a positive Kubernetes quantity"),
    ({"cpu": "-1"}, r"'cpu' \('-1'\) must be a positive Kubernetes quantity"),
    ({"gpu": -1}, r"'gpu' \(-1\) must be a whole number >= 0"),
    ({"gpu": 0.5}, r"'gpu' \(0.5\) must be a whole number >= 0"),
    ({"gpu": True}, r"'gpu' \(True\) must be a whole number"),
    ({"cpu": "1500u"}, r"'cpu' \('1500u'\) must be a multiple of 1m"),
    ({"memory": "1500m"}, r"'memory' \('1500m'\) must be a whole number of bytes"),
    ({"cpu": "4", "cpu_limit": "2"}, r"'cpu_limit' \('2'\) must be >= 'cpu' \('4'\)"),
    ({"memory": "8Gi", "memory_limit": "4Gi"}, r"'memory_limit' \('4Gi'\) must be >= 'memory' \('8Gi'\)"),
    ({"gpu_resource": "gpu"}, r"'gpu_resource' \('gpu'\) must be an extended resource name"),
])
def test_resources_errors(options, message):
    with pytest.raises(InvalidOptionError, match=message):
        Resources(**options)


def test_resources_report_every_problem_at_once():
    with pytest.raises(InvalidOptionError) as error:
        Resources(memory="lots", gpu=-1, cpu="x")
    assert len(error.value.problems) == 3


# Volumes

@pytest.mark.parametrize(("source", "spec"), [
    (ClaimVolume(claim_name="imagenet"), {"persistentVolumeClaim": {"claimName": "imagenet", "readOnly": True}}),
    (ClaimVolume(claim_name="scratch", read_only=False),
     {"persistentVolumeClaim": {"claimName": "scratch", "readOnly": False}}),
    (ConfigMapVolume(name="cfg"), {"configMap": {"defaultMode": 420, "name": "cfg"}}),
    (SecretVolume(secret_name="s3-creds"), {"secret": {"defaultMode": 420, "secretName": "s3-creds"}}),
    (EmptyDirVolume(size_limit="1.5Gi"), {"emptyDir": {"sizeLimit": "1536Mi"}}),
    (EmptyDirVolume(size_limit="2Gi", in_memory=True), {"emptyDir": {"medium": "Memory", "sizeLimit": "2Gi"}}),
    (CsiVolume(driver="s3.csi.aws.com", attributes={"bucketName": "data"}),
     {"csi": {"driver": "s3.csi.aws.com", "readOnly": True, "volumeAttributes": {"bucketName": "data"}}}),
    (CsiVolume(driver="gcsfuse.csi.storage.gke.io", read_only=False),
     {"csi": {"driver": "gcsfuse.csi.storage.gke.io", "readOnly": False}}),
])
def test_volume_sources(source, spec):
    mount = Mount(name="v", path="/data/v", source=source, sub_path="part")
    assert mount.to_volume() == {"name": "v", **spec}
    assert mount.to_volume_mount() == {"mountPath": "/data/v", "name": "v", "readOnly": True, "subPath": "part"}


@pytest.mark.parametrize(("build", "message"), [
    (lambda: ClaimVolume(claim_name="Bad_Claim"), r"'claim_name' \('Bad_Claim'\) must be the name of a "
                                                  "PersistentVolumeClaim"),
    (lambda: ConfigMapVolume(name=""), r"'name' \(''\) must be the name of a ConfigMap"),
    (lambda: SecretVolume(secret_name="a b"), r"'secret_name' \('a b'\) must be the name of a Secret"),
    (lambda: EmptyDirVolume(size_limit="big"), r"'size_limit' \('big'\) must be a positive Kubernetes quantity"),
    (lambda: CsiVolume(driver="x_y"), r"'driver' \('x_y'\) must be the name of a CSI driver"),
    (lambda: CsiVolume(driver="d.io", attributes={"a": 1}), r"'attributes' entry 'a': 1 must map a string"),
    (lambda: Mount(name="Data", path="/d", source=ConfigMapVolume(name="c")), r"'name' \('Data'\) must be a DNS"),
    (lambda: Mount(name="d", path="data", source=ConfigMapVolume(name="c")), r"'path' \('data'\) must be a "
                                                                            "normalized absolute path"),
    (lambda: Mount(name="d", path="/a/../b", source=ConfigMapVolume(name="c")), r"'path' \('/a/../b'\)"),
    (lambda: Mount(name="d", path="/", source=ConfigMapVolume(name="c")), r"'path' \('/'\)"),
    (lambda: Mount(name="d", path="/d", source=ConfigMapVolume(name="c"), sub_path="../x"),
     r"'sub_path' \('../x'\) must be a relative path without '..'"),
    (lambda: Mount(name="d", path="/d", source={"hostPath": {"path": "/"}}), r"'source' .* must be a VolumeSource"),
])
def test_volume_errors(build, message):
    with pytest.raises(InvalidOptionError, match=message):
        build()


# Provenance

def test_source_and_dataset_specs():
    assert Source(repository="https://github.com/org/repo", revision="abc123").to_spec() == {
        "repository": "https://github.com/org/repo", "revision": "abc123"}
    assert Source(repository="https://github.com/org/repo").to_spec() == {"repository": "https://github.com/org/repo"}
    assert Dataset(name="imagenet", uri="s3://data/imagenet", version="2012").to_spec() == {
        "name": "imagenet", "uri": "s3://data/imagenet", "version": "2012"}


@pytest.mark.parametrize(("build", "message"), [
    (lambda: Source(repository=""), r"source.repository: .* must be at least 1 characters"),
    (lambda: Source(repository="r", revision="x" * 129), r"source.revision: Too long"),
    (lambda: Dataset(name="ImageNet", uri="s3://d"), r"datasets\[ImageNet\].name: .* should match"),
    (lambda: Dataset(name="d", uri="imagenet"), r"datasets\[d\].uri: Invalid value: must be a URI with a scheme"),
])
def test_provenance_errors(build, message):
    with pytest.raises(InvalidOptionError, match=message):
        build()


# The template: defaults

def test_default_job_writes_out_the_defaults_that_matter():
    job = render(TrainingTemplate(image=DIGEST_IMAGE))
    spec = job["spec"]
    assert (spec["backoffLimit"], spec["completions"], spec["parallelism"]) == (2, 1, 1)
    assert spec["completionMode"] == "NonIndexed" and spec["suspend"] is False
    assert "ttlSecondsAfterFinished" not in spec and "activeDeadlineSeconds" not in spec
    assert spec["podFailurePolicy"] == {"rules": [
        {"action": "Ignore", "onPodConditions": [{"status": "True", "type": "DisruptionTarget"}]}]}
    pod = spec["template"]["spec"]
    assert pod["restartPolicy"] == "Never"
    assert pod["terminationGracePeriodSeconds"] == 30
    assert pod["automountServiceAccountToken"] is False and "serviceAccountName" not in pod
    assert pod["enableServiceLinks"] is False
    assert restricted_violations(pod) == []
    (training,) = pod["containers"]
    assert training["name"] == "training"
    assert training["imagePullPolicy"] == "IfNotPresent"
    assert "command" not in training and "args" not in training
    assert training["env"] == [{"name": "RUN_OUTPUT_DIR", "value": "/outputs"}]
    assert training["terminationMessagePolicy"] == "FallbackToLogsOnError"
    assert {m["mountPath"]: m["readOnly"] for m in training["volumeMounts"]} == {
        "/outputs": False, "/tmp": False, "/dev/shm": False}
    assert pod["volumes"] == [
        {"name": "outputs", "emptyDir": {"sizeLimit": "20Gi"}},
        {"name": "tmp", "emptyDir": {"sizeLimit": "1Gi"}},
        {"name": "dshm", "emptyDir": {"medium": "Memory", "sizeLimit": "1Gi"}},
    ]


def test_restricted_security_contexts():
    pod = pod_spec(TrainingTemplate(image=DIGEST_IMAGE, run_as_user=20000, run_as_group=20001, fs_group=20002))
    assert pod["securityContext"] == {
        "fsGroup": 20002, "fsGroupChangePolicy": "OnRootMismatch", "runAsGroup": 20001, "runAsNonRoot": True,
        "runAsUser": 20000, "seccompProfile": {"type": "RuntimeDefault"}}
    assert pod["containers"][0]["securityContext"] == {
        "allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}, "privileged": False,
        "readOnlyRootFilesystem": True, "runAsGroup": 20001, "runAsNonRoot": True, "runAsUser": 20000,
        "seccompProfile": {"type": "RuntimeDefault"}}


@pytest.mark.parametrize(("image", "policy", "expected"), [
    (DIGEST_IMAGE, None, "IfNotPresent"),
    (TAG_IMAGE, None, "Always"),
    ("python", None, "Always"),
    (TAG_IMAGE, PullPolicy.IF_NOT_PRESENT, "IfNotPresent"),
    (DIGEST_IMAGE, PullPolicy.NEVER, "Never"),
])
def test_image_pull_policy(image, policy, expected):
    assert container(TrainingTemplate(image=image, image_pull_policy=policy))["imagePullPolicy"] == expected


# The template: every option

def test_command_args_and_environment():
    template = TrainingTemplate(
        image=DIGEST_IMAGE, command=["python", "-m", "train"], args=("--epochs=3",),
        env={"WANDB_MODE": "offline", "A_FIRST": "1"},
        secret_env={"WANDB_API_KEY": SecretKeyRef(secret="wandb", key="api-key")})
    training = container(template, args=["--lr=0.1"], env=[{"name": "RUN_NAME", "value": "r"}])
    assert training["command"] == ["python", "-m", "train"]
    assert training["args"] == ["--epochs=3", "--lr=0.1"]
    assert training["env"] == [
        {"name": "RUN_NAME", "value": "r"},
        {"name": "RUN_OUTPUT_DIR", "value": "/outputs"},
        {"name": "A_FIRST", "value": "1"},
        {"name": "WANDB_MODE", "value": "offline"},
        {"name": "WANDB_API_KEY", "valueFrom": {"secretKeyRef": {"key": "api-key", "name": "wandb"}}},
    ]


def test_resources_scheduling_and_priority():
    template = TrainingTemplate(
        image=DIGEST_IMAGE, resources=Resources(cpu="7500m", memory="60Gi", gpu=1),
        node_selector={"nvidia.com/gpu.product": "NVIDIA-A100-SXM4-80GB", "pool": "gpu"},
        tolerations=[Toleration(key="nvidia.com/gpu", effect=TolerationEffect.NO_SCHEDULE),
                     Toleration(key="dedicated", value="ml"),
                     Toleration(key="spot", effect=TolerationEffect.NO_EXECUTE, toleration_seconds=60),
                     Toleration()],
        priority_class="training-low", image_pull_secrets=["regcred"])
    pod = pod_spec(template)
    assert pod["containers"][0]["resources"]["limits"] == {"cpu": "7500m", "memory": "60Gi", "nvidia.com/gpu": "1"}
    assert pod["nodeSelector"] == {"nvidia.com/gpu.product": "NVIDIA-A100-SXM4-80GB", "pool": "gpu"}
    assert pod["tolerations"] == [
        {"effect": "NoSchedule", "key": "nvidia.com/gpu", "operator": "Exists"},
        {"key": "dedicated", "operator": "Equal", "value": "ml"},
        {"effect": "NoExecute", "key": "spot", "operator": "Exists", "tolerationSeconds": 60},
        {"operator": "Exists"},
    ]
    assert pod["priorityClassName"] == "training-low"
    assert pod["imagePullSecrets"] == [{"name": "regcred"}]


def test_dataset_output_and_scratch_volumes():
    template = TrainingTemplate(
        image=DIGEST_IMAGE, tmp_size="4Gi", shm_size="16Gi", resources=Resources(memory="32Gi"),
        volumes=[Mount(name="imagenet", path="/data/imagenet", source=ClaimVolume(claim_name="imagenet")),
                 Mount(name="creds", path="/var/run/creds", source=SecretVolume(secret_name="s3"))],
        output=Mount(name="results", path="/results", source=ClaimVolume(claim_name="results", read_only=False),
                     read_only=False))
    pod = pod_spec(template, volumes=[Mount(name="params", path="/params", source=ConfigMapVolume(name="p"))])
    assert [v["name"] for v in pod["volumes"]] == ["imagenet", "creds", "params", "results", "tmp", "dshm"]
    mounts = {m["name"]: (m["mountPath"], m["readOnly"]) for m in pod["containers"][0]["volumeMounts"]}
    assert mounts == {"imagenet": ("/data/imagenet", True), "creds": ("/var/run/creds", True),
                      "params": ("/params", True), "results": ("/results", False),
                      "tmp": ("/tmp", False), "dshm": ("/dev/shm", False)}
    assert {"name": "RUN_OUTPUT_DIR", "value": "/results"} in pod["containers"][0]["env"]
    assert pod["volumes"][-2:] == [{"name": "tmp", "emptyDir": {"sizeLimit": "4Gi"}},
                                   {"name": "dshm", "emptyDir": {"medium": "Memory", "sizeLimit": "16Gi"}}]


def test_service_account_token_is_projected_not_automounted():
    pod = pod_spec(TrainingTemplate(image=DIGEST_IMAGE), service_account="run-1")
    assert pod["serviceAccountName"] == "run-1"
    assert pod["automountServiceAccountToken"] is False
    token = pod["volumes"][-1]
    assert token["name"] == "service-account-token"
    assert token["projected"]["sources"][0] == {"serviceAccountToken": {"expirationSeconds": 3600, "path": "token"}}
    assert {"mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": "service-account-token",
            "readOnly": True} in pod["containers"][0]["volumeMounts"]
    assert restricted_violations(pod) == []


def test_job_options():
    template = TrainingTemplate(image=DIGEST_IMAGE, backoff_limit=0, non_retriable_exit_codes=[42, 3],
                                active_deadline_seconds=86400, ttl_seconds_after_finished=3600,
                                termination_grace_period_seconds=300, queue="team-a",
                                checkov_skips={"CKV_K8S_43": "pinned by the registry's immutable tags",
                                               "CKV_K8S_35": "the SDK reads its key from the environment"})
    job = render(template)
    assert job["metadata"]["labels"]["kueue.x-k8s.io/queue-name"] == "team-a"
    assert job["metadata"]["annotations"] == {
        "checkov.io/skip1": "CKV_K8S_35=the SDK reads its key from the environment",
        "checkov.io/skip2": "CKV_K8S_43=pinned by the registry's immutable tags"}
    spec = job["spec"]
    assert "suspend" not in spec  # Kueue owns it
    assert (spec["backoffLimit"], spec["activeDeadlineSeconds"], spec["ttlSecondsAfterFinished"]) == (0, 86400, 3600)
    assert spec["template"]["spec"]["terminationGracePeriodSeconds"] == 300
    assert spec["podFailurePolicy"]["rules"][0] == {
        "action": "FailJob", "onExitCodes": {"containerName": "training", "operator": "In", "values": [3, 42]},
        "onPodConditions": []}


def test_indexed_job_for_sweeps():
    template = TrainingTemplate(image=DIGEST_IMAGE, backoff_limit=1, non_retriable_exit_codes=[2])
    job = template.job(name="sweep", labels={}, pod_template=template.pod_template(labels={}),
                       completions=12, parallelism=3, completion_mode=CompletionMode.INDEXED)
    spec = job["spec"]
    assert (spec["completionMode"], spec["completions"], spec["parallelism"]) == ("Indexed", 12, 3)
    assert (spec["backoffLimitPerIndex"], spec["backoffLimit"]) == (1, 2**31 - 1)
    assert spec["podFailurePolicy"]["rules"][0]["action"] == "FailIndex"
    kubernetes_validate.validate(job, "1.37", strict=True)  # backoffLimitPerIndex: Kubernetes 1.29+


@pytest.mark.parametrize(("passing", "args", "env"), [
    (ParameterPassing.ARGS, ["--layers=3", "--lr=0.1"], []),
    (ParameterPassing.ENV, [], [{"name": "PARAM_LAYERS", "value": "3"}, {"name": "PARAM_LR", "value": "0.1"}]),
    (ParameterPassing.ARGS_AND_ENV, ["--layers=3", "--lr=0.1"],
     [{"name": "PARAM_LAYERS", "value": "3"}, {"name": "PARAM_LR", "value": "0.1"}]),
])
def test_parameter_passing_is_sorted_by_name(passing, args, env):
    template = TrainingTemplate(image=DIGEST_IMAGE, parameters_as=passing)
    assert template.parameter_arguments({"lr": "0.1", "layers": "3"}) == (args, env)


def test_parameter_names_must_suit_environment_variables_only_when_passed_so():
    parameters = {"learning-rate": "0.1", "lr": "1", "LR": "2"}
    assert TrainingTemplate(image=DIGEST_IMAGE).parameter_problems(parameters) == []
    problems = TrainingTemplate(image=DIGEST_IMAGE, parameters_as=ParameterPassing.ENV).parameter_problems(parameters)
    assert problems == [
        "parameter 'learning-rate' cannot be passed as an environment variable (parameters_as=ENV): "
        "use letters, digits and '_' only",
        "parameters ['lr', 'LR'] would all be passed as PARAM_LR",
    ]


def test_identity_environment():
    assert identity_env(experiment="e", run="r", seed=7) == [
        {"name": "RUN_NAME", "value": "r"}, {"name": "RUN_EXPERIMENT", "value": "e"},
        {"name": "RUN_NAMESPACE", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"}}},
        {"name": "RUN_SEED", "value": "7"}]
    assert [v["name"] for v in identity_env(experiment="e")] == ["RUN_EXPERIMENT", "RUN_NAMESPACE"]


def test_template_is_immutable_and_runs_override_fields_with_replace():
    template = TrainingTemplate(image=DIGEST_IMAGE, env={"A": "1"}, args=["--x"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        template.image = TAG_IMAGE  # type: ignore[misc]
    with pytest.raises(TypeError):
        template.env["B"] = "2"  # type: ignore[index]
    assert template.args == ("--x",)
    changed = dataclasses.replace(template, image=TAG_IMAGE)
    assert (changed.image, changed.env, changed.args) == (TAG_IMAGE, {"A": "1"}, ("--x",))
    assert template.output == DEFAULT_OUTPUT


# The template: errors

@pytest.mark.parametrize(("options", "message"), [
    ({"image": ""}, r"'image' \(''\) must not be empty"),
    ({"image": "   "}, r"'image' \('   '\) must not be empty"),
    ({"image": "Registry/Train:1"}, r"'image' \('Registry/Train:1'\) must be an image reference"),
    ({"image": "train:" + "x" * 600}, r"must be an image reference"),
    ({"image": TAG_IMAGE, "require_digest": True}, r"'image' \('registry.example.com/ml/train:1.4.2'\) must be "
                                                   r"pinned by digest .* because 'require_digest' is set"),
    ({"command": ["python", 3]}, r"'command' \(\['python', 3\]\) must be a sequence of strings"),
    ({"command": "python train.py"}, r"'command' \('python train.py'\) must be a sequence"),
    ({"env": ["A=1"]}, r"'env' \(\['A=1'\]\) must be a mapping"),
    ({"parameters_as": "env"}, r"'parameters_as' \('env'\) must be of type ParameterPassing"),
    ({"resources": {"cpu": "1"}}, r"'resources' .* must be of type Resources"),
    ({"image_pull_policy": "Always"}, r"'image_pull_policy' \('Always'\) must be of type PullPolicy"),
    ({"run_as_user": 0}, r"'run_as_user' \(0\) must be an integer from 1 to 2147483647 \(0 is root\)"),
    ({"run_as_group": -1}, r"'run_as_group' \(-1\) must be an integer from 0"),
    ({"fs_group": "65532"}, r"'fs_group' \('65532'\) must be an integer"),
    ({"env": {"MY-VAR": "x"}}, r"'env' name 'MY-VAR' must be a letter or '_'"),
    ({"env": {"RUN_NAME": "x"}}, r"'env' name 'RUN_NAME' is set by the library"),
    ({"env": {"PARAM_LR": "x"}}, r"'env' name 'PARAM_LR' is set by the library"),
    ({"env": {"N": 3}}, r"'env' value of 'N' \(3\) must be a string"),
    ({"secret_env": {"TOKEN": "hunter2"}}, r"'secret_env' value of 'TOKEN' \('hunter2'\) must be a SecretKeyRef"),
    ({"env": {"K": "v"}, "secret_env": {"K": SecretKeyRef(secret="s", key="k")}},
     r"'env' and 'secret_env' must not both set \['K'\]"),
    ({"node_selector": {"pool": "gpu pool"}}, r"'node_selector' entry 'pool': 'gpu pool' must be a label key"),
    ({"node_selector": {"-bad": "x"}}, r"'node_selector' entry '-bad'"),
    ({"tolerations": [{"key": "gpu"}]}, r"'tolerations' entry .* must be a Toleration"),
    ({"priority_class": "High"}, r"'priority_class' \('High'\) must be a PriorityClass name"),
    ({"queue": "team.a"}, r"'queue' \('team.a'\) must be a Kueue LocalQueue name"),
    ({"image_pull_secrets": ["Reg"]}, r"'image_pull_secrets' entry 'Reg' must be a Secret name"),
    ({"image_pull_secrets": ["r", "r"]}, r"'image_pull_secrets' \(\['r', 'r'\]\) must not repeat a name"),
    ({"volumes": [ClaimVolume(claim_name="c")]}, r"'volumes' entry .* must be a Mount"),
    ({"volumes": [Mount(name="tmp", path="/scratch", source=ConfigMapVolume(name="c"))]},
     r"volume names \['tmp'\] are used twice"),
    ({"volumes": [Mount(name="a", path="/d", source=ConfigMapVolume(name="c")),
                  Mount(name="b", path="/d", source=ConfigMapVolume(name="c"))]}, r"volume paths \['/d'\] are used twice"),
    ({"volumes": [Mount(name="a", path="/dev/shm", source=ConfigMapVolume(name="c"))]},
     r"volume paths \['/dev/shm'\] are used twice"),
    ({"output": Mount(name="o", path="/o", source=ClaimVolume(claim_name="o"))},
     r"'output' \('o'\) must not be read_only: training writes there"),
    ({"tmp_size": "lots"}, r"'tmp_size' \('lots'\) must be a positive Kubernetes quantity"),
    ({"shm_size": "16Gi"}, r"'shm_size' \('16Gi'\) must be <= the memory limit \('8Gi'\): /dev/shm is memory"),
    ({"backoff_limit": -1}, r"'backoff_limit' \(-1\) must be an integer >= 0"),
    ({"backoff_limit": 1.5}, r"'backoff_limit' \(1.5\) must be an integer >= 0"),
    ({"active_deadline_seconds": 0}, r"'active_deadline_seconds' \(0\) must be an integer >= 1"),
    ({"ttl_seconds_after_finished": -5}, r"'ttl_seconds_after_finished' \(-5\) must be an integer >= 0"),
    ({"termination_grace_period_seconds": None}, r"'termination_grace_period_seconds' \(None\) must be an integer"),
    ({"non_retriable_exit_codes": [0]}, r"'non_retriable_exit_codes' \(\[0\]\) must be distinct integers from 1"),
    ({"non_retriable_exit_codes": [2, 2]}, r"'non_retriable_exit_codes' \(\[2, 2\]\) must be distinct"),
    ({"checkov_skips": {"CKV_AWS_1": "why"}}, r"'checkov_skips' key 'CKV_AWS_1' must be a Kubernetes check id"),
    ({"checkov_skips": {"CKV_K8S_43": ""}}, r"'checkov_skips' reason for 'CKV_K8S_43' \(''\) must be one line"),
    ({"checkov_skips": {"CKV_K8S_43": "a=b"}}, r"must be one line of text without '='"),
])
def test_template_errors(options, message):
    with pytest.raises(InvalidOptionError, match=message):
        TrainingTemplate(**{"image": DIGEST_IMAGE, **options})


def test_template_reports_every_problem_at_once():
    with pytest.raises(InvalidOptionError) as error:
        TrainingTemplate(image="", backoff_limit=-1, queue="Q", env={"1": "x"})
    assert len(error.value.problems) == 4


@pytest.mark.parametrize(("build", "message"), [
    (lambda: Toleration(key="a b"), r"'key' \('a b'\) must be a qualified name"),
    (lambda: Toleration(value="x"), r"'value' \('x'\) needs a 'key'"),
    (lambda: Toleration(key="k", effect="NoSchedule"), r"'effect' \('NoSchedule'\) must be a TolerationEffect"),
    (lambda: Toleration(key="k", toleration_seconds=5), r"'toleration_seconds' \(5\) must be an integer >= 0 "
                                                        "and needs effect NO_EXECUTE"),
    (lambda: SecretKeyRef(secret="S", key="k"), r"'secret' \('S'\) must be the name of a Secret"),
    (lambda: SecretKeyRef(secret="s", key="a/b"), r"'key' \('a/b'\) must be a Secret key"),
])
def test_toleration_and_secret_reference_errors(build, message):
    with pytest.raises(InvalidOptionError, match=message):
        build()
