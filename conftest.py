"""pytest 설정: doctest 이름 공간에 np를 넣고(NumPy의 conftest.py처럼), 페이지의 pycon 예제를 doctest로 모은다."""

import doctest

import numpy as np
import pytest
from sybil import Sybil
from sybil.parsers.abstract.codeblock import PythonDocTestOrCodeBlockParser
from sybil.parsers.markdown import CodeBlockParser


@pytest.fixture(autouse=True)
def _add_np(doctest_namespace):
    doctest_namespace["np"] = np


class PyconParser(PythonDocTestOrCodeBlockParser):
    """```pycon 코드 블록(>>> 예제)만 doctest로 실행한다. 포함(--8<--)한 코드 블록은 건드리지 않는다."""

    @staticmethod
    def codeblock_parser_class(_language, evaluator):
        return CodeBlockParser("pycon", evaluator)


pytest_collect_file = Sybil(
    parsers=[PyconParser(doctest_optionflags=doctest.NORMALIZE_WHITESPACE)],
    patterns=["*.md"],
    path="./docs",
    setup=lambda namespace: namespace.update(np=np),
).pytest()
