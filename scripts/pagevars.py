"""페이지 본문의 ``{{ 식 }}``에서 쓸 수 있는 이름들. 숫자는 모두 reference_nn에서 계산된다."""

import math

import numpy as np

import reference_nn


def fmt(x, digits=4):
    """소수점 아래 digits자리로 반올림해 글자로 만든다(소수 부분 끝의 0은 지운다).

    >>> fmt(0.549834), fmt(1.0), fmt(10, 0), fmt(-0.00001)
    ('0.5498', '1', '10', '0')
    """
    text = f"{float(x):.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent(x, digits=0):
    """0.5498 -> '55%'.

    >>> percent(0.5498), percent(0.5)
    ('55%', '50%')
    """
    return f"{fmt(100 * float(x), digits)}%"


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def sci(x, digits=1):
    """본문에 쓰는 과학 표기: 1.8e-06 -> '1.8 × 10⁻⁶' (빼기 기호와 위 첨자).

    >>> sci(1.81e-06), sci(0.0133), sci(12345.0, 2)
    ('1.8 × 10⁻⁶', '1.3 × 10⁻²', '1.23 × 10⁴')
    """
    mantissa, exponent = f"{float(x):.{digits}e}".split("e")
    return f"{mantissa} × 10{str(int(exponent)).translate(_SUPERSCRIPT)}"


def namespace():
    from scripts import digits, examples, tables, widgets

    names = {name: getattr(reference_nn, name) for name in reference_nn.__all__}
    names.update(digits=digits, examples=examples, tables=tables, widgets=widgets)
    names.update(np=np, exp=math.exp, fmt=fmt, percent=percent, sci=sci)  # 내장 함수(round, int, ...)는 eval이 넣는다
    return names
