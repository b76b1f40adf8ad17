"""손실 함수: 값, 기울기, 0과 1 근처의 안정성."""

import warnings

import numpy as np
import pytest

from reference_nn import binary_cross_entropy, binary_cross_entropy_grad, mse, mse_grad, numerical_gradient


@pytest.mark.parametrize(("loss", "grad"), [(mse, mse_grad), (binary_cross_entropy, binary_cross_entropy_grad)])
def test_gradient_matches_numerical(loss, grad):
    rng = np.random.default_rng(1)
    p = rng.uniform(0.05, 0.95, size=(5, 2))
    y = rng.integers(0, 2, size=(5, 2)).astype(float)
    expected = numerical_gradient(lambda v: loss(v, y), p.copy())
    np.testing.assert_allclose(grad(p, y), expected, rtol=1e-7, atol=1e-10)


def test_bce_is_finite_at_zero_and_one():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert binary_cross_entropy([1.0, 0.0], [1, 0]) == pytest.approx(0.0, abs=1e-11)
        assert np.isfinite(binary_cross_entropy([0.0, 1.0], [1, 0]))
        assert np.all(np.isfinite(binary_cross_entropy_grad([0.0, 1.0], [1, 0])))


def test_mse_value():
    assert mse([1.0, 3.0], [0.0, 1.0]) == 2.5


def test_shapes_must_match():
    with pytest.raises(ValueError, match=r"^y: y_pred와 같은 모양 \(4, 1\).*\(4,\)"):
        mse(np.zeros((4, 1)), np.zeros(4))


def test_bce_range_checks():
    with pytest.raises(ValueError, match=r"^y: 0과 1 사이"):
        binary_cross_entropy([0.5], [2.0])
    with pytest.raises(ValueError, match=r"^y_pred: 0과 1 사이"):
        binary_cross_entropy([1.5], [1.0])
