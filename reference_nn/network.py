"""여러 층을 이은 완전 연결 신경망: 순전파와 역전파."""

import numbers

import numpy as np

from ._checks import as_float_array, check_choice
from .activations import ACTIVATIONS
from .layers import Dense
from .losses import LOSSES


def _check_sizes(sizes):
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__") or len(sizes) < 2:
        raise ValueError(
            f"sizes: 입력층과 출력층을 포함해 두 개 이상의 층 크기(예: [2, 3, 1])가 필요합니다(받은 값: {sizes!r})"
        )
    for n in sizes:
        if not isinstance(n, numbers.Integral) or isinstance(n, bool) or n < 1:
            raise ValueError(f"sizes: 모든 층 크기는 1 이상의 정수여야 합니다(받은 값: {sizes!r})")
    return [int(n) for n in sizes]


def _check_activations(activations, n_layers):
    if isinstance(activations, str):
        activations = [activations] * n_layers
    if not isinstance(activations, (list, tuple)) or len(activations) != n_layers:
        raise ValueError(
            f"activations: 가중치가 있는 층마다 하나씩, {n_layers}개의 활성화 함수 이름이 필요합니다"
            f"(받은 값: {activations!r})"
        )
    return [check_choice(a, ACTIVATIONS, "activations") for a in activations]


