"""깊은 신경망의 학습: 시그모이드 은닉층을 깊게 쌓으면 학습이 되지 않고, ReLU 은닉층은 된다(같은 데이터로)."""

import math

from scripts import examples


def _solved(hidden, rate):
    return sum(acc == 1.0 for acc, _ in examples.deep_xor(hidden, rate))


def test_deep_sigmoid_network_does_not_learn_xor():
    """backprop.md: "시그모이드 은닉층은 학습률 0.1, 0.5, 1 어느 것에서도 네 점을 모두 맞힌 시드가 0개이고, 손실은 모두
    ln 2에서 0.0001도 벗어나지 않았습니다." 그리고 sigmoid.md: "... 그러면 학습이 잘 되지 않습니다." """
    for rate in examples.DEEP_RATES:
        assert _solved("sigmoid", rate) == 0
        for acc, loss in examples.deep_xor("sigmoid", rate):
            assert acc <= 0.5
            assert abs(loss - math.log(2)) < 1e-4


def test_deep_relu_network_learns_xor_at_a_small_learning_rate():
    """backprop.md: "같은 깊이의 ReLU 은닉층은 학습률 0.1에서 시드 5개 중 4개가 네 점을 모두 맞혔습니다
    (학습률이 더 크면 ReLU도 자주 실패합니다)."
    그리고 relu.md: "ReLU 함수로 학습이 빨라지는 더 큰 이유는 기울기에 있습니다"."""
    small = _solved("relu", examples.DEEP_RATES[0])
    assert small >= 3
    assert all(_solved("relu", rate) < small for rate in examples.DEEP_RATES[1:])
    assert small > max(_solved("sigmoid", rate) for rate in examples.DEEP_RATES)


def test_depth_is_what_stops_sigmoid():
    """backprop.md: "은닉층이 하나뿐일 때는 시그모이드로도 XOR을 잘 풀었으니, 층이 깊어진 것이 학습을 막은 셈입니다."
    그리고 networks.md: "은닉층이 너무 깊거나 ... 오히려 학습이 잘 되지 않기도 합니다"."""
    shallow = examples.deep_xor("sigmoid", 1.0, depth=1)
    assert all(acc == 1.0 for acc, _ in shallow)
    assert _solved("sigmoid", 1.0) == 0
