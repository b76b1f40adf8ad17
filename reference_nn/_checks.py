"""입력 검사 도우미: 잘못된 입력은 인자 이름을 밝힌 오류로 바로 알립니다."""

import numbers

import numpy as np

_FLOATS = (np.dtype(np.float64), np.dtype(np.float32))


def describe(value):
    """오류 메시지에 쓸 값의 짧은 설명을 만든다."""
    if isinstance(value, np.ndarray):
        return f"dtype {value.dtype}, shape {value.shape}인 배열"
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{type(value).__name__} {text}"


def is_real_scalar(x):
    """bool을 뺀 실수 스칼라(Python 또는 NumPy)인지 알려 준다."""
    if type(x) in (float, int):  # 가장 흔한 경우를 먼저(빠른 길)
        return True
    return isinstance(x, numbers.Real) and not isinstance(x, (bool, np.bool_))


def as_float_array(x, name):
    """x를 실수 배열로 바꾼다. float32는 그대로, 나머지 수는 float64가 된다(이미 그렇다면 복사하지 않는다)."""
    if type(x) is np.ndarray and x.dtype in _FLOATS:
        return x
    if isinstance(x, (str, bytes, bool, np.bool_)) or x is None:
        raise TypeError(f"{name}: 실수 또는 실수의 배열(리스트)이 필요합니다(받은 값: {describe(x)})")
    try:
        arr = np.asarray(x)
    except (ValueError, TypeError) as err:
        raise ValueError(f"{name}: 모양이 고른 실수 배열이 필요합니다(변환할 수 없는 값: {describe(x)})") from err
    if arr.dtype.kind not in "iuf":
        raise TypeError(f"{name}: 실수 또는 실수의 배열(리스트)이 필요합니다(받은 dtype: {arr.dtype})")
    if arr.dtype == np.float32:
        return arr
    return arr.astype(np.float64, copy=False)


def check_positive(value, name):
    """value가 0보다 큰 유한한 실수인지 확인한다."""
    if not is_real_scalar(value):
        raise TypeError(f"{name}: 0보다 큰 실수가 필요합니다(받은 값: {describe(value)})")
    if not (np.isfinite(value) and value > 0):
        raise ValueError(f"{name}: 0보다 큰 유한한 실수가 필요합니다(받은 값: {value!r})")
    return float(value)


def check_choice(value, choices, name):
    """value가 choices에 있는 이름인지 확인한다."""
    if not isinstance(value, str) or value not in choices:
        names = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name}: {names} 중 하나가 필요합니다(받은 값: {describe(value)})")
    return value
