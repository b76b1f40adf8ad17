"""뉴런 하나: y = f(W . x + b)."""

import numpy as np
import pytest

from reference_nn import Neuron, sigmoid


def test_four_input_neuron_matches_formula():
    W, b, x = [0.5, -0.2, 0.1, 0.4], 0.1, [1.0, 2.0, 3.0, 4.0]
    neuron = Neuron(W, b, "sigmoid")
    z = W[0] * x[0] + W[1] * x[1] + W[2] * x[2] + W[3] * x[3] + b
    assert neuron.weighted_sum(x) == pytest.approx(z)
    assert neuron(x) == pytest.approx(sigmoid(z))
    assert type(neuron(x)) is float


def test_batch_of_inputs():
    neuron = Neuron([1.0, 1.0], -1.5, "step")
    np.testing.assert_array_equal(neuron([[0, 0], [0, 1], [1, 0], [1, 1]]), [0, 0, 0, 1])


def test_wrong_number_of_inputs():
    neuron = Neuron([1.0, 2.0, 3.0, 4.0], 0.0, "relu")
    with pytest.raises(ValueError, match=r"^x: 가중치 수와 같은 4개의 입력.*\(3,\)"):
        neuron([1.0, 2.0, 3.0])


def test_unknown_activation():
    with pytest.raises(ValueError, match=r"^activation: 'step', 'sigmoid', 'relu', 'identity' 중 하나.*'tanh'"):
        Neuron([1.0], 0.0, "tanh")


@pytest.mark.parametrize("bad", ["0.1", None, [0.1]])
def test_bad_bias(bad):
    with pytest.raises(TypeError, match=r"^bias: 실수 하나"):
        Neuron([1.0], bad, "relu")


def test_bad_weights():
    with pytest.raises(ValueError, match=r"^weights: 1차원"):
        Neuron([[1.0, 2.0]], 0.0, "relu")
    with pytest.raises(TypeError, match=r"^weights: 실수"):
        Neuron(["a", "b"], 0.0, "relu")
