"""학습: XOR, 결정성, 학습률과 반복 횟수 검사, 수치 미분 검사."""

import numpy as np
import pytest

from reference_nn import Network, accuracy, numerical_gradient, train

X_XOR = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y_XOR = np.array([[0], [1], [1], [0]], dtype=float)


def test_hidden_layer_learns_xor():
    net = Network([2, 4, 1], ["sigmoid", "sigmoid"], seed=0)
    history = train(net, X_XOR, Y_XOR, "binary_cross_entropy", learning_rate=1.0, epochs=2000)
    assert accuracy(net, X_XOR, Y_XOR) == 1.0
    assert history[-1] < 0.05 < history[0]


@pytest.mark.parametrize("seed", range(5))
def test_no_hidden_layer_cannot_learn_xor(seed):
    net = Network([2, 1], ["sigmoid"], seed=seed)
    train(net, X_XOR, Y_XOR, "binary_cross_entropy", learning_rate=1.0, epochs=2000)
    assert accuracy(net, X_XOR, Y_XOR) <= 0.75


def test_training_is_deterministic():
    runs = []
    for _ in range(2):
        net = Network([2, 4, 1], ["relu", "sigmoid"], seed=3)
        runs.append(train(net, X_XOR, Y_XOR, "mse", learning_rate=0.5, epochs=50))
    assert runs[0] == runs[1]


@pytest.mark.parametrize("lr", [0, -0.1, float("nan")])
def test_bad_learning_rate(lr):
    with pytest.raises(ValueError, match=r"^learning_rate: 0보다 큰 유한한 실수.*" + str(lr).replace("-", "\\-")):
        train(Network([2, 1], "sigmoid"), X_XOR, Y_XOR, learning_rate=lr)


def test_non_numeric_learning_rate():
    with pytest.raises(TypeError, match=r"^learning_rate: 0보다 큰 실수"):
        train(Network([2, 1], "sigmoid"), X_XOR, Y_XOR, learning_rate="0.1")


@pytest.mark.parametrize("epochs", [0, 2.5, -1])
def test_bad_epochs(epochs):
    with pytest.raises(ValueError, match=r"^epochs: 1 이상의 정수"):
        train(Network([2, 1], "sigmoid"), X_XOR, Y_XOR, epochs=epochs)


def test_numerical_gradient_checks_its_arguments():
    with pytest.raises(TypeError, match=r"^f: 호출할 수 있는"):
        numerical_gradient(3, np.zeros(2))
    with pytest.raises(TypeError, match=r"^x: 제자리에서 바꿀 수 있는 float"):
        numerical_gradient(np.sum, [1.0, 2.0])
    with pytest.raises(ValueError, match=r"^eps: 0보다 큰"):
        numerical_gradient(np.sum, np.zeros(2), eps=0)


def test_numerical_gradient_restores_x():
    x = np.array([1.0, -2.0, 3.0])
    numerical_gradient(lambda v: float(np.sum(v**3)), x)
    np.testing.assert_array_equal(x, [1.0, -2.0, 3.0])
