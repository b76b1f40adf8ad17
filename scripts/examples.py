"""2부 페이지의 계산 예제: 작은 신경망 한 번의 순전파·역전파·갱신, XOR 학습, 기울기 소실 측정.

표(scripts/tables.py)와 그림(scripts/fig_networks.py)이 모두 여기의 결과를 쓴다.
"""

import functools
import inspect
import pickle

import numpy as np
from threadpoolctl import threadpool_limits

from reference_nn import Network, accuracy, train
from scripts import cachekey

CACHE = cachekey.CACHE / "examples"


def cache(fn):
    """결과를 메모리와 디스크(.cache/examples)에 캐시한다. 열쇠는 cachekey.digest(fn을 정의한 파일, 인자)의 해시.

    사이트를 다시 빌드할 때 바뀐 것이 없으면 학습을 다시 돌리지 않는다. 파일의 해시는 모듈을 불러올 때(지금) 잰다:
    오래 도는 프로세스(pytest)에서 파일이 나중에 바뀌어도 열쇠와 실제로 도는 코드가 어긋나지 않는다.
    """
    files = cachekey.files_digest(inspect.getfile(fn))

    @functools.cache
    def wrapper(*args, **kwargs):
        call = f"{fn.__name__} {args!r} {sorted(kwargs.items())!r}"
        path = CACHE / f"{fn.__name__}-{cachekey.combine(files, call)}.pkl"
        if cachekey.lookup(path):
            return pickle.loads(path.read_bytes())
        with threadpool_limits(1):  # BLAS 스레드 하나: 결과가 머신의 코어 수와 상관없이 같다(cachekey.ONE_THREAD)
            result = fn(*args, **kwargs)
        cachekey.store(path, pickle.dumps(result))
        cachekey.prune(CACHE, f"{fn.__name__}-", keep=path)
        return result

    return functools.wraps(fn)(wrapper)


# --8<-- [start:worked_example]
#: 입력 2개, 은닉 뉴런 2개, 출력 1개. 활성화 함수는 모두 시그모이드.
W_h = [[0.15, 0.25], [0.20, 0.30]]  # 입력층 -> 은닉층, 모양 (2, 2)
b_h = [0.35, 0.35]
W_y = [[0.40], [0.45]]  # 은닉층 -> 출력층, 모양 (2, 1)
b_y = [0.60]
x = [0.05, 0.10]  # 입력
target = [0.01]  # 실젯값(정답)
learning_rate = 0.5


def example():
    """예제 신경망, 입력, 정답."""
    net = Network.from_params([W_h, W_y], [b_h, b_y], ["sigmoid", "sigmoid"])
    return net, np.array(x), np.array(target)


# --8<-- [end:worked_example]


@cache
def worked_step():
    """순전파 -> 역전파 -> 갱신 -> 다시 순전파 한 바퀴의 모든 값."""
    net, x_, t = example()
    y_out = net.forward(x_)
    forward = {"z": [z.copy() for z in net.z], "a": [a.copy() for a in net.a], "y_out": y_out.copy()}
    loss, dW, db = net.backprop(x_, t, "mse")
    train(net, x_, t, "mse", learning_rate, epochs=1)  # 같은 기울기로 한 번 갱신
    y_new = net.forward(x_)
    return {
        "forward": forward,
        "error": float(t[0] - y_out[0]),
        "loss": loss,
        "dW": dW,
        "db": db,
        "new_weights": [W.copy() for W in net.weights],
        "new_biases": [b.copy() for b in net.biases],
        "new_y_out": float(y_new[0]),
        "new_error": float(t[0] - y_new[0]),
        "new_loss": net.loss(x_, t, "mse"),
    }


# --8<-- [start:xor]
X_XOR = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y_XOR = np.array([[0], [1], [1], [0]], dtype=float)
XOR_EPOCHS = 2000
XOR_LEARNING_RATE = 1.0


@cache
def xor_runs(seed=0):
    """은닉층이 없는 신경망과 은닉층(뉴런 4개)이 있는 신경망을 같은 조건으로 XOR에 학습시킨다.

    history[k]는 k번 갱신한 뒤의 손실이다(0부터 XOR_EPOCHS까지, 마지막은 학습이 끝난 신경망의 손실).
    """
    runs = {}
    for name, sizes in [("single", [2, 1]), ("hidden", [2, 4, 1])]:
        net = Network(sizes, "sigmoid", seed=seed)
        history = train(net, X_XOR, Y_XOR, "binary_cross_entropy", XOR_LEARNING_RATE, XOR_EPOCHS)
        history.append(net.loss(X_XOR, Y_XOR, "binary_cross_entropy"))  # train은 갱신 직전의 손실만 기록한다
        runs[name] = {"net": net, "history": history, "accuracy": accuracy(net, X_XOR, Y_XOR)}
    return runs


