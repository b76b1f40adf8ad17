"""backprop.md의 문장이 말하는 결과를 같은 계산으로 확인한다.

각 테스트의 docstring은 그 테스트가 뒷받침하는 페이지의 문장을 인용한다.
"""

# 인용한 문장의 −(U+2212), σ, ×는 페이지에 쓰인 그대로 둔다
# ruff: noqa: RUF002, RUF003

import itertools
import math

import numpy as np
import pytest

from reference_nn import (
    Network,
    binary_cross_entropy,
    binary_cross_entropy_grad,
    mse,
    mse_grad,
    numerical_gradient,
    sigmoid,
    sigmoid_grad,
    train,
)
from reference_nn.losses import EPS
from scripts import examples
from scripts.examples import first_layer_gradients, worked_step, xor_learning_rates
from tests import test_network


def _rates():
    return {r["lr"]: r for r in xor_learning_rates()}


def _step():
    s = worked_step()
    fw = s["forward"]
    return s, fw["z"], fw["a"], float(fw["y_out"][0]), float(examples.target[0])


# 손실 함수


def test_squared_error_is_mse_of_one_sample():
    """backprop.md: "샘플과 출력이 하나씩이면 평균 제곱 오차는 제곱 오차와 같습니다" 그리고
    "제곱하므로 오차의 부호와 상관없이 0 이상이고, 예측이 정확히 맞을 때만 0입니다"."""
    s, _, _, y_out, t = _step()
    assert mse([y_out], [t]) == pytest.approx((y_out - t) ** 2, rel=1e-15)
    assert s["loss"] == pytest.approx((y_out - t) ** 2, rel=1e-15)
    assert mse([0.3], [0.3]) == 0
    assert mse([0.3 + 0.1], [0.3]) == pytest.approx(mse([0.3 - 0.1], [0.3]))


def test_bce_punishes_confident_wrong_answers():
    """backprop.md: "정답에 확률 1을 주면 0이고, 정답에 준 확률이 0에 가까울수록 끝없이 커집니다. ...
    제곱 오차는 출력이 0과 1 사이이면 아무리 틀려도 1을 넘지 않습니다"."""
    ps = np.linspace(0.9, 1e-9, 50)  # 정답(1)에 주는 확률이 줄어든다
    bce = [binary_cross_entropy([p], [1.0]) for p in ps]
    assert binary_cross_entropy([1.0], [1.0]) == pytest.approx(0.0, abs=1e-11)
    assert all(b2 > b1 for b1, b2 in itertools.pairwise(bce))
    assert bce[-1] > 20  # 끝없이 커진다(잘라 낸 한도 안에서)
    grid = np.linspace(0, 1, 101)
    assert max(mse([p], [t]) for p in grid for t in (0.0, 1.0)) <= 1.0


def test_bce_of_always_one_half_is_ln2():
    """backprop.md: "어디서나 0.5라고 답할 때의 손실 ln 2"."""
    assert binary_cross_entropy([0.5] * 4, [0, 1, 1, 0]) == pytest.approx(math.log(2), rel=1e-12)


def test_sigmoid_bce_gradient_is_p_minus_t():
    """backprop.md: "둘을 이어 가중합 z에 대한 기울기를 구하면 p − t로 간단해집니다. 출력이 틀린 쪽으로
    포화되어 σ'(z)가
    아주 작아도 기울기가 사라지지 않습니다. 제곱 오차에서는 같은 상황의 기울기에 σ'(z)가 그대로 곱해져 작아집니다"."""
    for z in np.linspace(-8, 8, 33):
        p = float(sigmoid(z))
        for t in (0.0, 1.0):
            dz = float(binary_cross_entropy_grad([p], [t])[0] * sigmoid_grad(z))
            assert dz == pytest.approx(p - t, rel=1e-6, abs=1e-12)
    z = -4.0
    p = float(sigmoid(z))
    bce_dz = abs(float(binary_cross_entropy_grad([p], [1.0])[0] * sigmoid_grad(z)))
    mse_dz = abs(float(mse_grad([p], [1.0])[0] * sigmoid_grad(z)))
    assert bce_dz > 0.9
    assert mse_dz < bce_dz / 10


