"""수치 미분(중앙 차분)으로 역전파의 기울기를 검사한다."""

import numpy as np

from ._checks import check_positive


# --8<-- [start:numerical_gradient]
def numerical_gradient(f, x, eps=1e-6):
    """중앙 차분으로 f의 x에 대한 기울기를 구한다: (f(x + h) - f(x - h)) / 2h.

    Parameters
    ----------
    f : callable
        x를 받아 실수 하나를 돌려주는 함수.
    x : numpy.ndarray
        float 배열. 원소를 하나씩 잠시 바꿨다가 원래대로 되돌립니다.
    eps : float
        차분 간격 h.

    Examples
    --------
    >>> x = np.array([1.0, 2.0])
    >>> np.round(numerical_gradient(lambda v: float(np.sum(v ** 2)), x), 6)
    array([2., 4.])
    """
    if not callable(f):
        raise TypeError(f"f: 호출할 수 있는 함수가 필요합니다(받은 값: {type(f).__name__})")
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise TypeError("x: 제자리에서 바꿀 수 있는 float numpy 배열이 필요합니다")
    eps = check_positive(eps, "eps")
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        original = x[i]
        x[i] = original + eps
        f_plus = f(x)
        x[i] = original - eps
        f_minus = f(x)
        x[i] = original  # 되돌린다
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad


# --8<-- [end:numerical_gradient]


def relative_error(a, b):
    """두 기울기 배열의 상대 오차 ||a - b|| / (||a|| + ||b||).

    Examples
    --------
    >>> relative_error(np.array([1.0, 2.0]), np.array([1.0, 2.0]))
    0.0
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    denom = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if denom == 0 else float(np.linalg.norm(a - b) / denom)
