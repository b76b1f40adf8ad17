"""완전 연결층(Dense): z = x W + b, a = f(z)."""

from ._checks import check_choice
from .activations import ACTIVATIONS


# --8<-- [start:dense]
class Dense:
    """완전 연결층 하나.

    Parameters
    ----------
    W : numpy.ndarray, shape (n_in, n_out)
        가중치.
    b : numpy.ndarray, shape (n_out,)
        편향.
    activation : str
        활성화 함수의 이름.

    Examples
    --------
    >>> layer = Dense(np.array([[1.0], [-1.0]]), np.array([0.5]), "relu")
    >>> layer.forward(np.array([[2.0, 1.0]]))
    array([[1.5]])
    >>> layer.backward(np.array([[1.0]]))  # dL/dx
    array([[ 1., -1.]])
    >>> layer.dW, layer.db
    (array([[2.],
           [1.]]), array([1.]))
    """

    def __init__(self, W, b, activation):
        self.W = W
        self.b = b
        self.activation = check_choice(activation, ACTIVATIONS, "activation")
        self.f, self.f_grad = ACTIVATIONS[activation]
        self.x = self.z = self.a = None  # 마지막 순전파의 값(역전파가 쓴다)
        self.dW = self.db = None

    def forward(self, x):
        """x: (N, n_in) -> a: (N, n_out)."""
        self.x = x
        self.z = x @ self.W + self.b  # (N, n_out)
        self.a = self.f(self.z)  # (N, n_out)
        return self.a

    # --8<-- [start:backward]
    def backward(self, dout, input_grad=True):
        """dout = dL/da: (N, n_out)를 받아 dL/dx: (N, n_in)를 돌려준다. dout은 바꾸지 않는다.

        첫 번째 층처럼 입력에 대한 기울기가 필요 없으면 input_grad=False로 그 행렬 곱을 건너뛴다.
        """
        dz = dout * self.f_grad(self.z)  # (N, n_out), 새 배열
        self.dW = self.x.T @ dz  # (n_in, n_out)
        self.db = dz.sum(axis=0)  # (n_out,)
        return dz @ self.W.T if input_grad else None  # (N, n_in)

    # --8<-- [end:backward]


# --8<-- [end:dense]
