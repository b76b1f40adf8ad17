"""sigmoid.md와 relu.md의 문장이 말하는 결과를 같은 계산으로 확인한다.

각 테스트의 docstring은 그 테스트가 뒷받침하는 페이지의 문장을 인용한다.
"""

import json
from pathlib import Path

import numpy as np
import pytest

from reference_nn import Network, relu, relu_grad, sigmoid, sigmoid_grad, train
from scripts.examples import first_layer_gradients

ROOT = Path(__file__).resolve().parent.parent


def _chain_first_grad(depth, weight):
    """뉴런 하나짜리 시그모이드 층을 depth개 이은 사슬에서 첫 번째 가중치의 기울기.

    편향을 -weight/2로 두고 입력을 0.5로 주면 모든 층의 가중합이 0이 되어(출력 0.5),
    층마다 곱해지는 값이 정확히 weight * sigmoid_grad(0)이 된다.
    """
    net = Network.from_params([[[weight]]] * depth, [[-weight / 2]] * depth, ["sigmoid"] * depth)
    _, dW, _ = net.backprop([[0.5]], [[1.0]])
    return abs(float(dW[0][0, 0]))


@pytest.mark.parametrize(("weight", "grows"), [(8.0, True), (1.0, False)])
def test_large_weights_can_make_the_gradient_grow(weight, grows):
    """sigmoid.md: "층마다 시그모이드의 기울기와 함께 가중치도 곱해지므로 반드시 그렇지는 않습니다.
    가중치가 크면 기울기가 오히려 커질 수도 있습니다."
    """
    grads = [_chain_first_grad(depth, weight) for depth in range(1, 7)]
    ratios = np.array(grads[1:]) / np.array(grads[:-1])
    np.testing.assert_allclose(ratios, weight * sigmoid_grad(0), rtol=1e-12)  # 층마다 가중치 * sigmoid_grad(0)
    assert all(r > 1 for r in ratios) == grows
    assert all(r < 1 for r in ratios) != grows


def test_initialised_sigmoid_layers_shrink_the_gradient_each_layer():
    """sigmoid.md: "다만 흔히 쓰는 초기화(LeCun 초기화)에서는 시그모이드 층마다 기울기가 실제로
    약 4분의 1로 줄어듭니다(측정에서는 층마다 평균 0.23배)."

    sigmoid.md: "그래서 시그모이드 층을 깊이 쌓으면 입력층 쪽의 기울기가 0에 가까워지기 쉽고"
    """
    sig = np.array(first_layer_gradients("sigmoid"))  # Network의 기본 초기화: 시그모이드 층은 LeCun
    per_layer = sig[1:] / sig[:-1]
    assert np.all(per_layer < 0.5)  # 은닉층이 하나 늘 때마다 절반 아래로
    mean_factor = (sig[-1] / sig[0]) ** (1 / (len(sig) - 1))  # 층마다 평균(기하 평균) 몇 배
    assert 0.2 < mean_factor < 0.3  # 약 4분의 1
    assert sig[-1] / sig[0] < 1e-4


def test_sign_and_output_threshold_split_only_at_rounding_ties():
    """sigmoid.md: "z가 10^-16 정도로 0에 아주 가까우면 sigma(z)가 정확히 0.5로 반올림되어 두 기준이 갈릴 수 있습니다."
    그리고 "sigma(z) > 0.5는 정확히 z > 0일 때 성립합니다"는 그런 동점 밖에서는 컴퓨터에서도 맞다.
    """
    tiny = np.array([1e-17, 5e-17, 1e-16])
    assert np.all(sigmoid(tiny) == 0.5)  # 양수 쪽은 1e-16까지 정확히 0.5로 반올림된다
    assert sigmoid(-1e-17) == 0.5  # 음수 쪽은 더 좁은 범위에서만 (0.5 아래는 부동소수점 간격이 더 촘촘하다)
    assert np.all((tiny > 0) != (sigmoid(tiny) > 0.5))  # 부호로는 양성, 출력으로는 음성: 갈린다
    z = np.concatenate([-np.logspace(-15, 2, 200), np.logspace(-15, 2, 200)])  # 동점보다 먼 z
    np.testing.assert_array_equal(sigmoid(z) > 0.5, z > 0)


def test_sigmoid_graph_is_point_symmetric_about_half():
    """sigmoid.md 연습 문제 1: "그래프가 점 (0, 0.5)에 대해 대칭이므로, x에서 곡선이 0.5보다 높은 만큼
    -x에서는 0.5보다 낮습니다." 즉 sigma(-x) = 1 - sigma(x).
    """
    x = np.linspace(-20, 20, 401)
    np.testing.assert_allclose(sigmoid(-x) - 0.5, -(sigmoid(x) - 0.5), rtol=0, atol=1e-15)