# --8<-- [end:xor]


def _trained_xor(sizes, activations, learning_rate=XOR_LEARNING_RATE, seed=0):
    """XOR 예제와 같은 조건(이진 교차 엔트로피, XOR_EPOCHS번)으로 학습시킨 신경망과 그 손실 기록."""
    net = Network(sizes, activations, seed=seed)
    return net, train(net, X_XOR, Y_XOR, "binary_cross_entropy", learning_rate, XOR_EPOCHS)


@cache
def xor_learning_rates(rates=(0.1, 1.0, 5.0, 100.0), seed=0):
    """학습률마다 은닉층이 있는 XOR 신경망을 학습시킨 결과.

    학습률마다 사전 하나: 학습률(lr), 처음과 마지막 손실(first_loss, last_loss), 정확도(accuracy),
    학습이 끝난 뒤 네 입력에 대한 출력(outputs).
    """
    out = []
    for lr in rates:
        net, history = _trained_xor([2, 4, 1], "sigmoid", lr, seed)
        out.append(
            {
                "lr": lr,
                "first_loss": history[0],
                "last_loss": net.loss(X_XOR, Y_XOR, "binary_cross_entropy"),  # 마지막 갱신 뒤
                "accuracy": accuracy(net, X_XOR, Y_XOR),
                "outputs": net.forward(X_XOR).ravel(),
            }
        )
    return out


@cache
def xor_seed_accuracies(hidden, seeds=10):
    """XOR [2, 4, 1] 신경망(은닉층 활성화 함수 hidden)을 시드 0부터 seeds-1까지 학습시킨 정확도."""
    nets = [_trained_xor([2, 4, 1], [hidden, "sigmoid"], seed=seed)[0] for seed in range(seeds)]
    return [accuracy(net, X_XOR, Y_XOR) for net in nets]


#: 깊은 ReLU 신경망의 학습률(ReLU는 출력이 커질 수 있어 XOR 예제의 학습률 1보다 작게)
DEEP_RELU_RATE = 0.1


@cache
def deep_xor(hidden, learning_rate, depth=6, width=8, seeds=5):
    """은닉층 depth개(각 뉴런 width개, 활성화 함수 hidden)를 쌓은 신경망을 XOR에 학습시킨다(시드마다).

    돌려주는 값: 시드마다 (정확도, 마지막 손실). 조건은 XOR 예제와 같다(이진 교차 엔트로피, XOR_EPOCHS번).
    """
    sizes, activations = [2] + [width] * depth + [1], [hidden] * depth + ["sigmoid"]
    nets = [_trained_xor(sizes, activations, learning_rate, seed)[0] for seed in range(seeds)]
    return [(accuracy(net, X_XOR, Y_XOR), net.loss(X_XOR, Y_XOR, "binary_cross_entropy")) for net in nets]


# --8<-- [start:vanishing]
DEPTHS = range(1, 11)


@cache
def first_layer_gradients(hidden, width=16, batch=64, seeds=5, rescale=1.0):
    """은닉층 수(깊이)마다 첫 번째 층 가중치 기울기의 크기(노름, 시드 평균).

    입력 16개, 은닉층 depth개(각 16개, 활성화 함수 hidden), 출력 1개(시그모이드), 이진 교차 엔트로피.
    가중치는 Network의 초기화(ReLU는 He, 시그모이드는 LeCun)를 따르고, rescale을 주면 은닉층 가중치에 그 수를 곱한다
    (예: ReLU에 rescale=0.5**0.5이면 LeCun 초기화와 같다).
    """
    sizes = []
    for depth in DEPTHS:
        norms = []
        for seed in range(seeds):
            rng = np.random.default_rng(seed)
            X = rng.normal(size=(batch, width))
            y = rng.integers(0, 2, size=(batch, 1)).astype(float)
            net = Network([width] * (depth + 1) + [1], [hidden] * depth + ["sigmoid"], seed=seed)
            for layer in net.layers[:-1]:
                layer.W *= rescale
            _, dW, _ = net.backprop(X, y, "binary_cross_entropy")
            norms.append(np.linalg.norm(dW[0]))
        sizes.append(float(np.mean(norms)))
    return sizes


# --8<-- [end:vanishing]
