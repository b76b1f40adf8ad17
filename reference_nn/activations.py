"""활성화 함수와 그 도함수: 계단(step), 시그모이드(sigmoid), ReLU, 항등(identity).

모든 함수는 원소별로 계산합니다. Python 스칼라를 넣으면 Python float을,
리스트나 배열을 넣으면 같은 모양의 NumPy 배열(float64, 입력이 float32이면 float32)을 돌려줍니다.

경계에서의 약속(모두 테스트됩니다):

- ``step(0) == 0``: 원문 그대로 0 이하는 0, 0보다 크면 1입니다.
- ``relu_grad(0) == 0``: ReLU는 0에서 미분할 수 없으므로 0을 고릅니다(흔한 선택).
- NaN을 넣으면 모든 함수가 NaN을 돌려줍니다. ±inf는 극한값을 줍니다.
"""

import numpy as np

from ._checks import as_float_array, is_real_scalar


def _prepare(x):
    """입력을 실수 배열로 바꾸고, 스칼라였는지도 함께 돌려준다."""
    return as_float_array(x, "x"), is_real_scalar(x)


def _finish(y, x, scalar):
    """입력과 같은 dtype으로 맞추고, 스칼라 입력이면 Python float으로 돌려준다."""
    y = np.asarray(y, dtype=x.dtype)
    return float(y) if scalar else y


def _keep_nan(y, x):
    """비교 연산은 NaN을 0으로 만들어 버리므로 NaN 자리를 되살린다."""
    return np.where(np.isnan(x), np.nan, y)


# --8<-- [start:step]
def step(x):
    """계단 함수: x > 0이면 1, x <= 0이면 0.

    Parameters
    ----------
    x : float or array_like
        입력값.

    Returns
    -------
    float or numpy.ndarray
        0 또는 1(NaN이면 NaN).

    Examples
    --------
    >>> step(0.1)
    1.0
    >>> step(0)
    0.0
    >>> step([-2.0, 0.0, 3.0])
    array([0., 0., 1.])
    """
    x, scalar = _prepare(x)
    y = _keep_nan(x > 0, x)
    return _finish(y, x, scalar)


# --8<-- [end:step]


def step_grad(x):
    """계단 함수의 도함수는 학습에 쓸 수 없으므로 오류를 낸다.

    계단 함수는 0이 아닌 모든 곳에서 기울기가 0이고 x = 0에서는 정의되지 않습니다.
    기울기가 0이면 가중치가 바뀌지 않으므로 경사 하강법으로 학습할 수 없습니다.

    Raises
    ------
    ValueError
        항상.

    Examples
    --------
    >>> step_grad(0.5)
    Traceback (most recent call last):
    ...
    ValueError: activation 'step': 계단 함수는 기울기가 거의 모든 곳에서 0이고 0에서는 정의되지 않아 역전파로 학습할 수 없습니다. 'sigmoid'나 'relu'를 쓰세요
    """
    raise ValueError(
        "activation 'step': 계단 함수는 기울기가 거의 모든 곳에서 0이고 0에서는 정의되지 않아 "
        "역전파로 학습할 수 없습니다. 'sigmoid'나 'relu'를 쓰세요"
    )


# --8<-- [start:sigmoid]
def sigmoid(x):
    """시그모이드 함수: 1 / (1 + exp(-x)).

    exp(-|x|)만 계산하므로 어떤 실수를 넣어도 넘침(overflow)이 일어나지 않습니다.

    Parameters
    ----------
    x : float or array_like
        입력값.

    Returns
    -------
    float or numpy.ndarray
        0과 1 사이의 값.

    Examples
    --------
    >>> round(sigmoid(0.2), 4)
    0.5498
    >>> sigmoid(0)
    0.5
    >>> sigmoid(-1000), sigmoid(1000)
    (0.0, 1.0)
    """
    x, scalar = _prepare(x)
    e = np.exp(-np.abs(x))  # 0 <= e <= 1: 넘치지 않는다
    y = np.where(x >= 0, 1, e) / (1 + e)  # x >= 0: 1/(1+e^-x), x < 0: e^x/(1+e^x)
    return _finish(y, x, scalar)


# --8<-- [end:sigmoid]


# --8<-- [start:sigmoid_grad]
def sigmoid_grad(x):
    """시그모이드의 도함수: sigmoid(x) * (1 - sigmoid(x)).

    Parameters
    ----------
    x : float or array_like
        입력값(시그모이드를 통과하기 전의 값).

    Returns
    -------
    float or numpy.ndarray
        0 이상 0.25 이하인 값(수학적으로는 0보다 크지만 |x|가 아주 크면 부동소수점 반올림으로 0이 됩니다). 가장 큰 값 0.25는 x = 0에서 나옵니다.

    Examples
    --------
    >>> sigmoid_grad(0)
    0.25
    >>> round(sigmoid_grad(5), 4)
    0.0066
    """
    x, scalar = _prepare(x)
    s = sigmoid(x)
    return _finish(s * (1 - s), x, scalar)


# --8<-- [end:sigmoid_grad]


# --8<-- [start:relu]
def relu(x):
    """ReLU 함수: max(0, x).

    Parameters
    ----------
    x : float or array_like
        입력값.

    Returns
    -------
    float or numpy.ndarray
        x가 양수이면 x, 아니면 0.

    Examples
    --------
    >>> relu(-3)
    0.0
    >>> relu(2.5)
    2.5
    """
    x, scalar = _prepare(x)
    return _finish(np.maximum(x, 0), x, scalar)


# --8<-- [end:relu]


# --8<-- [start:relu_grad]
def relu_grad(x):
    """ReLU의 도함수: x > 0이면 1, x <= 0이면 0.

    x = 0에서는 미분할 수 없으므로 0으로 정합니다.

    Parameters
    ----------
    x : float or array_like
        입력값.

    Returns
    -------
    float or numpy.ndarray
        0 또는 1(NaN이면 NaN).

    Examples
    --------
    >>> relu_grad(3.0), relu_grad(0), relu_grad(-3.0)
    (1.0, 0.0, 0.0)
    """
    x, scalar = _prepare(x)
    return _finish(_keep_nan(x > 0, x), x, scalar)


# --8<-- [end:relu_grad]


def identity(x):
    """항등 함수: x를 그대로 돌려준다(회귀의 출력층용).

    Examples
    --------
    >>> identity(-1.5)
    -1.5
    """
    x, scalar = _prepare(x)
    return _finish(x, x, scalar)


def identity_grad(x):
    """항등 함수의 도함수: 언제나 1.

    Examples
    --------
    >>> identity_grad(-1.5)
    1.0
    """
    x, scalar = _prepare(x)
    return _finish(_keep_nan(np.ones_like(x), x), x, scalar)


#: 이름으로 찾는 (함수, 도함수) 쌍
ACTIVATIONS = {
    "step": (step, step_grad),
    "sigmoid": (sigmoid, sigmoid_grad),
    "relu": (relu, relu_grad),
    "identity": (identity, identity_grad),
}
