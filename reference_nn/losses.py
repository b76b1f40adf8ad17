"""손실 함수와 그 기울기: 평균 제곱 오차(MSE)와 이진 교차 엔트로피(BCE).

두 손실 모두 모든 원소의 평균입니다. 기울기는 예측값 ``y_pred``에 대한 편미분입니다.
"""

import numpy as np

from ._checks import as_float_array

#: log(0)을 피하려고 확률을 [EPS, 1 - EPS]로 자른다
EPS = 1e-12


def _pair(y_pred, y):
    """예측과 정답을 배열로 바꾸고 모양이 같은지 확인한다(조용한 브로드캐스팅 금지)."""
    y_pred = as_float_array(y_pred, "y_pred")
    y = as_float_array(y, "y")
    if y_pred.shape != y.shape:
        raise ValueError(f"y: y_pred와 같은 모양 {y_pred.shape}이 필요합니다(받은 모양: {y.shape})")
    if y.size == 0:
        raise ValueError("y: 원소가 하나 이상 필요하지만 빈 배열을 받았습니다")
    return y_pred, y


# --8<-- [start:mse]
def mse(y_pred, y):
    """평균 제곱 오차: mean((y_pred - y)^2).

    Examples
    --------
    >>> mse([0.5, 1.0], [0.0, 1.0])
    0.125
    """
    y_pred, y = _pair(y_pred, y)
    return float(np.mean((y_pred - y) ** 2))


def mse_grad(y_pred, y):
    """평균 제곱 오차의 기울기: 2 (y_pred - y) / 원소 수.

    Examples
    --------
    >>> mse_grad([0.5, 1.0], [0.0, 1.0])
    array([0.5, 0. ])
    """
    y_pred, y = _pair(y_pred, y)
    return 2 * (y_pred - y) / y.size


# --8<-- [end:mse]


def _check_probabilities(y_pred, y):
    if y.min() < 0 or y.max() > 1:
        raise ValueError("y: 0과 1 사이의 정답(레이블)이 필요하지만 범위를 벗어난 값을 받았습니다")
    if y_pred.min() < 0 or y_pred.max() > 1:
        raise ValueError("y_pred: 0과 1 사이의 확률이 필요하지만 범위를 벗어난 값을 받았습니다")


def binary_cross_entropy(y_pred, y):
    """이진 교차 엔트로피: -mean(y log p + (1 - y) log(1 - p)).

    p가 0이나 1에 닿아도 유한한 값을 주도록 p를 [1e-12, 1 - 1e-12]로 자릅니다.

    Examples
    --------
    >>> round(binary_cross_entropy([0.9, 0.2], [1, 0]), 4)
    0.1643
    >>> round(binary_cross_entropy([0.0], [1]), 2)
    27.63
    """
    y_pred, y = _pair(y_pred, y)
    _check_probabilities(y_pred, y)
    p = np.clip(y_pred, EPS, 1 - EPS)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log1p(-p)))


def binary_cross_entropy_grad(y_pred, y):
    """이진 교차 엔트로피의 기울기: (p - y) / (p (1 - p)) / 원소 수.

    Examples
    --------
    >>> np.round(binary_cross_entropy_grad([0.9, 0.2], [1, 0]), 4)
    array([-0.5556,  0.625 ])
    """
    y_pred, y = _pair(y_pred, y)
    _check_probabilities(y_pred, y)
    p = np.clip(y_pred, EPS, 1 - EPS)
    return (p - y) / (p * (1 - p)) / y.size


#: 이름으로 찾는 (손실, 기울기) 쌍
LOSSES = {
    "mse": (mse, mse_grad),
    "binary_cross_entropy": (binary_cross_entropy, binary_cross_entropy_grad),
}