def test_bce_is_capped_by_clipping():
    """backprop.md: "샘플 하나의 이진 교차 엔트로피는 아무리 틀려도 약 27.63에서 멈춥니다"(확률을 1e-12로 자른다)."""
    assert EPS == 1e-12
    assert binary_cross_entropy([1.0], [0.0]) == pytest.approx(-math.log(EPS), rel=1e-6)
    assert binary_cross_entropy([0.0], [1.0]) == pytest.approx(-math.log(EPS), rel=1e-6)


# 숫자로 보는 역전파


def test_rounded_factors_can_differ_in_the_last_digit():
    """backprop.md: "이 기울기는 양수(1.4827)입니다(반올림한 값으로 적었으므로 끝자리가 다를 수 있습니다)"."""
    s = worked_step()
    shown_error = round(-s["error"], 4)  # 페이지에 적힌 오차의 크기(0.7414)
    assert round(2 * shown_error, 4) != round(-2 * s["error"], 4)


def test_gradient_of_loss_is_minus_two_errors():
    """backprop.md: "∂L/∂y_out = 2(y_out − 실젯값) = −2 × 오차" 그리고 "오차는 음수이고 ... 이 기울기는 양수"."""
    s, _, _, y_out, t = _step()
    assert s["error"] == t - y_out
    grad = float(mse_grad([y_out], [t])[0])
    assert grad == pytest.approx(-2 * s["error"], rel=1e-15)
    assert s["error"] < 0 < grad


def test_one_weight_by_the_chain_rule():
    """backprop.md: "∂L/∂W_y,11 = 2(y_out − 실젯값) · σ'(z_y) · h₁" 의 곱이 표의 기울기와 같고 양수다
    ("기울기가 양수이므로 W_y,11을 조금 줄이면 손실이 줄어듭니다")."""
    s, z, a, y_out, t = _step()
    by_hand = 2 * (y_out - t) * float(sigmoid_grad(z[1][0])) * float(a[1][0])
    assert by_hand == pytest.approx(float(s["dW"][1][0, 0]), rel=1e-12)
    assert by_hand > 0
    net, x, target = examples.example()
    net.weights[1][0, 0] -= 1e-3
    assert net.loss(x, target, "mse") < s["loss"]


def test_matrix_formulas():
    """backprop.md: "∂L/∂W_y = hᵀδ_y, ∂L/∂b_y = δ_y, δ_h = (δ_y W_yᵀ) ⊙ σ'(z_h), ∂L/∂W_h = xᵀδ_h, ∂L/∂b_h = δ_h"."""
    s, z, a, y_out, t = _step()
    delta_y = 2 * (y_out - t) * sigmoid_grad(z[1])
    delta_h = (delta_y @ np.array(examples.W_y).T) * sigmoid_grad(z[0])
    np.testing.assert_allclose(s["db"][1], delta_y, rtol=1e-12)
    np.testing.assert_allclose(s["db"][0], delta_h, rtol=1e-12)
    np.testing.assert_allclose(s["dW"][1], np.outer(a[1], delta_y), rtol=1e-12)
    np.testing.assert_allclose(s["dW"][0], np.outer(a[0], delta_h), rtol=1e-12)


def test_update_moves_output_toward_target():
    """backprop.md: "출력이 0.7514에서 0.7041로 실젯값 0.01에 가까워지고, 손실은 0.5496에서 0.4818로 줄어듭니다"."""
    s, _, _, y_out, t = _step()
    assert abs(s["new_y_out"] - t) < abs(y_out - t)
    assert s["new_loss"] < s["loss"]
    for old, new, g in zip(examples.example()[0].weights, s["new_weights"], s["dW"], strict=True):
        np.testing.assert_allclose(new, old - examples.learning_rate * g, rtol=1e-15)  # 기울기의 반대 방향


