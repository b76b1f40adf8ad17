"""reference_nn: 인공 신경망 입문을 위한 NumPy 참조 구현.

사이트의 모든 숫자, 그림, 코드는 이 패키지에서 나옵니다.
"""

from .activations import identity, identity_grad, relu, relu_grad, sigmoid, sigmoid_grad, step, step_grad
from .gradcheck import numerical_gradient, relative_error
from .layers import Dense
from .losses import binary_cross_entropy, binary_cross_entropy_grad, mse, mse_grad
from .network import Network
from .neuron import Neuron
from .train import accuracy, train

__all__ = [
    "Dense",
    "Network",
    "Neuron",
    "accuracy",
    "binary_cross_entropy",
    "binary_cross_entropy_grad",
    "identity",
    "identity_grad",
    "mse",
    "mse_grad",
    "numerical_gradient",
    "relative_error",
    "relu",
    "relu_grad",
    "sigmoid",
    "sigmoid_grad",
    "step",
    "step_grad",
    "train",
]
__version__ = "0.1.0"