def test_relu_keeps_the_gradient_where_sigmoid_loses_it():
    """relu.md: "양수 입력에서는 ReLU 함수의 기울기가 언제나 1이어서 포화가 일어나지 않습니다.
    ... 시그모이드 함수의 문제를 이렇게 덜어 줍니다"

    relu.md: "ReLU 함수로 학습이 빨라지는 더 큰 이유는 기울기에 있습니다."
    """
    x = np.linspace(0.01, 50, 1000)
    assert np.all(relu_grad(x) == 1)
    assert np.all(np.diff(sigmoid_grad(x[x < 30])) < 0)  # 시그모이드는 입력이 커질수록 기울기가 줄어든다(포화)
    sig, rel = np.array(first_layer_gradients("sigmoid")), np.array(first_layer_gradients("relu"))
    assert rel[-1] / rel[0] > 1000 * (sig[-1] / sig[0])  # 깊이 10에서 ReLU는 기울기를 훨씬 잘 지킨다


def test_saturation_on_both_sides():
    """sigmoid.md: "입력의 절댓값이 커지면 곡선이 평평해져 기울기가 0에 가까워집니다." (양쪽 모두)"""
    x = np.linspace(0, 20, 201)
    assert np.all(np.diff(sigmoid_grad(x)) < 0)
    np.testing.assert_allclose(sigmoid_grad(x), sigmoid_grad(-x), rtol=1e-6)  # 양쪽이 대칭
    assert max(sigmoid_grad(20.0), sigmoid_grad(-20.0)) < 1e-8


def test_cost_measurement_used_a_million_values():
    """sigmoid.md: "같은 입력 배열(값 백만 개)에 시그모이드와 ReLU를 적용한 시간입니다." """
    cost = json.loads((ROOT / "scripts" / "activation_cost.json").read_text(encoding="utf-8"))
    assert cost["n"] == 1_000_000


X_NONNEG = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
TARGET = X_NONNEG.sum(axis=1, keepdims=True)  # 살아 있는 ReLU 뉴런이면 배울 수 있는 목표: x1 + x2


def test_dead_relu_neuron_stops_learning():
    """relu.md: "어떤 뉴런의 가중합 z가 모든 입력에서 0 이하가 되면, 그 뉴런의 출력은 언제나 0이고
    기울기도 언제나 0입니다. 가중치와 편향을 바꿀 기울기가 0이므로 이 뉴런은 더 이상 학습하지 않습니다."
    """
    net = Network.from_params([[[-1.0], [-2.0]]], [[-0.5]], ["relu"])
    history = train(net, X_NONNEG, TARGET, learning_rate=0.1, epochs=200)
    np.testing.assert_array_equal(net.weights[0], [[-1.0], [-2.0]])
    np.testing.assert_array_equal(net.biases[0], [-0.5])
    assert history[-1] == history[0] > 0  # 손실이 조금도 줄지 않는다


def test_one_large_update_can_kill_a_relu_neuron():
    """relu.md: "예를 들어 학습 중에 가중치와 편향을 한 번 고칠 때 편향이 크게 음수 쪽으로 밀리면 생길 수 있습니다." """
    W, b = [[[1.0], [1.0]]], [[0.5]]
    healthy = Network.from_params(W, b, ["relu"])
    history = train(healthy, X_NONNEG, TARGET, learning_rate=0.1, epochs=100)
    assert history[-1] < history[0] / 100  # 작은 학습률이면 잘 배운다

    net = Network.from_params(W, b, ["relu"])
    train(net, X_NONNEG, TARGET, learning_rate=10.0, epochs=1)  # 한 번의 큰 갱신
    assert net.biases[0][0] < 0
    assert np.all(net.forward(X_NONNEG) == 0)  # 모든 입력에서 z <= 0: 죽었다
    before = [a.copy() for a in net.weights + net.biases]
    later = train(net, X_NONNEG, TARGET, learning_rate=0.1, epochs=100)
    for old, new in zip(before, net.weights + net.biases, strict=True):
        np.testing.assert_array_equal(old, new)
    assert later[-1] == later[0]


def test_relu_output_is_unbounded_but_sigmoid_stays_below_one():
    """relu.md: "ReLU 함수의 출력에는 위쪽 한계가 없습니다. 입력이 커지는 만큼 출력도 한없이 커지므로,
    출력을 0과 1 사이의 확률로 읽을 수 없습니다."
    """
    x = np.array([0.5, 2.0, 10.0, 1e6])
    np.testing.assert_array_equal(relu(x), x)
    assert np.all(sigmoid(x) <= 1)
    assert np.all(relu(x[1:]) > 1)
