"""경사 하강법으로 신경망을 학습시킨다."""

import numbers

from ._checks import check_positive


# --8<-- [start:train]
def train(network, X, y, loss="mse", learning_rate=0.5, epochs=1000):
    """전체 배치 경사 하강법: W <- W - learning_rate * dL/dW.

    Parameters
    ----------
    network : Network
        학습시킬 신경망(제자리에서 바뀝니다).
    X, y : array_like
        입력과 정답.
    loss : str
        'mse' 또는 'binary_cross_entropy'.
    learning_rate : float
        학습률(0보다 큰 값).
    epochs : int
        갱신 횟수.

    Returns
    -------
    list of float
        갱신마다 그 직전의 손실 값. 난수를 쓰지 않으므로 같은 신경망과 데이터는 같은 기록을 줍니다.

    Examples
    --------
    >>> from reference_nn import Network
    >>> net = Network([1, 1], ["identity"], seed=0)
    >>> history = train(net, [[1.0], [2.0]], [[2.0], [4.0]], learning_rate=0.1, epochs=50)
    >>> history[0] > history[-1]
    True
    """
    learning_rate = check_positive(learning_rate, "learning_rate")
    if not isinstance(epochs, numbers.Integral) or isinstance(epochs, bool) or epochs < 1:
        raise ValueError(f"epochs: 1 이상의 정수가 필요합니다(받은 값: {epochs!r})")
    history = []
    for _ in range(epochs):
        value, dW, db = network.backprop(X, y, loss)
        for layer, gW, gb in zip(network.layers, dW, db, strict=True):
            layer.W -= learning_rate * gW
            layer.b -= learning_rate * gb
        history.append(value)
    return history


# --8<-- [end:train]


def accuracy(network, X, y, threshold=0.5):
    """출력을 threshold로 나눈 0/1 예측이 정답과 맞는 비율.

    Examples
    --------
    >>> from reference_nn import Network
    >>> net = Network.from_params([[[1.0], [1.0]]], [[-1.5]], ["step"])  # AND
    >>> accuracy(net, [[0, 0], [0, 1], [1, 0], [1, 1]], [[0], [0], [0], [1]])
    1.0
    """
    y_pred = network.forward(X)
    y = network.check_target(y, y_pred)
    return float(((y_pred > threshold) == (y > threshold)).mean())
