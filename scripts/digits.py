"""손글씨 숫자 페이지의 계산: scikit-learn에 들어 있는 8x8 숫자 이미지를 reference_nn으로 학습시킨다.

페이지(docs/digits.md)의 숫자와 그림(scripts/fig_digits.py)이 모두 여기의 결과를 쓴다. 학습은 빌드에서 한 번 하고
scripts.examples.cache로 캐시한다(열쇠: 이 파일, reference_nn, 라이브러리 버전, 인자).
"""

import functools
import time
import warnings

import numpy as np
from threadpoolctl import threadpool_limits

from reference_nn import Network, train
from scripts.examples import cache

# --8<-- [start:data]
SEED = 0  # 데이터를 나누는 난수와 가중치 초기화의 시드
TEST_FRACTION = 0.25  # 시험 데이터의 비율


@functools.cache  # 페이지의 식이 여러 번 부른다: 파일은 한 번만 읽는다(돌려준 배열은 바꾸지 않는다)
def load():
    """이미지(1797, 8, 8), 입력 X(1797, 64; 0~1로 나눈 밝기), 정답 숫자 labels(1797,)."""
    from sklearn.datasets import load_digits  # 패키지 안에 든 파일을 읽는다(내려받지 않는다)

    digits = load_digits()
    return digits.images, digits.data / 16.0, digits.target


def split(n, seed=SEED):
    """0..n-1을 섞어 (학습용 번호, 시험용 번호)로 나눈다. 시험용은 앞의 TEST_FRACTION만큼."""
    order = np.random.default_rng(seed).permutation(n)
    n_test = int(n * TEST_FRACTION)
    return order[n_test:], order[:n_test]


def one_hot(labels):
    """숫자 k를 k번째만 1인 길이 10의 벡터로: 3 -> [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]."""
    return np.eye(10)[labels]


def predict(net, X):
    """출력 10개 가운데 가장 큰 것의 번호가 답이다."""
    return net.forward(X).argmax(axis=1)


# --8<-- [end:data]


@cache  # 페이지는 크기만 쓴다: 다시 빌드할 때 scikit-learn을 불러오지 않게(약 2.5초)
def shapes():
    """(이미지 배열의 모양, 입력 X의 모양): ((1797, 8, 8), (1797, 64))."""
    images, X, _ = load()
    return images.shape, X.shape


SIZES = (64, 32, 10)
ACTIVATIONS = ("relu", "sigmoid")
LEARNING_RATE = 4.0
STEPS = 1000
EVERY = 50  # 곡선의 간격(갱신 횟수)
N_VALIDATION = 300  # 일부만으로 학습할 때, 멈출 때를 고르는 검증 데이터의 수(학습용 데이터의 나머지에서)


@cache
def run(n_train=None, sizes=SIZES, learning_rate=LEARNING_RATE, steps=STEPS, every=EVERY):
    """학습용 데이터의 앞 n_train개(None이면 전부)로 학습시키며 every번마다 학습·시험 데이터의 손실과 정확도를 잰다.

    n_train개만 쓸 때는 학습용 데이터의 나머지에서 N_VALIDATION개를 검증 데이터(val)로 두고 같은 값을 잰다.
    돌려주는 사전: steps(갱신 횟수 목록), {train,val,test}_{loss,acc}(같은 길이의 목록),
    net(학습이 끝난 신경망), test_pred(시험 데이터의 예측), seconds(학습에 걸린 시간, 평가 제외), n_train.
    """
    _, X, labels = load()
    train_idx, test_idx = split(len(X))
    parts = {"train": train_idx, "test": test_idx}
    if n_train is not None:
        parts["val"] = train_idx[n_train : n_train + N_VALIDATION]
        parts["train"] = train_idx = train_idx[:n_train]
    Y = one_hot(labels)
    net = Network(list(sizes), [ACTIVATIONS[0]] * (len(sizes) - 2) + [ACTIVATIONS[1]], seed=SEED)
    out = {f"{part}_{what}": [] for part in parts for what in ("loss", "acc")}
    out["steps"] = []
    seconds = 0.0
    for done in range(every, steps + 1, every):
        t0 = time.perf_counter()
        train(net, X[train_idx], Y[train_idx], "binary_cross_entropy", learning_rate, every)
        seconds += time.perf_counter() - t0
        out["steps"].append(done)
        for part, idx in parts.items():
            out[f"{part}_loss"].append(net.loss(X[idx], Y[idx], "binary_cross_entropy"))
            out[f"{part}_acc"].append(float((predict(net, X[idx]) == labels[idx]).mean()))
    out.update(net=net, test_pred=predict(net, X[test_idx]), seconds=seconds, n_train=len(train_idx))
    return out


def main():
    """이 페이지의 본 신경망: 학습용 데이터 전부, [64, 32, 10], 학습률 4, 1000번."""
    return run()


#: 과적합을 보이는 설정: 학습용 데이터를 100개만 쓰고 오래(3000번) 학습시킨다
SMALL_TRAIN, LONG_STEPS = 100, 3000


def overfit():
    return run(SMALL_TRAIN, steps=LONG_STEPS)


def early_stop(result):
    """검증 정확도가 가장 높았던 때(처음)의 번호 i: result["steps"][i]번 갱신한 뒤. 시험 데이터는 쓰지 않는다."""
    return int(np.argmax(result["val_acc"]))


@cache  # mistakes와 함께: 다시 빌드할 때 scikit-learn을 불러오지 않게
def held_out_labels():
    """시험 데이터의 정답 숫자들."""
    _, X, labels = load()
    return labels[split(len(X))[1]]


def confusion_matrix():
    """본 신경망의 시험 데이터 혼동 행렬: matrix[정답, 예측] = 개수."""
    matrix = np.zeros((10, 10), dtype=int)
    np.add.at(matrix, (held_out_labels(), main()["test_pred"]), 1)
    return matrix


@cache
def mistakes():
    """시험 데이터에서 틀린 것: (이미지 번호, 정답, 예측) 목록."""
    _, X, labels = load()
    test_idx = split(len(X))[1]
    pred = main()["test_pred"]
    return [(int(i), int(labels[i]), int(p)) for i, p in zip(test_idx, pred, strict=True) if labels[i] != p]


@cache
def sklearn_mlp():
    """scikit-learn MLPClassifier(은닉층 32개, ReLU, 기본 설정: Adam, 미니배치 200)를 같은 나눔으로 학습시킨다."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    _, X, labels = load()
    train_idx, test_idx = split(len(X))
    clf = MLPClassifier(hidden_layer_sizes=(SIZES[1],), activation="relu", max_iter=1000, random_state=SEED)
    t0 = time.perf_counter()
    # 스레드 하나(cachekey.ONE_THREAD): 캐시가 거는 제한은 그때 불러와 있던 라이브러리에만 걸리므로, scikit-learn과
    # SciPy를 불러온 지금 한 번 더 건다
    with warnings.catch_warnings(), threadpool_limits(1):
        warnings.simplefilter("error", ConvergenceWarning)  # 수렴하지 않았다면 숨기지 않고 빌드를 멈춘다
        clf.fit(X[train_idx], labels[train_idx])
    seconds = time.perf_counter() - t0
    return {
        "test_acc": float(clf.score(X[test_idx], labels[test_idx])),
        "train_acc": float(clf.score(X[train_idx], labels[train_idx])),
        "seconds": seconds,
        "iterations": int(clf.n_iter_),
        # 페이지가 설명하는 기본 설정(scikit-learn이 정한 값을 그대로 읽는다)
        "alpha": clf.alpha,
        "learning_rate_init": clf.learning_rate_init,
        "batch_size": min(200, len(train_idx)) if clf.batch_size == "auto" else clf.batch_size,
    }


def more_data():
    """학습 데이터 수마다 마지막 시험 정확도: (개수, 갱신 횟수, 정확도). 100개와 400개는 3000번, 전부는 본 신경망."""
    bigger = run(400, steps=LONG_STEPS)
    return [
        (SMALL_TRAIN, LONG_STEPS, overfit()["test_acc"][-1]),
        (400, LONG_STEPS, bigger["test_acc"][-1]),
        (main()["n_train"], STEPS, main()["test_acc"][-1]),
    ]


def smaller_network():
    """과적합 설정(학습 데이터 100개, 3000번)에서 은닉 뉴런만 32개에서 16개로 줄인 것."""
    return run(SMALL_TRAIN, sizes=(64, 16, 10), steps=LONG_STEPS)


def slow_rate():
    """본 신경망과 같고 학습률만 XOR 예제의 1인 것."""
    return run(learning_rate=1.0)


def first_step_at(result, key, value):
    """result[key]가 처음으로 value 이상이 된 갱신 횟수."""
    return next(s for s, v in zip(result["steps"], result[key], strict=True) if v >= value)
