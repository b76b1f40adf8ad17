"""소개, 뉴런, 계단 함수 페이지(index.md, neuron.md, step.md)의 결과 문장을 같은 데이터로 확인한다."""

import math

import numpy as np
import pytest

from reference_nn import Neuron, sigmoid, step
from scripts import examples


def test_source_value_is_truncated_not_rounded():
    """index.md: "원문의 숫자는 반올림하지 않고 잘라 낸 값으로 보입니다." """
    value = sigmoid(0.2)
    assert math.floor(value * 100) / 100 == 0.54  # 잘라 내면 원문의 0.54
    assert math.floor(value * 100) == 54  # 원문의 "약 54%"
    assert round(value, 2) != 0.54  # 반올림으로는 0.54가 나오지 않는다


def test_worked_example_reuses_mazur_numbers():
    """index.md: "Matt Mazur의 글 ... 의 입력, 가중치, 편향, 실젯값을 그대로 가져다 씁니다.
    다만 그 글의 출력 뉴런 두 개 가운데 첫 번째 하나만 남겼습니다." """
    # Mazur(2015): i1, i2 = .05, .10; w1..w4 = .15, .20, .25, .30; b1 = .35;
    # w5, w6 (첫 번째 출력 뉴런) = .40, .45; b2 = .60; 첫 번째 출력의 target = .01
    mazur_w = {"w1": 0.15, "w2": 0.20, "w3": 0.25, "w4": 0.30, "w5": 0.40, "w6": 0.45}
    net, x, target = examples.example()
    W_h, W_y = (layer.W for layer in net.layers)
    assert x.tolist() == [0.05, 0.10]
    # h1 = w1*i1 + w2*i2 + b1: 열 0이 은닉 뉴런 h1
    assert W_h[:, 0].tolist() == [mazur_w["w1"], mazur_w["w2"]]
    assert W_h[:, 1].tolist() == [mazur_w["w3"], mazur_w["w4"]]
    assert W_y[:, 0].tolist() == [mazur_w["w5"], mazur_w["w6"]]
    assert W_y.shape[1] == 1  # 출력 뉴런은 하나
    assert examples.b_h == [0.35, 0.35]
    assert examples.b_y == [0.60]
    assert target.tolist() == [0.01]


def test_sigmoid_output_grows_with_its_input():
    """neuron.md: "시그모이드 함수는 입력이 커질수록 출력도 커지는 함수이므로 y도 z와 같은 쪽으로 움직입니다." """
    z = np.linspace(-8, 8, 1601)
    assert np.all(np.diff(sigmoid(z)) > 0)


def test_doubling_one_weight_moves_z_by_that_term():
    """neuron.md: "가중치 하나를 두 배로 하면 가중합에서 그 가중치의 항 W_i x_i가 두 배가 되므로,
    z는 W_i x_i만큼 바뀝니다." 그리고 "다만 y가 두 배가 되지는 않습니다." """
    rng = np.random.default_rng(0)
    for _ in range(50):
        W, x, b = rng.normal(size=4), rng.normal(size=4), float(rng.normal())
        neuron = Neuron(W, bias=b, activation="sigmoid")
        for i in range(4):
            doubled = W.copy()
            doubled[i] *= 2
            changed = Neuron(doubled, bias=b, activation="sigmoid")
            assert changed.weighted_sum(x) - neuron.weighted_sum(x) == pytest.approx(W[i] * x[i], abs=1e-12)
            # y는 z와 같은 쪽으로 움직인다
            assert np.sign(changed(x) - neuron(x)) == np.sign(W[i] * x[i])
    # 연습 문제의 뉴런: z는 세 배가 되었지만 y는 두 배에 못 미친다
    neuron = Neuron([0.3, -0.5], bias=0.2, activation="sigmoid")
    first = Neuron([0.6, -0.5], bias=0.2, activation="sigmoid")
    assert first([2.0, 1.0]) < 2 * neuron([2.0, 1.0])


def test_step_tells_sign_apart_but_not_distance():
    """step.md: "계단 함수도 0.1과 -0.1은 1과 0으로 잘 나눕니다. 문제는 입력이 임계치인 0에 얼마나 가까운지를
    출력에 담지 못한다는 점입니다. 임계치 바로 옆의 0.1이든 멀리 떨어진 100이든 출력은 똑같이 1입니다." """
    assert step(0.1) != step(-0.1)
    positives = np.array([1e-9, 0.1, 1.0, 100.0, 1e9])
    assert len(set(step(positives).tolist())) == 1  # 가까운 값과 먼 값이 같은 출력
    # 시그모이드는 같은 값들을 구분한다(거리가 출력에 남는다)
    assert np.all(np.diff(sigmoid(positives[:4])) > 0)


def test_step_is_flat_everywhere_except_zero():
    """step.md: "계단 함수는 x = 0을 뺀 모든 곳에서 평평하므로 기울기가 0이고, x = 0에서는 값이 갑자기 뛰므로
    기울기가 정의되지 않습니다." """
    xs = np.concatenate([-np.logspace(-3, 3, 50), np.logspace(-3, 3, 50)])
    h = 1e-6
    slopes = (step(xs + h) - step(xs - h)) / (2 * h)
    assert np.all(slopes == 0)
    # 0에서는 h를 줄일수록 기울기 추정값이 끝없이 커진다(정의되지 않는다)
    estimates = [(step(h) - step(-h)) / (2 * h) for h in (1e-2, 1e-4, 1e-8)]
    assert estimates[0] < estimates[1] < estimates[2]
    assert estimates[-1] > 1e6


def test_zero_gradient_leaves_the_weights_unchanged():
    """step.md: "학습은 기울기를 보고 그 반대 방향으로 가중치를 조금씩 바꾸는 과정인데,
    기울기가 0이면 가중치가 전혀 바뀌지 않습니다." 그리고 연습 문제 3: "가중치를 조금 바꿔도 출력이 그대로이므로
    기울기가 0이고" """
    rng = np.random.default_rng(1)
    W, b, x, target = rng.normal(size=3), 0.1, rng.normal(size=3), 1.0

    def loss(weights):
        return (Neuron(weights, bias=b, activation="step")(x) - target) ** 2

    h = 1e-6
    grad = np.array([(loss(W + h * e) - loss(W - h * e)) / (2 * h) for e in np.eye(3)])
    assert np.all(grad == 0)
    updated = W - 0.5 * grad
    assert np.array_equal(updated, W)
    # 연습 문제 3의 두 가중합
    assert step(-0.3) == step(-0.29)
