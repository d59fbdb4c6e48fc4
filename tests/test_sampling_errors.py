"""Bad sweep input: each a ConfigurationError (a ValueError) naming the field, the value and the rule."""

import pytest

from constructs_lib import sampling
from constructs_lib.errors import ConfigurationError, InvalidOptionError, SearchSpaceError, SweepError
from constructs_lib.sampling import Trial, expand, grid_points
from constructs_lib.search_space import Scale, SearchParameter, Strategy, StrategyType

SPACE = (SearchParameter.int("layers", 1, 4), SearchParameter.categorical("opt", ["adam", "sgd"]))
GRID = Strategy(type=StrategyType.GRID)
RANDOM = Strategy(type=StrategyType.RANDOM, max_runs=4, seed=1)


def grid(max_runs: int) -> Strategy:
    return Strategy(type=StrategyType.GRID, max_runs=max_runs)


ERRORS = {
    "manual strategy": (
        lambda: expand(SPACE, Strategy(type=StrategyType.MANUAL)),
        SweepError, r"^'strategy.type' \('manual'\) cannot be expanded into trials: manual runs are listed by hand"),
    "empty search space, grid": (
        lambda: expand([], GRID),
        SearchSpaceError, r"^'search_space' \(\[\]\) must have at least one parameter for grid search$"),
    "empty search space, random": (
        lambda: expand((), RANDOM),
        SearchSpaceError, r"^'search_space' \(\[\]\) must have at least one parameter for random search$"),
    "parameter declared twice": (
        lambda: expand(SPACE + (SearchParameter.int("layers", 1, 2),), GRID),
        SearchSpaceError, r"^'search_space' names must be unique: \['layers'\] declared more than once$"),
    "max_runs < 1": (
        lambda: Strategy(type=StrategyType.GRID, max_runs=0),
        InvalidOptionError, r"^spec\.strategy\.maxRuns: Invalid value: 0: must be >= 1$"),
    "negative max_runs, random": (
        lambda: Strategy(type=StrategyType.RANDOM, max_runs=-2, seed=1),
        InvalidOptionError, r"^spec\.strategy\.maxRuns: Invalid value: -2: must be >= 1$"),
    "parallelism > max_runs": (
        lambda: Strategy(type=StrategyType.RANDOM, max_runs=4, parallelism=5, seed=1),
        InvalidOptionError, r"^spec\.strategy: Invalid value: parallelism must be <= maxRuns$"),
    "random without seed": (
        lambda: Strategy(type=StrategyType.RANDOM, max_runs=4),
        InvalidOptionError, r"random search needs maxRuns and seed"),
    "grid larger than max_runs": (
        lambda: expand(SPACE, grid(5)),
        SweepError, r"^'max_runs' \(5\) must be >= the 8 trials of the grid \(4 x 2\): raise max_runs, coarsen "
                    r"the grid, or pass truncate=True to keep the first 5$"),
    "grid larger than a sweep may have": (
        lambda: expand([SearchParameter.int(name, 1, 100) for name in "abc"], GRID),
        SweepError, r"^grid of 1000000 trials \(100 x 100 x 100\) exceeds the 100000 runs a sweep may have"),
    "random over a space smaller than max_runs": (
        lambda: expand(SPACE, Strategy(type=StrategyType.RANDOM, max_runs=9, seed=1)),
        SweepError, r"^'max_runs' \(9\) must be <= 8, the number of distinct configurations of the search "
                    r"space, for random search"),
    "grid over a double without step": (
        lambda: expand([SearchParameter.double("lr", 0.1, 1)], GRID),
        SearchSpaceError, r"^'search_space\[lr\]\.step' is required for grid search over a double parameter, "
                          r"where it is the difference between points$"),
    "grid on a log scale without step": (
        lambda: grid_points(SearchParameter.int("batch", 16, 512, scale=Scale.LOG)),
        SearchSpaceError, r"^'search_space\[batch\]\.step' is required for grid search on a log scale, "
                          r"where it is the ratio between points$"),
    "every parameter without a step is reported": (
        lambda: expand([SearchParameter.double("b", 0.1, 1), SearchParameter.double("a", 0.1, 1)], GRID),
        SearchSpaceError, r"^2 problems:\n  - 'search_space\[a\]\.step' .*\n  - 'search_space\[b\]\.step' "),
    "linear step too fine": (
        lambda: expand([SearchParameter.double("x", 0, 1e6, step=1e-4)], RANDOM),
        SearchSpaceError, r"^'search_space\[x\]\.step' \(0\.0001\) is too fine: points must differ by at least "
                          r"1e-09 of the range's magnitude"),
    "log step too fine": (
        lambda: grid_points(SearchParameter.double("x", 1, 10, step=1 + 1e-10, scale=Scale.LOG)),
        SearchSpaceError, r"^'search_space\[x\]\.step' \(1\.0000000001\) is too fine"),
    "more grid points than a sweep may have": (
        lambda: grid_points(SearchParameter.double("x", 0, 1, step=1e-6)),
        SearchSpaceError, r"^'search_space\[x\]\.step' \(1e-06\) gives 1000001 grid points, more than the "
                          r"100000 runs a sweep may have$"),
    "trial with a name twice": (
        lambda: Trial((("lr", "0.1"), ("lr", "0.2"))),
        SearchSpaceError, r"^'parameters' names must be unique: \['lr'\] appear more than once$"),
}


@pytest.mark.parametrize("make, error, message", ERRORS.values(), ids=ERRORS.keys())
def test_bad_input_raises_a_clear_configuration_error(make, error, message):
    assert issubclass(error, ConfigurationError) and issubclass(error, ValueError)
    with pytest.raises(error, match=message):
        make()


def test_random_search_gives_up_when_draws_keep_repeating(monkeypatch):
    monkeypatch.setattr(sampling, "DRAWS_PER_RUN", 1)
    ten = [SearchParameter.categorical("c", list("abcdefghij"))]
    with pytest.raises(SweepError, match=r"^random search \(seed 3\) found \d distinct configurations in 10 draws, "
                                         r"fewer than 'max_runs' \(10\): lower max_runs"):
        expand(ten, Strategy(type=StrategyType.RANDOM, max_runs=10, seed=3))


def test_trials_whose_keys_clash_are_refused(monkeypatch):
    monkeypatch.setattr(sampling, "KEY_LENGTH", 1)  # 16 keys for 17 trials
    with pytest.raises(SweepError, match=r"^trials \{'n': '\d+'\} and \{'n': '\d+'\} have the same key '[0-9a-f]'"):
        expand([SearchParameter.int("n", 1, 17)], GRID)
