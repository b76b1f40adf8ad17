"""활성화 함수: 값, 경계 규칙, 성질(hypothesis)."""

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from reference_nn import relu, relu_grad, sigmoid, sigmoid_grad, step, step_grad

ACTS = [step, sigmoid, relu, sigmoid_grad, relu_grad]
finite = st.floats(allow_nan=False, allow_infinity=False)
any_float = st.floats(allow_nan=True, allow_infinity=True)
arrays = hnp.arrays(np.float64, hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=5), elements=any_float)


@pytest.mark.parametrize("f", ACTS)
def test_python_scalar_gives_python_float(f):
    assert type(f(0.3)) is float
    assert type(f(2)) is float
    assert type(f(np.float64(0.3))) is float


@pytest.mark.parametrize("f", ACTS)
@pytest.mark.parametrize(
    ("dtype", "expected"), [(np.float64, np.float64), (np.float32, np.float32), (np.int64, np.float64)]
)
def test_arrays_keep_shape_and_dtype(f, dtype, expected):
    x = np.arange(-3, 3).reshape(2, 3).astype(dtype)
    y = f(x)
    assert isinstance(y, np.ndarray)
    assert y.shape == (2, 3)
    assert y.dtype == expected


@pytest.mark.parametrize("f", ACTS)
def test_list_gives_array_and_empty_and_zero_dim(f):
    assert f([1.0, -1.0]).shape == (2,)
    assert f(np.array([])).shape == (0,)
    zero_d = f(np.array(0.5))
    assert isinstance(zero_d, np.ndarray)
    assert zero_d.shape == ()


def test_source_text_values():
    assert round(sigmoid(0.2), 4) == 0.5498
    assert round(sigmoid(0.2) * 100) == 55  # 원문의 "약 54%"는 반올림하면 55%
    assert step(0.1) == 1.0
    assert step(0) == 0.0
    assert step(-0.0) == 0.0
    assert relu(-3) == 0.0
    assert relu(2.5) == 2.5


def test_grad_conventions_at_zero():
    assert relu_grad(0) == 0.0
    assert relu_grad(1e-300) == 1.0
    assert sigmoid_grad(0) == 0.25


def test_sigmoid_grad_maximum_is_quarter_at_zero():
    x = np.linspace(-10, 10, 20001)
    g = sigmoid_grad(x)
    assert g.max() == 0.25
    assert x[g.argmax()] == 0.0


def test_sigmoid_grad_vanishes_on_both_sides():
    assert sigmoid_grad(-20) < 1e-8
    assert sigmoid_grad(20) < 1e-8


def test_sigmoid_extremes_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert sigmoid(-1000) == 0.0
        assert sigmoid(1000) == 1.0
        assert sigmoid(-np.inf) == 0.0
        assert sigmoid(np.inf) == 1.0
        assert np.isnan(sigmoid(np.nan))
        big = np.array([-np.finfo(np.float64).max, np.finfo(np.float64).max])
        np.testing.assert_array_equal(sigmoid(big), [0.0, 1.0])
        np.testing.assert_array_equal(sigmoid(np.array([-1000, 1000], dtype=np.float32)), [0.0, 1.0])
        assert sigmoid_grad(np.inf) == 0.0


@pytest.mark.parametrize("f", ACTS)
def test_nan_gives_nan(f):
    assert np.isnan(f(np.nan))
    assert np.isnan(f(np.array([np.nan, 1.0]))[0])


def test_infinities():
    assert step(np.inf) == 1.0
    assert step(-np.inf) == 0.0
    assert relu(np.inf) == np.inf
    assert relu(-np.inf) == 0.0
    assert relu_grad(np.inf) == 1.0


def test_step_cannot_be_trained():
    with pytest.raises(ValueError, match=r"activation 'step'.*기울기.*학습할 수 없습니다"):
        step_grad(0.5)


@given(arrays)
def test_sigmoid_in_unit_interval(x):
    y = sigmoid(x)
    finite_y = y[~np.isnan(x)]
    assert np.all((finite_y >= 0) & (finite_y <= 1))


@given(st.lists(finite, min_size=2, max_size=50))
def test_sigmoid_monotone(xs):
    x = np.sort(np.array(xs))
    assert np.all(np.diff(sigmoid(x)) >= 0)


@given(finite)
def test_sigmoid_symmetry(x):
    assert sigmoid(-x) == pytest.approx(1 - sigmoid(x), abs=1e-15)


@given(arrays)
def test_relu_idempotent(x):
    np.testing.assert_array_equal(relu(relu(x)), relu(x))


@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=0, max_dims=2, min_side=0), elements=finite))
def test_relu_odd_part_is_identity(x):
    np.testing.assert_array_equal(relu(x) - relu(-x), x)


@given(finite)
def test_relu_grad_matches_relu_and_layer_convention(x):
    # 도함수와 함수가 같은 규칙을 따른다: 양수에서만 1
    assert relu_grad(x) == (1.0 if relu(x) > 0 else 0.0)


@pytest.mark.parametrize("f", ACTS)
@pytest.mark.parametrize("bad", ["0.2", None, True, [1, "a"], 1 + 2j])
def test_non_numeric_input_is_rejected(f, bad):
    with pytest.raises(TypeError, match=r"^x: 실수"):
        f(bad)


@pytest.mark.parametrize("f", ACTS)
def test_ragged_input_is_rejected(f):
    with pytest.raises(ValueError, match=r"^x: 모양이 고른 실수 배열"):
        f([[1.0, 2.0], [3.0]])
