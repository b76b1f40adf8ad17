"""빌드된 HTML을 읽는 작은 도우미(표준 라이브러리 html.parser만 쓴다)."""

import re
from html.parser import HTMLParser

#: 렌더링되지 않은 TeX의 흔적: 명령(\frac 등), $$, \( \[, $로 시작하는 식
RAW_TEX = re.compile(
    r"\\(frac|sigma|operatorname|begin|max|le|cdot|partial|delta|iff|left|right|text)\b|\$\$|\\\(|\\\[|\$[^$\s]"
)


class PageParser(HTMLParser):
    """글자, 링크, 이미지, id를 모은다. 본문 글자(prose)에서는 script, style, math, 코드(pre, code)를 뺀다."""

    HIDDEN = frozenset({"script", "style", "math", "template", "pre", "code"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.links, self.images, self.ids, self.sources = [], [], [], set(), []
        self.all_text = []  # 코드까지 포함한 모든 글자
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in self.HIDDEN:
            self._hidden += 1
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "img":
            self.images.append(a)
        if tag == "link" and a.get("rel") in ("canonical", "alternate"):
            return  # 주소를 알리는 것일 뿐 내려받지 않는다
        for key in ("src", "href"):
            if tag in ("img", "script", "link", "iframe", "source", "video", "audio") and a.get(key):
                self.sources.append(a[key])

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        self.all_text.append(data)
        if not self._hidden:
            self.text.append(data)


def parse(html):
    parser = PageParser()
    parser.feed(html)
    parser.prose = " ".join(parser.text)
    parser.everything = "".join(parser.all_text)
    return parser
