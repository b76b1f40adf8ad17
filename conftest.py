"""pytest 설정: doctest 이름 공간에 np를 넣고(NumPy의 conftest.py처럼), 페이지의 pycon 예제를 doctest로 모은다.

페이지의 예제는 페이지마다 한 테스트다(PageExamples).
"""

import doctest

import numpy as np
import pytest
from sybil import Sybil
from sybil.example import SybilFailure
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


PAGES = Sybil(
    parsers=[PyconParser(doctest_optionflags=doctest.NORMALIZE_WHITESPACE)],
    patterns=["*.md"],
    path="./docs",
    setup=lambda namespace: namespace.update(np=np),
)


class PageFailure(AssertionError):
    """한 페이지에서 기대와 다르게 나온 예제들(Sybil의 메시지: 파일, 줄, 기대값, 실제값)."""


class PageExamples(pytest.Item):
    """한 페이지의 pycon 예제 전부를 차례로, 한 테스트로 실행한다.

    뒤 예제가 앞 예제의 이름을 쓰므로 한 프로세스에서 순서대로 돌아야 한다. Sybil의 pytest 연동은 예제마다 테스트를
    만드는데, pytest-xdist가 한 페이지의 예제를 두 작업자에 나눠 주면 뒤 예제가 NameError로 실패한다(테스트를 하나씩
    나눠 줄 때 실제로 33개가 그랬다). 실패하면 Sybil의 메시지가 어느 줄의 예제인지 알려 준다.
    """

    def __init__(self, *, document, **kwargs):
        super().__init__(**kwargs)
        self.document = document

    def runtest(self):
        PAGES.setup(self.document.namespace)
        failures = []  # doctest처럼 틀린 예제를 모두 모은다(한 예제가 틀려도 나머지를 실행한다)
        for example in self.document.examples():
            try:
                example.evaluate()
            except SybilFailure as failure:
                failures.append(str(failure))
        if failures:
            raise PageFailure("\n\n".join(failures))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, PageFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        return self.path, None, f"{self.path.name}의 pycon 예제"


class PageFile(pytest.File):
    def collect(self):
        document = PAGES.parse(self.path)
        if document.regions:  # pycon 예제가 있는 페이지만
            yield PageExamples.from_parent(self, name="pycon", document=document)


def pytest_collect_file(file_path, parent):
    if PAGES.should_parse(file_path):
        return PageFile.from_parent(parent, path=file_path)
    return None
