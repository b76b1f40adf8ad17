"""깊은 신경망의 학습: 시그모이드 은닉층을 깊게 쌓으면 학습이 되지 않고, ReLU 은닉층은 된다(같은 데이터로)."""

import math

from scripts import examples


def _solved(hidden, rate):
    return sum(acc == 1.0 for acc, _ in examples.deep_xor(hidden, rate))


def test_deep_sigmoid_network_does_not_learn_xor():
    """backprop.md: "시드 5개 가운데 네 점을 모두 맞힌 것은 0개이고, 손실은 모두 ln 2에서 0.0001도 벗어나지 않았습니다."
    그리고 sigmoid.md: "... 그러면 학습이 잘 되지 않습니다." """
    runs = examples.deep_xor("sigmoid", examples.XOR_LEARNING_RATE)
    assert len(runs) == 5
    assert _solved("sigmoid", examples.XOR_LEARNING_RATE) == 0
    for acc, loss in runs:
        assert acc <= 0.5
        assert abs(loss - math.log(2)) < 1e-4


def test_depth_is_what_stops_sigmoid():
    """backprop.md: "같은 조건에서 은닉층이 하나뿐인 신경망은 시드 10개 가운데 10개가 네 점을 모두 맞혔으니,
    층이 깊어진 것이 학습을 막은 셈입니다."
    그리고 networks.md: "은닉층이 너무 깊거나 ... 오히려 학습이 잘 되지 않기도 합니다"."""
    assert examples.xor_seed_accuracies("sigmoid") == [1.0] * 10
    assert _solved("sigmoid", examples.XOR_LEARNING_RATE) == 0


def test_deep_relu_network_learns_xor():
    """backprop.md: "같은 깊이의 ReLU 은닉층은 학습률을 0.1로 낮추면 시드 5개 중 4개가 네 점을 모두 맞혔습니다."
    그리고 relu.md: "ReLU 함수로 학습이 빨라지는 더 큰 이유는 기울기에 있습니다"."""
    relu = _solved("relu", examples.DEEP_RELU_RATE)
    assert relu >= 3
    assert relu > _solved("sigmoid", examples.XOR_LEARNING_RATE)
