"""손글씨 숫자 페이지(digits.md)의 문장이 말하는 결과를 같은 데이터(scripts.digits, 빌드와 같은 캐시)로 확인한다."""

import numpy as np
import pytest

from scripts import digits


@pytest.fixture(scope="module")
def main():
    return digits.main()


@pytest.fixture(scope="module")
def over():
    return digits.overfit()


def test_split_keeps_test_data_out_of_training_and_validation():
    """'시험 데이터로 따로 두고, 나머지로만 학습시킵니다' / 검증 데이터는 학습용 데이터의 나머지에서."""
    n = len(digits.load()[2])
    train_idx, test_idx = digits.split(n)
    assert len(test_idx) == int(n * digits.TEST_FRACTION)
    assert set(train_idx).isdisjoint(test_idx)
    assert len(set(train_idx) | set(test_idx)) == n
    small, val = train_idx[: digits.SMALL_TRAIN], train_idx[digits.SMALL_TRAIN :][: digits.N_VALIDATION]
    assert set(small).isdisjoint(val)
    assert set(val).isdisjoint(test_idx)


def test_main_network_generalises(main):
    """'시험 데이터의 정확도는 97.8%'(97% 이상) / '처음 보는 이미지에서도 거의 같은 정확도' /
    그림의 대체 글: '시험 데이터의 선이 조금 아래에 있다'."""
    assert main["test_acc"][-1] >= 0.97
    assert 0 <= main["train_acc"][-1] - main["test_acc"][-1] < 0.03
    assert all(te <= tr for tr, te in zip(main["train_acc"], main["test_acc"], strict=True))


def test_learning_rate_one_is_slower(main):
    """'학습률 1로 1000번 갱신하면 학습 손실이 ...까지밖에 내려가지 않습니다(학습률이 4일 때는 ...)'."""
    slow = digits.slow_rate()
    assert slow["train_loss"][-1] > 2 * main["train_loss"][-1]


def test_confusion_matrix_claims():
    """'대각선 밖에는 1이나 2가 적힌 연한 칸이 몇 개뿐' / '가장 큰 칸은 정답 8을 1로 답한 칸'."""
    matrix = digits.confusion_matrix()
    off = matrix - np.diag(np.diag(matrix))
    assert off.max() <= 2
    assert np.unravel_index(off.argmax(), off.shape) == (8, 1)
    assert (off == off.max()).sum() == 1
    assert off.sum() == len(digits.mistakes())
    assert int(np.ceil(len(digits.mistakes()) / 5)) == 2  # 그림의 대체 글: '두 줄로'


def test_overfitting_with_100_images(over):
    """'학습 데이터의 정확도는 150번째 갱신에서 100%가 되고, 학습 손실은 끝까지 줄어' /
    '시험 손실은 ...번째가 가장 낮고, 그 뒤로는 다시 커져' / '시험 정확도도 ...에서 ...로 내려갑니다'."""
    first = digits.first_step_at(over, "train_acc", 1.0)
    after = over["steps"].index(first)
    assert all(a == 1.0 for a in over["train_acc"][after:])
    assert all(b < a for a, b in zip(over["train_loss"], over["train_loss"][1:], strict=False))
    low = int(np.argmin(over["test_loss"]))
    assert all(b >= a for a, b in zip(over["test_loss"][low:], over["test_loss"][low + 1 :], strict=False))
    assert over["test_loss"][-1] > 1.3 * over["test_loss"][low]
    assert over["test_acc"][-1] < max(over["test_acc"])
    assert over["val_loss"][-1] > min(over["val_loss"])  # 그림의 대체 글: 검증 손실도 다시 올라간다


def test_validation_loss_turns_up(over):
    """'검증 손실은 ...번째에서 가장 낮은 ...였고, 그 뒤로는 다시 커져' / '시험 손실도 ...번째에서 가장 낮았고'."""
    low = int(np.argmin(over["val_loss"]))
    assert all(b >= a for a, b in zip(over["val_loss"][low:], over["val_loss"][low + 1 :], strict=False))
    assert over["val_loss"][-1] > 1.3 * over["val_loss"][low]
    assert low == int(np.argmin(over["test_loss"]))


def test_early_stopping_chosen_on_validation_beats_training_to_the_end(over):
    """'검증 손실이 가장 낮고 검증 정확도도 가장 높았던 ...번째에서 멈췄다면 시험 정확도는 ...로,
    끝까지 학습한 ...보다 높습니다'."""
    best = digits.early_stop(over)
    assert best == int(np.argmax(over["val_acc"])) == int(np.argmin(over["val_loss"]))
    assert over["test_acc"][best] > over["test_acc"][-1]


def test_more_data_helps():
    """'데이터가 많을수록 ... 일반화가 잘 됩니다': 100장 < 400장 < 전부."""
    accs = [acc for _, _, acc in digits.more_data()]
    assert accs == sorted(accs)
    assert len(set(accs)) == len(accs)


def test_smaller_network_does_not_help_here(over):
    """'학습 정확도는 여전히 100%이고, 시험 정확도는 ...로 오히려 낮습니다'."""
    small = digits.smaller_network()
    assert small["train_acc"][-1] == 1.0
    assert max(small["val_acc"]) < max(over["val_acc"])  # '검증 정확도는 가장 높을 때 ...로 ...보다 낮습니다'
    assert small["test_acc"][-1] < over["test_acc"][-1]


def test_scikit_learn_is_about_as_accurate(main):
    """'정확도는 거의 같습니다' (scikit-learn MLPClassifier, 같은 나눔)."""
    sk = digits.sklearn_mlp()
    assert abs(sk["test_acc"] - main["test_acc"][-1]) < 0.02
    assert sk["test_acc"] >= 0.95
    assert sk["iterations"] < 1000  # '손실이 더 줄지 않아 스스로 멈출 때까지'(max_iter=1000에 닿지 않음)
