"""doctest 이름 공간에 np를 넣는다(NumPy의 conftest.py처럼)."""

import numpy as np
import pytest


@pytest.fixture(autouse=True)
def _add_np(doctest_namespace):
    doctest_namespace["np"] = np
