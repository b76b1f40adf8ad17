"""뉴런 하나: y = f(w · x + b)."""

import numpy as np

from ._checks import as_float_array, check_choice, is_real_scalar
from .activations import ACTIVATIONS


# --8<-- [start:neuron]
class Neuron:
    """입력 n개, 출력 1개인 인공 뉴런.

    Parameters
    ----------
    weights : array_like, shape (n,)
        입력마다 하나씩인 가중치 W1..Wn.
    bias : float
        편향 b.
    activation : str
        활성화 함수 f의 이름: 'step', 'sigmoid', 'relu', 'identity'.

    Examples
    --------
    입력 4개(x1..x4)를 받는 원문의 뉴런입니다.

    >>> neuron = Neuron([0.5, -0.2, 0.1, 0.4], bias=0.1, activation="sigmoid")
    >>> round(neuron.weighted_sum([1.0, 2.0, 3.0, 4.0]), 4)
    2.1
    >>> round(neuron([1.0, 2.0, 3.0, 4.0]), 4)
    0.8909
    """

    def __init__(self, weights, bias, activation):
        self.W = as_float_array(weights, "weights")
        if self.W.ndim != 1 or self.W.size == 0:
            raise ValueError(f"weights: 1차원이고 비어 있지 않은 가중치가 필요합니다(받은 모양: {self.W.shape})")
        if not is_real_scalar(bias):
            raise TypeError(f"bias: 실수 하나가 필요합니다(받은 값: {type(bias).__name__} {bias!r})")
        self.b = float(bias)
        self.activation = check_choice(activation, ACTIVATIONS, "activation")
        self.f = ACTIVATIONS[activation][0]

    def weighted_sum(self, x):
        """가중합 z = W1 x1 + ... + Wn xn + b (활성화 함수를 거치기 전)."""
        x = as_float_array(x, "x")
        if x.shape[-1:] != self.W.shape:
            raise ValueError(f"x: 가중치 수와 같은 {self.W.size}개의 입력이 필요합니다(받은 모양: {x.shape})")
        z = x @ self.W + self.b
        return float(z) if z.ndim == 0 else z

    def __call__(self, x):
        """뉴런의 출력 y = f(z)."""
        return self.f(self.weighted_sum(x))

    # --8<-- [end:neuron]

    def __repr__(self):
        return f"Neuron(weights={np.round(self.W, 4).tolist()}, bias={self.b}, activation={self.activation!r})"
