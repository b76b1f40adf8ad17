"""신경망: 순전파 모양, 역전파 = 수치 미분, 잘못된 입력."""

import numpy as np
import pytest

from reference_nn import Network, numerical_gradient, relative_error, sigmoid

TRAINABLE = ["sigmoid", "relu", "identity"]
LOSSES = ["mse", "binary_cross_entropy"]


def _random_case(n_layers, hidden, loss, seed):
    rng = np.random.default_rng(seed)
    sizes = [int(n) for n in rng.integers(1, 5, size=n_layers + 1)]
    # BCE는 0과 1 사이의 출력이 필요하므로 출력층은 sigmoid
    out = "sigmoid" if loss == "binary_cross_entropy" else hidden
    net = Network(sizes, [hidden] * (n_layers - 1) + [out], seed=seed)
    for b in net.biases:
        b[...] = rng.normal(size=b.shape)  # 0이 아닌 편향도 검사한다
    X = rng.normal(size=(5, sizes[0]))
    y = rng.integers(0, 2, size=(5, sizes[-1])).astype(float)
    return net, X, y


@pytest.mark.parametrize("n_layers", [1, 2, 3, 4])
@pytest.mark.parametrize("hidden", TRAINABLE)
@pytest.mark.parametrize("loss", LOSSES)
def test_backprop_equals_numerical_gradient(n_layers, hidden, loss):
    net, X, y = _random_case(n_layers, hidden, loss, seed=n_layers * 10 + len(hidden))
    _, dW, db = net.backprop(X, y, loss)
    for param, grad in zip(net.weights + net.biases, dW + db, strict=True):
        assert grad.shape == param.shape
        expected = numerical_gradient(lambda _: net.loss(X, y, loss), param)
        assert relative_error(grad, expected) < 1e-7


def test_forward_matches_hand_computation():
    net = Network([2, 3, 1], ["relu", "sigmoid"], seed=3)
    x = np.array([0.5, -1.0])
    h = np.maximum(x @ net.weights[0] + net.biases[0], 0)
    expected = sigmoid(h @ net.weights[1] + net.biases[1])
    out = net.forward(x)
    assert out.shape == (1,)
    np.testing.assert_allclose(out, expected, rtol=1e-15)
    np.testing.assert_allclose(net.z[0], x @ net.weights[0] + net.biases[0], rtol=1e-15)
    np.testing.assert_array_equal(net.a[0], x)
    np.testing.assert_array_equal(net.a[1], h)


def test_single_sample_and_batch_agree():
    net = Network([3, 4, 2], ["sigmoid", "sigmoid"], seed=0)
    X = np.arange(6.0).reshape(2, 3)
    batch = net.forward(X)
    np.testing.assert_allclose(net.forward(X[1]), batch[1], rtol=1e-15)


def test_same_seed_same_network():
    a, b = Network([2, 5, 1], "relu", seed=7), Network([2, 5, 1], "relu", seed=7)
    for Wa, Wb in zip(a.weights, b.weights, strict=True):
        np.testing.assert_array_equal(Wa, Wb)


def test_backward_does_not_modify_dout():
    net = Network([2, 2], ["relu"], seed=0)
    layer = net.layers[0]
    layer.forward(np.array([[1.0, -1.0]]))
    dout = np.array([[1.0, 1.0]])
    layer.backward(dout)
    np.testing.assert_array_equal(dout, [[1.0, 1.0]])


def test_step_network_cannot_backprop():
    net = Network([2, 1], ["step"], seed=0)
    assert net.forward([1.0, 1.0]).shape == (1,)
    with pytest.raises(ValueError, match=r"activation 'step'.*학습할 수 없습니다"):
        net.backprop([[1.0, 1.0]], [[1.0]])


def test_n_params():
    assert Network([2, 3, 1], "sigmoid").n_params == 2 * 3 + 3 + 3 * 1 + 1
    assert Network([784, 128, 10], "relu").n_params == 101_770


@pytest.mark.parametrize("sizes", [[3], [], "23", 5, [2, 0, 1], [2, 1.5], [2, True]])
def test_bad_sizes(sizes):
    with pytest.raises(ValueError, match=r"^sizes: "):
        Network(sizes, "relu")


def test_bad_activations():
    with pytest.raises(ValueError, match=r"^activations: 가중치가 있는 층마다 하나씩, 2개"):
        Network([2, 3, 1], ["relu"])
    with pytest.raises(ValueError, match=r"^activations: 'step', 'sigmoid', 'relu', 'identity' 중 하나.*'softmax'"):
        Network([2, 3, 1], ["relu", "softmax"])


def test_wrong_number_of_features():
    net = Network([2, 3, 1], "sigmoid")
    with pytest.raises(ValueError, match=r"^X: 특성\(feature\) 2개인 .*\(4, 3\)"):
        net.forward(np.zeros((4, 3)))
    with pytest.raises(ValueError, match=r"^X: "):
        net.forward(np.zeros((2, 2, 2)))


def test_non_numeric_input():
    with pytest.raises(TypeError, match=r"^X: 실수"):
        Network([2, 1], "sigmoid").forward(["a", "b"])


def test_target_shape_is_not_broadcast():
    net = Network([2, 1], "sigmoid")
    with pytest.raises(ValueError, match=r"^y: 출력과 같은 모양 \(4, 1\).*\(4,\)"):
        net.backprop(np.zeros((4, 2)), np.zeros(4))


def test_unknown_loss():
    with pytest.raises(ValueError, match=r"^loss: 'mse', 'binary_cross_entropy' 중 하나.*'hinge'"):
        Network([2, 1], "sigmoid").backprop(np.zeros((1, 2)), np.zeros((1, 1)), "hinge")


def test_from_params_checks_shapes():
    with pytest.raises(ValueError, match=r"^weights\[1\]: 앞 층과 이어지는"):
        Network.from_params([np.zeros((2, 3)), np.zeros((2, 1))], [np.zeros(3), np.zeros(1)], "relu")
    with pytest.raises(ValueError, match=r"^biases\[0\]: 모양이 맞지 않습니다\(필요한 모양: \(3,\), 받은 모양: \(2,\)"):
        Network.from_params([np.zeros((2, 3))], [np.zeros(2)], "relu")


def test_from_params_copies_its_arguments():
    W = np.array([[1.0], [1.0]])
    net = Network.from_params([W], [np.array([0.0])], ["sigmoid"])
    net.layers[0].W -= 1.0
    np.testing.assert_array_equal(W, [[1.0], [1.0]])


def test_float64_input_is_not_copied_or_changed():
    X = np.ones((3, 2))
    net = Network([2, 2, 1], "sigmoid")
    net.backprop(X, np.zeros((3, 1)))
    np.testing.assert_array_equal(X, np.ones((3, 2)))