def test_hidden_delta_is_about_a_tenth():
    """backprop.md: "은닉층의 δ_h(0.0267, 0.0300)는 그 약 10분의 1입니다 ... δ_y에 가중치 W_y(0.4, 0.45)와
    은닉층의 도함수 σ'(z_h)(약 0.24)가 곱해졌기 때문입니다"."""
    s, z, _, _, _ = _step()
    ratio = s["db"][0] / s["db"][1][0]
    np.testing.assert_allclose(ratio, np.array(examples.W_y)[:, 0] * sigmoid_grad(z[0]), rtol=1e-12)
    assert np.all((ratio > 0.08) & (ratio < 0.125))  # 약 10분의 1
    assert np.all(np.abs(sigmoid_grad(z[0]) - 0.24) < 0.005)  # 약 0.24


def test_weight_gap_is_delta_times_input_gap():
    """backprop.md: "W_y의 기울기는 W_h의 기울기(0.0013~0.0030)보다 약 55~124배 큽니다. 그중 약 10배만 역전파(δ의
    차이) 때문이고, 나머지는 입력의 크기 차이 때문입니다 ... x는 h보다 6~12배 작습니다"."""
    s, _, a, _, _ = _step()
    gap = s["dW"][1].min() / s["dW"][0].max(), s["dW"][1].max() / s["dW"][0].min()
    pairs = s["dW"][1].ravel()[:, None] / s["dW"][0].ravel()[None, :]  # W_y 기울기 ÷ W_h 기울기, 모든 쌍
    assert pairs.min() == gap[0]
    assert pairs.max() == gap[1]  # 범위가 모든 쌍을 덮는다
    assert gap[0] > 2 * (s["db"][1][0] / s["db"][0]).max()  # δ의 차이(약 10배)보다 훨씬 크다
    delta_gap = s["db"][1][0] / s["db"][0]
    assert np.all((delta_gap > 8) & (delta_gap < 12.5))  # 약 10배
    input_gap = a[1].min() / a[0].max(), a[1].max() / a[0].min()
    assert round(input_gap[0]) == 6
    assert round(input_gap[1]) == 12
    # 가중치 기울기의 비 = (입력의 비) × (δ의 비)
    np.testing.assert_allclose(
        s["dW"][1][0, 0] / s["dW"][0][0, 0], (a[1][0] / a[0][0]) * (s["db"][1][0] / s["db"][0][0]), rtol=1e-12
    )


def test_half_squared_error_halves_every_gradient():
    """backprop.md: "그 글의 기울기는 모두 여기의 절반입니다. 예를 들어 W_y,11(그 글의 w5)의 기울기는 그
    글에서 0.082167"."""
    s, z, a, y_out, t = _step()
    half = (y_out - t) * float(sigmoid_grad(z[1][0])) * float(a[1][0])  # E = ½(t − o)²의 기울기
    assert half == pytest.approx(0.5 * float(s["dW"][1][0, 0]), rel=1e-12)
    assert round(half, 9) == 0.082167041  # Mazur(2015)가 발표한 값: 독립된 확인


def test_half_loss_is_half_the_learning_rate():
    """backprop.md: "½을 붙인 손실로 학습하는 것은 ½이 없는 손실로 학습률을 절반으로 해 학습하는 것과 같습니다"."""
    net, x, target = examples.example()
    _, dW, db = net.backprop(x, target, "mse")
    for param, grad in zip(net.weights + net.biases, dW + db, strict=True):
        half = numerical_gradient(lambda _: 0.5 * net.loss(x, target, "mse"), param)
        np.testing.assert_allclose(half, 0.5 * grad, rtol=1e-6)


def test_mazur_hidden_gradients_include_the_second_output():
    """backprop.md: "그 글의 신경망은 출력이 두 개(두 번째 실젯값 0.99)이고, 여기서는 첫 번째 출력만 씁니다. ...
    은닉층 쪽 기울기는 두 번째 출력의 몫이 빠져 그 글과 다릅니다"."""
    # 그 글의 전체 신경망: 두 번째 출력의 가중치 w7 = 0.50, w8 = 0.55.
    # E = ½ Σ (t - o)²는 두 출력의 평균 제곱 오차와 같다
    full = Network.from_params(
        [examples.W_h, [[0.40, 0.50], [0.45, 0.55]]], [examples.b_h, [0.60, 0.60]], ["sigmoid", "sigmoid"]
    )
    _, dW, _ = full.backprop(np.array(examples.x), np.array([0.01, 0.99]), "mse")
    assert round(float(dW[0][0, 0]), 9) == 0.000438568  # 그 글의 dE/dw1
    assert round(float(dW[1][0, 0]), 9) == 0.082167041  # 그 글의 dE/dw5
    ours = worked_step()["dW"][0][0, 0]
    assert abs(0.5 * ours - dW[0][0, 0]) > 1e-4  # 여기의 은닉층 기울기(의 절반)는 그 글과 다르다


def test_gradient_check_covers_what_the_page_says():
    """backprop.md: "reference_nn의 테스트는 층 1~4개에서, 학습할 수 있는 활성화 함수(시그모이드, ReLU, 그리고
    ... 항등 함수)와
    두 손실 함수의 조합마다 모든 가중치와 편향에 이 검사를 합니다"."""
    assert test_network.TRAINABLE == ["sigmoid", "relu", "identity"]
    assert test_network.LOSSES == ["mse", "binary_cross_entropy"]
    marks = test_network.test_backprop_equals_numerical_gradient.pytestmark
    layers = next(m.args[1] for m in marks if m.args[0] == "n_layers")
    assert layers == [1, 2, 3, 4]


# 학습률


def test_learning_rates_one_and_five_solve_xor():
    """backprop.md: "학습률 1과 5는 네 점을 모두 맞혔습니다(정확도 100%)"."""
    rates = _rates()
    assert rates[1.0]["accuracy"] == 1.0
    assert rates[5.0]["accuracy"] == 1.0


def test_small_learning_rate_is_chance():
    """backprop.md: "손실이 0.6901로, 어디서나 0.5라고 답할 때의 손실 ln 2에서 거의 내려오지 못했습니다. 네
    출력이 모두
    0.482에서 0.518 사이, 즉 0.5 바로 근처에 있으므로 정확도 75%는 ... 우연히 ..."."""
    r = _rates()[0.1]
    assert abs(r["last_loss"] - math.log(2)) < 0.01
    assert r["last_loss"] < r["first_loss"]
    assert np.all(np.abs(r["outputs"] - 0.5) < 0.02)
    assert r["accuracy"] == 0.75


def test_large_learning_rate_makes_loss_grow():
    """backprop.md: "학습률 100에서는 손실이 처음의 0.7519에서 13.8155로 커졌고, 학습이 끝난 뒤 네 출력은 모두
    1.000입니다" 그리고 각주: "네 점 중 두 점이 이렇게 틀리고 두 점은 맞으므로 평균은 그 절반인 약 13.8155"."""
    r = _rates()[100.0]
    assert r["last_loss"] > r["first_loss"]
    assert np.all(r["outputs"] == 1.0)  # 반올림해서 1.000이 아니라 정확히 1.0
    assert r["last_loss"] == pytest.approx(-math.log(EPS) / 2, rel=1e-5)
    assert int((examples.Y_XOR == 0).sum()) == 2
    net = Network([2, 4, 1], "sigmoid", seed=0)
    history = train(net, examples.X_XOR, examples.Y_XOR, "binary_cross_entropy", 100.0, examples.XOR_EPOCHS)
    assert net.loss(examples.X_XOR, examples.Y_XOR, "binary_cross_entropy") == r["last_loss"]
    assert history[1] > 10 * history[0]  # 첫 갱신에서 이미 크게 튄다


def _trace_lr_100():
    """학습률 100으로 XOR_EPOCHS번 갱신하며 갱신마다 (출력, 출력층 가중합, 기울기, 갱신 전 가중치)를 모은다."""
    net = Network([2, 4, 1], "sigmoid", seed=0)
    steps = []
    for _ in range(examples.XOR_EPOCHS):
        _, dW, db = net.backprop(examples.X_XOR, examples.Y_XOR, "binary_cross_entropy")
        weights = [w.copy() for w in net.weights + net.biases]
        steps.append((net.a[-1].ravel().copy(), net.z[-1].ravel().copy(), dW + db, weights))
        for layer, gW, gb in zip(net.layers, dW, db, strict=True):
            layer.W -= 100.0 * gW
            layer.b -= 100.0 * gb
    return steps


def test_large_learning_rate_swings_then_freezes():
    """backprop.md: "첫 갱신에서 가중치가 크게 튀어 네 출력이 모두 거의 1이 되고, 다음 갱신에서는 반대로 모두
    거의 0이 됩니다. 출력이 이렇게 양 끝을 오가다가, 출력층의 가중합 z_y가 40을 넘으면서 네 출력이 모두 1에
    붙습니다. 그때부터 모든 기울기가 정확히 0이고, 그 뒤로는 몇 번을 갱신해도 가중치가 바뀌지 않습니다"
    그리고 "출력층의 δ_y가 0이면 ... 모든 가중치와 편향의 기울기가 0이 됩니다"."""
    steps = _trace_lr_100()
    zero = [all(np.all(g == 0) for g in grads) for _, _, grads, _ in steps]
    frozen = zero.index(True)  # 기울기가 처음으로 모두 정확히 0이 되는 갱신
    assert all(zero[frozen:])  # 그 뒤로 끝까지 0
    assert not any(zero[:frozen])
    assert all(np.any(g != 0) for g in steps[frozen - 1][2])  # 그 직전에는 모든 배열에 0이 아닌 기울기가 있었다
    first, second = steps[1][0], steps[2][0]
    assert np.all(first > 0.99)  # 첫 갱신 뒤: 모두 거의 1
    assert np.all(second < 0.01)  # 다음 갱신 뒤: 모두 거의 0
    assert any(np.all(p < 0.01) for p, _, _, _ in steps[1:frozen])
    p, z_y, _, _ = steps[frozen]
    assert np.all(z_y > 40)
    assert np.all(steps[frozen - 1][1] < 40)  # 40을 넘는 것은 얼어붙는 그 갱신에서다
    assert np.all(p == 1.0)
    assert np.all(sigmoid(z_y) == 1.0)  # σ(z)가 정확히 1.0으로 반올림된다
    assert np.all(sigmoid_grad(z_y) == 0.0)  # 그래서 σ'(z) = 1 × (1 - 1) = 0
    for a, b in itertools.pairwise(steps[frozen:]):  # 가중치가 바뀌지 않는다
        assert all(np.array_equal(w1, w2) for w1, w2 in zip(a[3], b[3], strict=True))


def test_float64_rounds_a_large_sigmoid_to_exactly_one():
    """backprop.md: "컴퓨터는 실수를 유효 숫자 약 16자리(float64)로만 나타냅니다. ... z가 충분히 크면 σ(z)는 1과
    구별되지 않아 정확히 1.0으로 반올림됩니다. 그러면 도함수 σ'(z) = σ(z)(1 − σ(z)) = 1 × 0도 정확히 0입니다"
    그리고 "∂L/∂p는 잘라 낸 확률로 계산하므로 아주 크지만 유한한 수이고, 여기에 0을 곱하면 0입니다. 확률을 잘라 내지
    않은 수식이라면 ... 약분되어 p − t가 남지만"."""
    assert 1e-16 < np.finfo(float).eps < 1e-15  # 1 근처의 간격: 유효 숫자 약 16자리
    assert 0 < 1 - float(sigmoid(30.0)) < 1e-12  # 1에 아주 가깝지만 아직 1이 아니다
    big = np.linspace(40, 700, 661)
    assert np.all(sigmoid(big) == 1.0)
    assert np.all(sigmoid_grad(big) == 0.0)
    for t in (0.0, 1.0):
        dL_dp = float(binary_cross_entropy_grad([1.0], [t])[0])
        assert math.isfinite(dL_dp)
        assert dL_dp * float(sigmoid_grad(43.0)) == 0.0
    dL_dp = float(binary_cross_entropy_grad([1.0], [0.0])[0])
    assert dL_dp > 1e11  # 아주 크다
    # 잘라 내지 않은 식에서는 1/(p(1-p))와 σ'(z) = p(1-p)가 약분되어 p - t가 남는다(잘라 내지 않는 z에서 확인)
    z = 5.0
    p = float(sigmoid(z))
    unclipped = (p - 0.0) / (p * (1 - p)) * float(sigmoid_grad(z))
    assert unclipped == pytest.approx(p - 0.0, rel=1e-12)


# 기울기 소실


def _ratios(hidden, rescale=1.0):
    g = np.array(first_layer_gradients(hidden, rescale=rescale))
    return g / g[0]


def test_vanishing_measurement_setup():
    """backprop.md: "데이터는 수 16개로 이루어진 입력 64개(각 수는 평균 0, 표준편차 1인 정규 분포에서 무작위로
    뽑았습니다)와, 입력마다 무작위로 정한 0 또는 1의 실젯값입니다. 학습은 하지 않습니다. 가중치를 초기화한 직후,
    갱신하기 전의 신경망에서 역전파를 한 번 하고 첫 번째 층의 기울기 크기(모든 원소를 제곱해 더한 값의 제곱근)를
    쟀습니다. 시드 5개로 같은 측정을 되풀이해 ... 평균을 냈습니다"."""
    for hidden in ("sigmoid", "relu"):
        measured = first_layer_gradients(hidden)
        for depth in (1, 4, examples.DEPTHS[-1]):
            norms = []
            for seed in range(5):
                rng = np.random.default_rng(seed)
                X = rng.normal(0.0, 1.0, size=(64, 16))
                y = rng.integers(0, 2, size=(64, 1)).astype(float)
                assert set(np.unique(y)) <= {0.0, 1.0}
                net = Network([16] * (depth + 1) + [1], [hidden] * depth + ["sigmoid"], seed=seed)  # 초기화 직후
                _, dW, _ = net.backprop(X, y, "binary_cross_entropy")
                norms.append(math.sqrt(float(np.sum(dW[0] ** 2))))
            assert measured[depth - 1] == pytest.approx(np.mean(norms), rel=1e-12)


def test_sigmoid_gradient_shrinks_by_about_a_quarter_per_layer():
    """backprop.md: "시그모이드 은닉층에서는 층이 하나 늘 때마다 기울기가 대략 4분의 1로 줄어 깊이 1에 비해 약
    0.25^(d−1)배가
    됩니다. 이 측정에서는 층마다 평균 0.23배씩 줄어, 표의 '깊이 1에 대한 비율'이 0.25^(d−1) 열을 따라 내려갑니다"."""
    r = _ratios("sigmoid")
    per_layer = r[-1] ** (1 / (len(r) - 1))
    assert 0.2 < per_layer <= 0.25
    quarter = 0.25 ** np.arange(len(r))
    assert np.all(r <= quarter)  # 점선 아래에 머문다
    assert np.all(r >= quarter / 4)  # 점선에서 멀리 벗어나지 않는다(10층에서도 4배 이내)


def test_quarter_is_not_a_bound_with_larger_weights():
    """backprop.md: "0.25^(d−1)은 엄밀한 상한이 아닙니다. ... 가중치를 모두 4배로 키우면 깊이 10의 비율이
    0.25^9보다 훨씬 커집니다"."""
    r = _ratios("sigmoid", rescale=4.0)
    assert r[-1] > 1000 * 0.25 ** (len(r) - 1)
    assert np.all(r[1:] > 0.25 ** np.arange(1, len(r)))


def test_weight_five_makes_gradient_grow():
    """backprop.md: "모든 층이 z = 0(도함수 0.25)에 있고 가중치가 5이면, 층을 하나 거슬러 갈 때마다 기울기에 5
    × 0.25 = 1.25가 곱해져
    입력층 쪽으로 갈수록 기울기가 커집니다"."""
    net = Network.from_params([[[5.0]]] * 3, [[-2.5]] * 3, ["sigmoid"] * 3)
    _, _, db = net.backprop(np.array([0.5]), np.array([1.0]), "mse")
    assert all(float(z[0]) == 0 for z in net.z)
    d = [abs(float(g[0])) for g in db]
    assert d[0] > d[1] > d[2]
    np.testing.assert_allclose([d[0] / d[1], d[1] / d[2]], 5.0 * 0.25, rtol=1e-12)


def test_relu_keeps_gradient_with_he_but_not_with_lecun():
    """backprop.md: "ReLU ... 깊이가 늘어도 기울기가 거의 줄지 않습니다(깊이 10에서 비율 약 0.67).
    도함수만으로 되는 일은 아닙니다.
    ReLU 은닉층을 He 대신 LeCun 초기화로 두면 같은 비율이 크게 떨어집니다(약 0.027)"."""
    he = _ratios("relu")
    lecun = _ratios("relu", rescale=0.5**0.5)
    assert np.all(he > 0.5)
    assert lecun[-1] < he[-1] / 10


def test_initialisation_is_lecun_for_sigmoid_and_he_for_relu():
    """backprop.md: "시그모이드 층을 LeCun 초기화(표준편차 √(1/n_in))로, ReLU 층을 He 초기화(표준편차
    √(2/n_in))로 초기화합니다"."""
    n_in = 400
    for name, gain in [("sigmoid", 1.0), ("relu", 2.0)]:
        W = Network([n_in, 300], name, seed=0).weights[0]
        assert W.std() == pytest.approx(math.sqrt(gain / n_in), rel=0.01)


def test_output_sigmoid_does_not_change_the_classification():
    """backprop.md: "시그모이드는 가중합 z의 크기 순서를 바꾸지 않으므로, 출력을 0.5로 나눈 분류는 z를 0으로
    나눈 분류와 똑같습니다"."""
    z = np.linspace(-10, 10, 2001)
    assert np.array_equal(sigmoid(z) > 0.5, z > 0)
    assert np.all(np.diff(sigmoid(z)) >= 0)
    net = examples.xor_runs()["hidden"]["net"]
    y = net.forward(examples.X_XOR)
    assert np.array_equal(y > 0.5, net.z[-1] > 0)


def test_he_initialisation_keeps_the_signal_size():
    """backprop.md: "둘 다 층을 지나도 신호의 크기가 대체로 같게 유지되도록 고른 값입니다. He 초기화의 2는 ReLU가
    음수 입력을 0으로 만들어 뉴런의 약 절반이 꺼지는 것을 메웁니다"."""
    width, depth = 256, 10
    X = np.random.default_rng(0).normal(size=(512, width))
    sizes = [width] * (depth + 1)
    for rescale, keeps in [(1.0, True), (0.5**0.5, False)]:  # He, 그리고 2를 뺀 LeCun
        net = Network(sizes, "relu", seed=0)
        for layer in net.layers:
            layer.W *= rescale
        net.forward(X)
        first, last = np.mean(net.z[0] ** 2), np.mean(net.z[-1] ** 2)
        assert (0.5 < last / first < 2) == keeps
        off = np.mean(net.a[1] == 0)
        assert 0.4 < off < 0.6  # 약 절반이 꺼진다