class Network:
    """완전 연결 신경망.

    Parameters
    ----------
    sizes : list of int
        층마다 뉴런 수. ``[2, 3, 1]``은 입력 2개, 뉴런 3개인 은닉층 하나, 출력 1개입니다.
        입력층에는 가중치가 없으므로 가중치가 있는 층은 ``len(sizes) - 1``개입니다.
    activations : str or list of str
        가중치가 있는 층마다의 활성화 함수 이름(문자열 하나면 모든 층에 같은 함수).
    seed : int
        가중치 초기화에 쓰는 난수 시드. 같은 시드는 같은 신경망을 만듭니다.

    Examples
    --------
    >>> net = Network([2, 3, 1], ["relu", "sigmoid"], seed=0)
    >>> [W.shape for W in net.weights], [b.shape for b in net.biases]
    ([(2, 3), (3, 1)], [(3,), (1,)])
    >>> net.n_params
    13
    >>> net.forward(np.zeros((4, 2))).shape
    (4, 1)
    """

    def __init__(self, sizes, activations, seed=0):
        sizes = _check_sizes(sizes)
        activations = _check_activations(activations, len(sizes) - 1)
        rng = np.random.default_rng(seed)
        self.layers = []
        for n_in, n_out, name in zip(sizes[:-1], sizes[1:], activations, strict=True):
            gain = 2.0 if name == "relu" else 1.0  # ReLU는 He 초기화(분산 2/n_in), 그 밖에는 LeCun 초기화(분산 1/n_in)
            W = rng.normal(0.0, np.sqrt(gain / n_in), size=(n_in, n_out))
            self.layers.append(Dense(W, np.zeros(n_out), name))
        self._single = False

    @classmethod
    def from_params(cls, weights, biases, activations):
        """주어진 가중치와 편향으로 신경망을 만든다(예제와 검사용).

        Examples
        --------
        >>> net = Network.from_params([[[1.0], [1.0]]], [[-1.5]], ["step"])
        >>> net.sizes
        [2, 1]
        """
        if len(weights) != len(biases) or len(weights) == 0:
            raise ValueError(
                f"biases: weights와 같은 수({len(weights)}개)의 편향 배열이 필요합니다(받은 수: {len(biases)}개)"
            )
        # 복사한다: 학습은 가중치를 제자리에서 바꾸므로 넘겨준 배열이 바뀌면 안 된다
        Ws = [as_float_array(W, f"weights[{i}]").copy() for i, W in enumerate(weights)]
        bs = [as_float_array(b, f"biases[{i}]").copy() for i, b in enumerate(biases)]
        for i, (W, b) in enumerate(zip(Ws, bs, strict=True)):
            if W.ndim != 2 or (i > 0 and W.shape[0] != Ws[i - 1].shape[1]):
                raise ValueError(f"weights[{i}]: 앞 층과 이어지는 (n_in, n_out) 모양이 필요합니다(받은 값: {W.shape})")
            if b.shape != (W.shape[1],):
                raise ValueError(
                    f"biases[{i}]: 모양이 맞지 않습니다(필요한 모양: {(W.shape[1],)}, 받은 모양: {b.shape})"
                )
        net = cls([Ws[0].shape[0]] + [W.shape[1] for W in Ws], activations)
        for layer, W, b in zip(net.layers, Ws, bs, strict=True):
            layer.W, layer.b = W, b
        return net

    @property
    def sizes(self):
        return [self.layers[0].W.shape[0]] + [layer.W.shape[1] for layer in self.layers]

    @property
    def weights(self):
        return [layer.W for layer in self.layers]

    @property
    def biases(self):
        return [layer.b for layer in self.layers]

    @property
    def activations(self):
        return [layer.activation for layer in self.layers]

    @property
    def n_params(self):
        """가중치와 편향의 전체 개수."""
        return sum(layer.W.size + layer.b.size for layer in self.layers)

    @property
    def z(self):
        """마지막 순전파에서 층마다의 가중합 z (활성화 전)."""
        return [self._shape_out(layer.z) for layer in self.layers]

    @property
    def a(self):
        """마지막 순전파에서 층마다의 출력 a. a[0]은 입력 x 자체입니다."""
        return [self._shape_out(self.layers[0].x)] + [self._shape_out(layer.a) for layer in self.layers]

    def _shape_out(self, v):
        return v[0] if self._single else v

    def _check_input(self, X):
        X = as_float_array(X, "X")
        n_in = self.sizes[0]
        if X.ndim not in (1, 2) or X.shape[-1] != n_in:
            raise ValueError(
                f"X: 특성(feature) {n_in}개인 샘플 하나 (n_in,) 또는 배치 (N, {n_in})가 필요합니다(받은 모양: {X.shape})"
            )
        return X

    def forward(self, X):
        """순전파: 입력 X를 층마다 통과시켜 출력을 돌려준다."""
        X = self._check_input(X)
        self._single = X.ndim == 1
        a = X.reshape(1, -1) if self._single else X  # (N, n_in)
        for layer in self.layers:
            a = layer.forward(a)
        return self._shape_out(a)

    def check_target(self, y, y_pred):
        """정답 y가 출력 y_pred와 같은 모양의 실수 배열인지 확인하고 배열로 돌려준다."""
        y = as_float_array(y, "y")
        if y.shape != y_pred.shape:
            raise ValueError(f"y: 출력과 같은 모양 {y_pred.shape}이 필요합니다(받은 모양: {y.shape})")
        return y

    def loss(self, X, y, loss="mse"):
        """X에 대한 출력과 정답 y 사이의 손실 값."""
        check_choice(loss, LOSSES, "loss")
        y_pred = self.forward(X)
        return LOSSES[loss][0](y_pred, self.check_target(y, y_pred))

    # --8<-- [start:backprop]
    def backprop(self, X, y, loss="mse"):
        """역전파: 손실 값과, 가중치·편향 배열마다 같은 모양의 기울기를 돌려준다.

        Returns
        -------
        loss_value : float
        dW : list of numpy.ndarray
            ``weights[i]``와 같은 모양의 dL/dW.
        db : list of numpy.ndarray
            ``biases[i]``와 같은 모양의 dL/db.
        """
        check_choice(loss, LOSSES, "loss")
        loss_fn, loss_grad = LOSSES[loss]
        y_pred = self.forward(X)
        y = self.check_target(y, y_pred)
        dout = loss_grad(y_pred, y).reshape(self.layers[-1].a.shape)  # dL/d(출력)
        for i in reversed(range(len(self.layers))):  # 출력층에서 입력층 쪽으로
            dout = self.layers[i].backward(dout, input_grad=i > 0)  # 입력 X의 기울기는 필요 없다
        return loss_fn(y_pred, y), [layer.dW for layer in self.layers], [layer.db for layer in self.layers]

    # --8<-- [end:backprop]

    def __repr__(self):
        return f"Network(sizes={self.sizes}, activations={self.activations})"
