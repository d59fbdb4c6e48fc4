from __future__ import annotations

from pkgutil import extend_path
__path__ = extend_path(__path__, __name__)

import abc
import builtins
import datetime
import enum
import typing

import jsii
import publication
import typing_extensions

from jsii._type_checking import cached_type_hints, check_type


from ._jsii import *

class _LazyImport:
    def __init__(self, module_name: str) -> None:
        self._module_name = module_name
        self._module: typing.Any = None
    def __getattr__(self, name: str) -> typing.Any:
        if self._module is None:
            import importlib
            self._module = importlib.import_module(self._module_name)
        return getattr(self._module, name)

if typing.TYPE_CHECKING:

    import cdk8s as _cdk8s_d3d9af27
    import constructs as _constructs_77d1e7e8
else:

    _cdk8s_d3d9af27 = _LazyImport("cdk8s")
    _constructs_77d1e7e8 = _LazyImport("constructs")


class Experiment(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="comexampleai.Experiment",
):
    '''An Experiment: what is being tried and how success is judged.

    :schema: Experiment
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ExperimentSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Experiment" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: What the experiment tries and how its runs are judged.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__91e5c9884488a125663e5d571ed9f0a8192af72e05ea329d9f51760e326104a9)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = ExperimentProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ExperimentSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Experiment".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: What the experiment tries and how its runs are judged.
        '''
        props = ExperimentProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Experiment".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="comexampleai.ExperimentProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class ExperimentProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ExperimentSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''An Experiment: what is being tried and how success is judged.

        :param metadata: 
        :param spec: What the experiment tries and how its runs are judged.

        :schema: Experiment
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = ExperimentSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__8e34eda358f7696f38e4b8cb3e51a02c63964208f5c1cd79f297a1a2abf3d881)
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if metadata is not None:
            self._values["metadata"] = metadata
        if spec is not None:
            self._values["spec"] = spec

    @builtins.property
    def metadata(self) -> typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"]:
        '''
        :schema: Experiment#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["ExperimentSpec"]:
        '''What the experiment tries and how its runs are judged.

        :schema: Experiment#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["ExperimentSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ExperimentProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="comexampleai.ExperimentSpec",
    jsii_struct_bases=[],
    name_mapping={
        "algorithm": "algorithm",
        "artifact_store": "artifactStore",
        "datasets": "datasets",
        "description": "description",
        "metrics": "metrics",
        "objective": "objective",
        "owner": "owner",
        "parameters": "parameters",
        "search_space": "searchSpace",
        "source": "source",
        "strategy": "strategy",
        "tags": "tags",
    },
)
class ExperimentSpec:
    def __init__(
        self,
        *,
        algorithm: builtins.str,
        artifact_store: typing.Optional[typing.Union["ExperimentSpecArtifactStore", typing.Dict[builtins.str, typing.Any]]] = None,
        datasets: typing.Optional[typing.Sequence[typing.Union["ExperimentSpecDatasets", typing.Dict[builtins.str, typing.Any]]]] = None,
        description: typing.Optional[builtins.str] = None,
        metrics: typing.Optional[typing.Mapping[builtins.str, jsii.Number]] = None,
        objective: typing.Optional[typing.Union["ExperimentSpecObjective", typing.Dict[builtins.str, typing.Any]]] = None,
        owner: typing.Optional[builtins.str] = None,
        parameters: typing.Optional[typing.Sequence[builtins.str]] = None,
        search_space: typing.Optional[typing.Sequence[typing.Union["ExperimentSpecSearchSpace", typing.Dict[builtins.str, typing.Any]]]] = None,
        source: typing.Optional[typing.Union["ExperimentSpecSource", typing.Dict[builtins.str, typing.Any]]] = None,
        strategy: typing.Optional[typing.Union["ExperimentSpecStrategy", typing.Dict[builtins.str, typing.Any]]] = None,
        tags: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''What the experiment tries and how its runs are judged.

        :param algorithm: The model or training algorithm, for example neural-network.
        :param artifact_store: Where runs write models and other artifacts.
        :param datasets: Datasets the training reads, each with a stable name.
        :param description: What the experiment is about, for the people reading it.
        :param metrics: Reference or summary metric values, name to number (the seed form).
        :param objective: The metric that judges the runs, and which way is better.
        :param owner: Person or team responsible for the experiment.
        :param parameters: Fixed parameters shared by every run, as name=value strings (the seed form).
        :param search_space: The parameters a sweep varies; each name once.
        :param source: The code that is trained: a repository and the revision to check out.
        :param strategy: How runs are chosen from the search space.
        :param tags: Free-form tags for searching and grouping.

        :schema: ExperimentSpec
        '''
        if isinstance(artifact_store, dict):
            artifact_store = ExperimentSpecArtifactStore(**artifact_store)
        if isinstance(objective, dict):
            objective = ExperimentSpecObjective(**objective)
        if isinstance(source, dict):
            source = ExperimentSpecSource(**source)
        if isinstance(strategy, dict):
            strategy = ExperimentSpecStrategy(**strategy)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__f848188aebb262fc9f85a1c3ef71809785b3d20004fb6786f65325adfad014d7)
            check_type(argname="argument algorithm", value=algorithm, expected_type=type_hints["algorithm"])
            check_type(argname="argument artifact_store", value=artifact_store, expected_type=type_hints["artifact_store"])
            check_type(argname="argument datasets", value=datasets, expected_type=type_hints["datasets"])
            check_type(argname="argument description", value=description, expected_type=type_hints["description"])
            check_type(argname="argument metrics", value=metrics, expected_type=type_hints["metrics"])
            check_type(argname="argument objective", value=objective, expected_type=type_hints["objective"])
            check_type(argname="argument owner", value=owner, expected_type=type_hints["owner"])
            check_type(argname="argument parameters", value=parameters, expected_type=type_hints["parameters"])
            check_type(argname="argument search_space", value=search_space, expected_type=type_hints["search_space"])
            check_type(argname="argument source", value=source, expected_type=type_hints["source"])
            check_type(argname="argument strategy", value=strategy, expected_type=type_hints["strategy"])
            check_type(argname="argument tags", value=tags, expected_type=type_hints["tags"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "algorithm": algorithm,
        }
        if artifact_store is not None:
            self._values["artifact_store"] = artifact_store
        if datasets is not None:
            self._values["datasets"] = datasets
        if description is not None:
            self._values["description"] = description
        if metrics is not None:
            self._values["metrics"] = metrics
        if objective is not None:
            self._values["objective"] = objective
        if owner is not None:
            self._values["owner"] = owner
        if parameters is not None:
            self._values["parameters"] = parameters
        if search_space is not None:
            self._values["search_space"] = search_space
        if source is not None:
            self._values["source"] = source
        if strategy is not None:
            self._values["strategy"] = strategy
        if tags is not None:
            self._values["tags"] = tags

    @builtins.property
    def algorithm(self) -> builtins.str:
        '''The model or training algorithm, for example neural-network.

        :schema: ExperimentSpec#algorithm
        '''
        result = self._values.get("algorithm")
        assert result is not None, "Required property 'algorithm' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def artifact_store(self) -> typing.Optional["ExperimentSpecArtifactStore"]:
        '''Where runs write models and other artifacts.

        :schema: ExperimentSpec#artifactStore
        '''
        result = self._values.get("artifact_store")
        return typing.cast(typing.Optional["ExperimentSpecArtifactStore"], result)

    @builtins.property
    def datasets(self) -> typing.Optional[typing.List["ExperimentSpecDatasets"]]:
        '''Datasets the training reads, each with a stable name.

        :schema: ExperimentSpec#datasets
        '''
        result = self._values.get("datasets")
        return typing.cast(typing.Optional[typing.List["ExperimentSpecDatasets"]], result)

    @builtins.property
    def description(self) -> typing.Optional[builtins.str]:
        '''What the experiment is about, for the people reading it.

        :schema: ExperimentSpec#description
        '''
        result = self._values.get("description")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def metrics(self) -> typing.Optional[typing.Mapping[builtins.str, jsii.Number]]:
        '''Reference or summary metric values, name to number (the seed form).

        :schema: ExperimentSpec#metrics
        '''
        result = self._values.get("metrics")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, jsii.Number]], result)

    @builtins.property
    def objective(self) -> typing.Optional["ExperimentSpecObjective"]:
        '''The metric that judges the runs, and which way is better.

        :schema: ExperimentSpec#objective
        '''
        result = self._values.get("objective")
        return typing.cast(typing.Optional["ExperimentSpecObjective"], result)

    @builtins.property
    def owner(self) -> typing.Optional[builtins.str]:
        '''Person or team responsible for the experiment.

        :schema: ExperimentSpec#owner
        '''
        result = self._values.get("owner")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def parameters(self) -> typing.Optional[typing.List[builtins.str]]:
        '''Fixed parameters shared by every run, as name=value strings (the seed form).

        :schema: ExperimentSpec#parameters
        '''
        result = self._values.get("parameters")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def search_space(self) -> typing.Optional[typing.List["ExperimentSpecSearchSpace"]]:
        '''The parameters a sweep varies;

        each name once.

        :schema: ExperimentSpec#searchSpace
        '''
        result = self._values.get("search_space")
        return typing.cast(typing.Optional[typing.List["ExperimentSpecSearchSpace"]], result)

    @builtins.property
    def source(self) -> typing.Optional["ExperimentSpecSource"]:
        '''The code that is trained: a repository and the revision to check out.

        :schema: ExperimentSpec#source
        '''
        result = self._values.get("source")
        return typing.cast(typing.Optional["ExperimentSpecSource"], result)

    @builtins.property
    def strategy(self) -> typing.Optional["ExperimentSpecStrategy"]:
        '''How runs are chosen from the search space.

        :schema: ExperimentSpec#strategy
        '''
        result = self._values.get("strategy")
        return typing.cast(typing.Optional["ExperimentSpecStrategy"], result)

    @builtins.property
    def tags(self) -> typing.Optional[typing.List[builtins.str]]:
        '''Free-form tags for searching and grouping.

        :schema: ExperimentSpec#tags
        '''
        result = self._values.get("tags")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ExperimentSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="comexampleai.ExperimentSpecArtifactStore",
    jsii_struct_bases=[],
    name_mapping={"uri": "uri"},
)
class ExperimentSpecArtifactStore:
    def __init__(self, *, uri: builtins.str) -> None:
        '''Where runs write models and other artifacts.

        :param uri: Base URI, for example s3://bucket/experiments.

        :schema: ExperimentSpecArtifactStore
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ac935fa7535bca22a79ba09aaa6c1c13a3ea7c150f7f5b9e5de9e14228d1fbda)
            check_type(argname="argument uri", value=uri, expected_type=type_hints["uri"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "uri": uri,
        }

    @builtins.property
    def uri(self) -> builtins.str:
        '''Base URI, for example s3://bucket/experiments.

        :schema: ExperimentSpecArtifactStore#uri
        '''
        result = self._values.get("uri")
        assert result is not None, "Required property 'uri' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ExperimentSpecArtifactStore(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="comexampleai.ExperimentSpecDatasets",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "uri": "uri", "version": "version"},
)
class ExperimentSpecDatasets:
    def __init__(
        self,
        *,
        name: builtins.str,
        uri: builtins.str,
        version: typing.Optional[builtins.str] = None,
    ) -> None:
        '''A dataset.

        :param name: Name of the dataset, unique within the list.
        :param uri: Where the dataset lives, for example s3://bucket/imagenet or pvc://claim/path.
        :param version: Version or snapshot of the dataset.

        :schema: ExperimentSpecDatasets
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__c36cbe514a81d53d3df1af49838c407e0065a1ea236207baba94a075f8b12497)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument uri", value=uri, expected_type=type_hints["uri"])
            check_type(argname="argument version", value=version, expected_type=type_hints["version"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
            "uri": uri,
        }
        if version is not None:
            self._values["version"] = version

    @builtins.property
    def name(self) -> builtins.str:
        '''Name of the dataset, unique within the list.

        :schema: ExperimentSpecDatasets#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def uri(self) -> builtins.str:
        '''Where the dataset lives, for example s3://bucket/imagenet or pvc://claim/path.

        :schema: ExperimentSpecDatasets#uri
        '''
        result = self._values.get("uri")
        assert result is not None, "Required property 'uri' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def version(self) -> typing.Optional[builtins.str]:
        '''Version or snapshot of the dataset.

        :schema: ExperimentSpecDatasets#version
        '''
        result = self._values.get("version")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ExperimentSpecDatasets(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="comexampleai.ExperimentSpecObjective",
    jsii_struct_bases=[],
    name_mapping={"goal": "goal", "metric": "metric", "target": "target"},
)
class ExperimentSpecObjective:
    def __init__(
        self,
        *,
        goal: "ExperimentSpecObjectiveGoal",
        metric: builtins.str,
        target: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''The metric that judges the runs, and which way is better.

        :param goal: maximize or minimize.
        :param metric: Name of the metric the runs report, for example accuracy.
        :param target: Stop searching once a run reaches this value (unset: no target).

        :schema: ExperimentSpecObjective
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__8d4e0db9f3e084075fc7fb514a59b86697af6f552048f8661c6eca10386aed06)
            check_type(argname="argument goal", value=goal, expected_type=type_hints["goal"])
            check_type(argname="argument metric", value=metric, expected_type=type_hints["metric"])
            check_type(argname="argument target", value=target, expected_type=type_hints["target"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "goal": goal,
            "metric": metric,
        }
        if target is not None:
            self._values["target"] = target

    @builtins.property
    def goal(self) -> "ExperimentSpecObjectiveGoal":
        '''maximize or minimize.

        :schema: ExperimentSpecObjective#goal
        '''
        result = self._values.get("goal")
        assert result is not None, "Required property 'goal' is missing"
        return typing.cast("ExperimentSpecObjectiveGoal", result)

    @builtins.property
    def metric(self) -> builtins.str:
        '''Name of the metric the runs report, for example accuracy.

        :schema: ExperimentSpecObjective#metric
        '''
        result = self._values.get("metric")
        assert result is not None, "Required property 'metric' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def target(self) -> typing.Optional[jsii.Number]:
        '''Stop searching once a run reaches this value (unset: no target).

        :schema: ExperimentSpecObjective#target
        '''
        result = self._values.get("target")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ExperimentSpecObjective(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="comexampleai.ExperimentSpecObjectiveGoal")
class ExperimentSpecObjectiveGoal(enum.Enum):
    '''maximize or minimize.

    :schema: ExperimentSpecObjectiveGoal
    '''

    MAXIMIZE = "MAXIMIZE"
    '''maximize.'''
    MINIMIZE = "MINIMIZE"
    '''minimize.'''


@jsii.data_type(
    jsii_type="comexampleai.ExperimentSpecSearchSpace",
    jsii_struct_bases=[],
    name_mapping={
        "name": "name",
        "type": "type",
        "max": "max",
        "min": "min",
        "scale": "scale",
        "step": "step",
        "values": "values",
    },
)
class ExperimentSpecSearchSpace:
    def __init__(
        self,
        *,
        name: builtins.str,
        type: "ExperimentSpecSearchSpaceType",
        max: typing.Optional[jsii.Number] = None,
        min: typing.Optional[jsii.Number] = None,
        scale: typing.Optional["ExperimentSpecSearchSpaceScale"] = None,
        step: typing.Optional[jsii.Number] = None,
        values: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''One dimension of the search space.

        :param name: Parameter name, passed to training as --name=value.
        :param type: int, double or categorical.
        :param max: Upper bound, inclusive (int and double).
        :param min: Lower bound, inclusive (int and double).
        :param scale: linear (default) or log: log samples and spaces grid points geometrically.
        :param step: Grid spacing: the difference between points on a linear scale, the ratio between points on a log scale.
        :param values: The choices of a categorical parameter.

        :schema: ExperimentSpecSearchSpace
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__beb983b0224b5865b98ec65e6f933a2c730bb6bfbe7f115cb92e09678ef61816)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument type", value=type, expected_type=type_hints["type"])
            check_type(argname="argument max", value=max, expected_type=type_hints["max"])
            check_type(argname="argument min", value=min, expected_type=type_hints["min"])
            check_type(argname="argument scale", value=scale, expected_type=type_hints["scale"])
            check_type(argname="argument step", value=step, expected_type=type_hints["step"])
            check_type(argname="argument values", value=values, expected_type=type_hints["values"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
            "type": type,
        }
        if max is not None:
            self._values["max"] = max
        if min is not None:
            self._values["min"] = min
        if scale is not None:
            self._values["scale"] = scale
        if step is not None:
            self._values["step"] = step
        if values is not None:
            self._values["values"] = values

    @builtins.property
    def name(self) -> builtins.str:
        '''Parameter name, passed to training as --name=value.

        :schema: ExperimentSpecSearchSpace#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def type(self) -> "ExperimentSpecSearchSpaceType":
        '''int, double or categorical.

        :schema: ExperimentSpecSearchSpace#type
        '''
        result = self._values.get("type")
        assert result is not None, "Required property 'type' is missing"
        return typing.cast("ExperimentSpecSearchSpaceType", result)

    @builtins.property
    def max(self) -> typing.Optional[jsii.Number]:
        '''Upper bound, inclusive (int and double).

        :schema: ExperimentSpecSearchSpace#max
        '''
        result = self._values.get("max")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def min(self) -> typing.Optional[jsii.Number]:
        '''Lower bound, inclusive (int and double).

        :schema: ExperimentSpecSearchSpace#min
        '''
        result = self._values.get("min")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def scale(self) -> typing.Optional["ExperimentSpecSearchSpaceScale"]:
        '''linear (default) or log: log samples and spaces grid points geometrically.

        :schema: ExperimentSpecSearchSpace#scale
        '''
        result = self._values.get("scale")
        return typing.cast(typing.Optional["ExperimentSpecSearchSpaceScale"], result)

    @builtins.property
    def step(self) -> typing.Optional[jsii.Number]:
        '''Grid spacing: the difference between points on a linear scale, the ratio between points on a log scale.

        :schema: ExperimentSpecSearchSpace#step
        '''
        result = self._values.get("step")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def values(self) -> typing.Optional[typing.List[builtins.str]]:
        '''The choices of a categorical parameter.

        :schema: ExperimentSpecSearchSpace#values
        '''
        result = self._values.get("values")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ExperimentSpecSearchSpace(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="comexampleai.ExperimentSpecSearchSpaceScale")
class ExperimentSpecSearchSpaceScale(enum.Enum):
    '''linear (default) or log: log samples and spaces grid points geometrically.

    :schema: ExperimentSpecSearchSpaceScale
    '''

    LINEAR = "LINEAR"
    '''linear.'''
    LOG = "LOG"
    '''log.'''


@jsii.enum(jsii_type="comexampleai.ExperimentSpecSearchSpaceType")
class ExperimentSpecSearchSpaceType(enum.Enum):
    '''int, double or categorical.

    :schema: ExperimentSpecSearchSpaceType
    '''

    INT = "INT"
    '''int.'''
    DOUBLE = "DOUBLE"
    '''double.'''
    CATEGORICAL = "CATEGORICAL"
    '''categorical.'''


@jsii.data_type(
    jsii_type="comexampleai.ExperimentSpecSource",
    jsii_struct_bases=[],
    name_mapping={"repository": "repository", "revision": "revision"},
)
class ExperimentSpecSource:
    def __init__(
        self,
        *,
        repository: builtins.str,
        revision: typing.Optional[builtins.str] = None,
    ) -> None:
        '''The code that is trained: a repository and the revision to check out.

        :param repository: Repository URL, for example https://github.com/org/repo.
        :param revision: Commit, tag or branch; a commit SHA makes a run reproducible.

        :schema: ExperimentSpecSource
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5984d0a6f584c003cea95d1732d23fdc98f80d6f1d8ab9552182d750c5af07ce)
            check_type(argname="argument repository", value=repository, expected_type=type_hints["repository"])
            check_type(argname="argument revision", value=revision, expected_type=type_hints["revision"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "repository": repository,
        }
        if revision is not None:
            self._values["revision"] = revision

    @builtins.property
    def repository(self) -> builtins.str:
        '''Repository URL, for example https://github.com/org/repo.

        :schema: ExperimentSpecSource#repository
        '''
        result = self._values.get("repository")
        assert result is not None, "Required property 'repository' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def revision(self) -> typing.Optional[builtins.str]:
        '''Commit, tag or branch;

        a commit SHA makes a run reproducible.

        :schema: ExperimentSpecSource#revision
        '''
        result = self._values.get("revision")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ExperimentSpecSource(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="comexampleai.ExperimentSpecStrategy",
    jsii_struct_bases=[],
    name_mapping={
        "type": "type",
        "max_runs": "maxRuns",
        "parallelism": "parallelism",
        "seed": "seed",
    },
)
class ExperimentSpecStrategy:
    def __init__(
        self,
        *,
        type: "ExperimentSpecStrategyType",
        max_runs: typing.Optional[jsii.Number] = None,
        parallelism: typing.Optional[jsii.Number] = None,
        seed: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''How runs are chosen from the search space.

        :param type: grid, random or manual (runs listed by hand).
        :param max_runs: Most runs the strategy creates.
        :param parallelism: Most runs executing at once.
        :param seed: Seed of random search: the same seed gives the same runs.

        :schema: ExperimentSpecStrategy
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__d9f781b78419c2ce772157be6201efa0199dc6aa19965c759310e74ea28af193)
            check_type(argname="argument type", value=type, expected_type=type_hints["type"])
            check_type(argname="argument max_runs", value=max_runs, expected_type=type_hints["max_runs"])
            check_type(argname="argument parallelism", value=parallelism, expected_type=type_hints["parallelism"])
            check_type(argname="argument seed", value=seed, expected_type=type_hints["seed"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "type": type,
        }
        if max_runs is not None:
            self._values["max_runs"] = max_runs
        if parallelism is not None:
            self._values["parallelism"] = parallelism
        if seed is not None:
            self._values["seed"] = seed

    @builtins.property
    def type(self) -> "ExperimentSpecStrategyType":
        '''grid, random or manual (runs listed by hand).

        :schema: ExperimentSpecStrategy#type
        '''
        result = self._values.get("type")
        assert result is not None, "Required property 'type' is missing"
        return typing.cast("ExperimentSpecStrategyType", result)

    @builtins.property
    def max_runs(self) -> typing.Optional[jsii.Number]:
        '''Most runs the strategy creates.

        :schema: ExperimentSpecStrategy#maxRuns
        '''
        result = self._values.get("max_runs")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def parallelism(self) -> typing.Optional[jsii.Number]:
        '''Most runs executing at once.

        :schema: ExperimentSpecStrategy#parallelism
        '''
        result = self._values.get("parallelism")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def seed(self) -> typing.Optional[jsii.Number]:
        '''Seed of random search: the same seed gives the same runs.

        :schema: ExperimentSpecStrategy#seed
        '''
        result = self._values.get("seed")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ExperimentSpecStrategy(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="comexampleai.ExperimentSpecStrategyType")
class ExperimentSpecStrategyType(enum.Enum):
    '''grid, random or manual (runs listed by hand).

    :schema: ExperimentSpecStrategyType
    '''

    GRID = "GRID"
    '''grid.'''
    RANDOM = "RANDOM"
    '''random.'''
    MANUAL = "MANUAL"
    '''manual.'''


class Run(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="comexampleai.Run",
):
    '''A Run: one execution of an experiment with one set of parameter values.

    :schema: Run
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        spec: typing.Union["RunSpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Run" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param spec: What the run executes. experiment and parameters cannot change.
        :param metadata: 
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__40dfbc5df463f4b3ff7aedc9f94101957b71d23a4168e63968d4e8905fbc650f)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = RunProps(spec=spec, metadata=metadata)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        spec: typing.Union["RunSpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Run".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param spec: What the run executes. experiment and parameters cannot change.
        :param metadata: 
        '''
        props = RunProps(spec=spec, metadata=metadata)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Run".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="comexampleai.RunProps",
    jsii_struct_bases=[],
    name_mapping={"spec": "spec", "metadata": "metadata"},
)
class RunProps:
    def __init__(
        self,
        *,
        spec: typing.Union["RunSpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''A Run: one execution of an experiment with one set of parameter values.

        :param spec: What the run executes. experiment and parameters cannot change.
        :param metadata: 

        :schema: Run
        '''
        if isinstance(spec, dict):
            spec = RunSpec(**spec)
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__8f46de093748d7c9752973c27155deee5c0892d38ab893fed73321972212b3f9)
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "spec": spec,
        }
        if metadata is not None:
            self._values["metadata"] = metadata

    @builtins.property
    def spec(self) -> "RunSpec":
        '''What the run executes.

        experiment and parameters cannot change.

        :schema: Run#spec
        '''
        result = self._values.get("spec")
        assert result is not None, "Required property 'spec' is missing"
        return typing.cast("RunSpec", result)

    @builtins.property
    def metadata(self) -> typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"]:
        '''
        :schema: Run#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "RunProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="comexampleai.RunSpec",
    jsii_struct_bases=[],
    name_mapping={
        "experiment": "experiment",
        "datasets": "datasets",
        "image": "image",
        "job": "job",
        "job_index": "jobIndex",
        "parameters": "parameters",
        "seed": "seed",
        "source": "source",
        "tags": "tags",
    },
)
class RunSpec:
    def __init__(
        self,
        *,
        experiment: builtins.str,
        datasets: typing.Optional[typing.Sequence[typing.Union["RunSpecDatasets", typing.Dict[builtins.str, typing.Any]]]] = None,
        image: typing.Optional[builtins.str] = None,
        job: typing.Optional[builtins.str] = None,
        job_index: typing.Optional[jsii.Number] = None,
        parameters: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        seed: typing.Optional[jsii.Number] = None,
        source: typing.Optional[typing.Union["RunSpecSource", typing.Dict[builtins.str, typing.Any]]] = None,
        tags: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''What the run executes.

        experiment and parameters cannot change.

        :param experiment: Name of the Experiment in the same namespace.
        :param datasets: Datasets the training reads, each with a stable name.
        :param image: Container image of the training.
        :param job: Name of the Job that executes the run.
        :param job_index: Completion index of the run within an Indexed Job (sweeps).
        :param parameters: Parameter values of this run, name to value.
        :param seed: Random seed the training uses.
        :param source: The code that is trained: a repository and the revision to check out.
        :param tags: Free-form tags for searching and grouping.

        :schema: RunSpec
        '''
        if isinstance(source, dict):
            source = RunSpecSource(**source)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__87a19211a3db278b7b3a92fd91c4db5e571abda7873d14fc3cee1b7b4f1ae648)
            check_type(argname="argument experiment", value=experiment, expected_type=type_hints["experiment"])
            check_type(argname="argument datasets", value=datasets, expected_type=type_hints["datasets"])
            check_type(argname="argument image", value=image, expected_type=type_hints["image"])
            check_type(argname="argument job", value=job, expected_type=type_hints["job"])
            check_type(argname="argument job_index", value=job_index, expected_type=type_hints["job_index"])
            check_type(argname="argument parameters", value=parameters, expected_type=type_hints["parameters"])
            check_type(argname="argument seed", value=seed, expected_type=type_hints["seed"])
            check_type(argname="argument source", value=source, expected_type=type_hints["source"])
            check_type(argname="argument tags", value=tags, expected_type=type_hints["tags"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "experiment": experiment,
        }
        if datasets is not None:
            self._values["datasets"] = datasets
        if image is not None:
            self._values["image"] = image
        if job is not None:
            self._values["job"] = job
        if job_index is not None:
            self._values["job_index"] = job_index
        if parameters is not None:
            self._values["parameters"] = parameters
        if seed is not None:
            self._values["seed"] = seed
        if source is not None:
            self._values["source"] = source
        if tags is not None:
            self._values["tags"] = tags

    @builtins.property
    def experiment(self) -> builtins.str:
        '''Name of the Experiment in the same namespace.

        :schema: RunSpec#experiment
        '''
        result = self._values.get("experiment")
        assert result is not None, "Required property 'experiment' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def datasets(self) -> typing.Optional[typing.List["RunSpecDatasets"]]:
        '''Datasets the training reads, each with a stable name.

        :schema: RunSpec#datasets
        '''
        result = self._values.get("datasets")
        return typing.cast(typing.Optional[typing.List["RunSpecDatasets"]], result)

    @builtins.property
    def image(self) -> typing.Optional[builtins.str]:
        '''Container image of the training.

        :schema: RunSpec#image
        '''
        result = self._values.get("image")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def job(self) -> typing.Optional[builtins.str]:
        '''Name of the Job that executes the run.

        :schema: RunSpec#job
        '''
        result = self._values.get("job")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def job_index(self) -> typing.Optional[jsii.Number]:
        '''Completion index of the run within an Indexed Job (sweeps).

        :schema: RunSpec#jobIndex
        '''
        result = self._values.get("job_index")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def parameters(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''Parameter values of this run, name to value.

        :schema: RunSpec#parameters
        '''
        result = self._values.get("parameters")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def seed(self) -> typing.Optional[jsii.Number]:
        '''Random seed the training uses.

        :schema: RunSpec#seed
        '''
        result = self._values.get("seed")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def source(self) -> typing.Optional["RunSpecSource"]:
        '''The code that is trained: a repository and the revision to check out.

        :schema: RunSpec#source
        '''
        result = self._values.get("source")
        return typing.cast(typing.Optional["RunSpecSource"], result)

    @builtins.property
    def tags(self) -> typing.Optional[typing.List[builtins.str]]:
        '''Free-form tags for searching and grouping.

        :schema: RunSpec#tags
        '''
        result = self._values.get("tags")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "RunSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="comexampleai.RunSpecDatasets",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "uri": "uri", "version": "version"},
)
class RunSpecDatasets:
    def __init__(
        self,
        *,
        name: builtins.str,
        uri: builtins.str,
        version: typing.Optional[builtins.str] = None,
    ) -> None:
        '''A dataset.

        :param name: Name of the dataset, unique within the list.
        :param uri: Where the dataset lives, for example s3://bucket/imagenet or pvc://claim/path.
        :param version: Version or snapshot of the dataset.

        :schema: RunSpecDatasets
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ce050b477a9b9a703f2c168b899db2e206165fa837a7b13b8ce20a668b7fe439)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument uri", value=uri, expected_type=type_hints["uri"])
            check_type(argname="argument version", value=version, expected_type=type_hints["version"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
            "uri": uri,
        }
        if version is not None:
            self._values["version"] = version

    @builtins.property
    def name(self) -> builtins.str:
        '''Name of the dataset, unique within the list.

        :schema: RunSpecDatasets#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def uri(self) -> builtins.str:
        '''Where the dataset lives, for example s3://bucket/imagenet or pvc://claim/path.

        :schema: RunSpecDatasets#uri
        '''
        result = self._values.get("uri")
        assert result is not None, "Required property 'uri' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def version(self) -> typing.Optional[builtins.str]:
        '''Version or snapshot of the dataset.

        :schema: RunSpecDatasets#version
        '''
        result = self._values.get("version")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "RunSpecDatasets(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="comexampleai.RunSpecSource",
    jsii_struct_bases=[],
    name_mapping={"repository": "repository", "revision": "revision"},
)
class RunSpecSource:
    def __init__(
        self,
        *,
        repository: builtins.str,
        revision: typing.Optional[builtins.str] = None,
    ) -> None:
        '''The code that is trained: a repository and the revision to check out.

        :param repository: Repository URL, for example https://github.com/org/repo.
        :param revision: Commit, tag or branch; a commit SHA makes a run reproducible.

        :schema: RunSpecSource
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__16902d8dce7b1fb08712a2ecdb07741cf75040e7dd0fafc7633990d306be2ee8)
            check_type(argname="argument repository", value=repository, expected_type=type_hints["repository"])
            check_type(argname="argument revision", value=revision, expected_type=type_hints["revision"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "repository": repository,
        }
        if revision is not None:
            self._values["revision"] = revision

    @builtins.property
    def repository(self) -> builtins.str:
        '''Repository URL, for example https://github.com/org/repo.

        :schema: RunSpecSource#repository
        '''
        result = self._values.get("repository")
        assert result is not None, "Required property 'repository' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def revision(self) -> typing.Optional[builtins.str]:
        '''Commit, tag or branch;

        a commit SHA makes a run reproducible.

        :schema: RunSpecSource#revision
        '''
        result = self._values.get("revision")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "RunSpecSource(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "Experiment",
    "ExperimentProps",
    "ExperimentSpec",
    "ExperimentSpecArtifactStore",
    "ExperimentSpecDatasets",
    "ExperimentSpecObjective",
    "ExperimentSpecObjectiveGoal",
    "ExperimentSpecSearchSpace",
    "ExperimentSpecSearchSpaceScale",
    "ExperimentSpecSearchSpaceType",
    "ExperimentSpecSource",
    "ExperimentSpecStrategy",
    "ExperimentSpecStrategyType",
    "Run",
    "RunProps",
    "RunSpec",
    "RunSpecDatasets",
    "RunSpecSource",
]

publication.publish()

def _typecheckingstub__91e5c9884488a125663e5d571ed9f0a8192af72e05ea329d9f51760e326104a9(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[ExperimentSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8e34eda358f7696f38e4b8cb3e51a02c63964208f5c1cd79f297a1a2abf3d881(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[ExperimentSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__f848188aebb262fc9f85a1c3ef71809785b3d20004fb6786f65325adfad014d7(
    *,
    algorithm: builtins.str,
    artifact_store: typing.Optional[typing.Union[ExperimentSpecArtifactStore, typing.Dict[builtins.str, typing.Any]]] = None,
    datasets: typing.Optional[typing.Sequence[typing.Union[ExperimentSpecDatasets, typing.Dict[builtins.str, typing.Any]]]] = None,
    description: typing.Optional[builtins.str] = None,
    metrics: typing.Optional[typing.Mapping[builtins.str, jsii.Number]] = None,
    objective: typing.Optional[typing.Union[ExperimentSpecObjective, typing.Dict[builtins.str, typing.Any]]] = None,
    owner: typing.Optional[builtins.str] = None,
    parameters: typing.Optional[typing.Sequence[builtins.str]] = None,
    search_space: typing.Optional[typing.Sequence[typing.Union[ExperimentSpecSearchSpace, typing.Dict[builtins.str, typing.Any]]]] = None,
    source: typing.Optional[typing.Union[ExperimentSpecSource, typing.Dict[builtins.str, typing.Any]]] = None,
    strategy: typing.Optional[typing.Union[ExperimentSpecStrategy, typing.Dict[builtins.str, typing.Any]]] = None,
    tags: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ac935fa7535bca22a79ba09aaa6c1c13a3ea7c150f7f5b9e5de9e14228d1fbda(
    *,
    uri: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c36cbe514a81d53d3df1af49838c407e0065a1ea236207baba94a075f8b12497(
    *,
    name: builtins.str,
    uri: builtins.str,
    version: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8d4e0db9f3e084075fc7fb514a59b86697af6f552048f8661c6eca10386aed06(
    *,
    goal: ExperimentSpecObjectiveGoal,
    metric: builtins.str,
    target: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__beb983b0224b5865b98ec65e6f933a2c730bb6bfbe7f115cb92e09678ef61816(
    *,
    name: builtins.str,
    type: ExperimentSpecSearchSpaceType,
    max: typing.Optional[jsii.Number] = None,
    min: typing.Optional[jsii.Number] = None,
    scale: typing.Optional[ExperimentSpecSearchSpaceScale] = None,
    step: typing.Optional[jsii.Number] = None,
    values: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5984d0a6f584c003cea95d1732d23fdc98f80d6f1d8ab9552182d750c5af07ce(
    *,
    repository: builtins.str,
    revision: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__d9f781b78419c2ce772157be6201efa0199dc6aa19965c759310e74ea28af193(
    *,
    type: ExperimentSpecStrategyType,
    max_runs: typing.Optional[jsii.Number] = None,
    parallelism: typing.Optional[jsii.Number] = None,
    seed: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__40dfbc5df463f4b3ff7aedc9f94101957b71d23a4168e63968d4e8905fbc650f(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    spec: typing.Union[RunSpec, typing.Dict[builtins.str, typing.Any]],
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8f46de093748d7c9752973c27155deee5c0892d38ab893fed73321972212b3f9(
    *,
    spec: typing.Union[RunSpec, typing.Dict[builtins.str, typing.Any]],
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__87a19211a3db278b7b3a92fd91c4db5e571abda7873d14fc3cee1b7b4f1ae648(
    *,
    experiment: builtins.str,
    datasets: typing.Optional[typing.Sequence[typing.Union[RunSpecDatasets, typing.Dict[builtins.str, typing.Any]]]] = None,
    image: typing.Optional[builtins.str] = None,
    job: typing.Optional[builtins.str] = None,
    job_index: typing.Optional[jsii.Number] = None,
    parameters: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    seed: typing.Optional[jsii.Number] = None,
    source: typing.Optional[typing.Union[RunSpecSource, typing.Dict[builtins.str, typing.Any]]] = None,
    tags: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ce050b477a9b9a703f2c168b899db2e206165fa837a7b13b8ce20a668b7fe439(
    *,
    name: builtins.str,
    uri: builtins.str,
    version: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__16902d8dce7b1fb08712a2ecdb07741cf75040e7dd0fafc7633990d306be2ee8(
    *,
    repository: builtins.str,
    revision: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass
