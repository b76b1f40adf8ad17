"""페이지 본문의 ``{{ 식 }}``에서 쓸 수 있는 이름들. 숫자는 모두 reference_nn에서 계산된다."""

import math

import numpy as np

import reference_nn


def fmt(x, digits=4):
    """소수점 아래 digits자리로 반올림해 글자로 만든다(끝의 0은 지운다)."""
    text = f"{float(x):.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent(x, digits=0):
    """0.5498 -> '55%'."""
    return f"{fmt(100 * float(x), digits)}%"


def namespace():
    from scripts import examples, tables

    names = {name: getattr(reference_nn, name) for name in reference_nn.__all__}
    names.update(examples=examples, tables=tables)
    names.update(np=np, exp=math.exp, fmt=fmt, percent=percent, round=round, float=float, int=int, abs=abs, max=max)
    return names
